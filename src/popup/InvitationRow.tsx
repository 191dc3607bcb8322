import { useEffect, useRef, useState } from 'preact/hooks';
import type { PageMessage } from '../model/messages';
import type { Settings, SuggestionKind } from '../model/settings';
import { t } from '../shared/i18n';
import { suggestedMessage } from '../shared/templates';
import { sentDatesText, statusChip, suggestionText } from '../shared/ui/format';
import { NoteEditor } from './NoteEditor';
import { type MenuItem, RowMenu } from './RowMenu';
import type { Row } from './view';

/** Only canonical profile links become hrefs, whatever a record claims. */
const PROFILE_LINK = /^https:\/\/www\.linkedin\.com\/in\/[^/?#]+\/$/;

/** Advice that asks the user to write to someone: the row offers the message as its one action. */
const WRITE_NOW: ReadonlySet<SuggestionKind> = new Set(['follow-up', 'act-now', 'withdraw-reinvite', 'resend']);

type Copied = 'yes' | 'failed' | null;

/** Copies the suggested message; says so for two seconds (and to screen readers). */
function useCopy(message: string): [Copied, () => Promise<void>] {
  const [copied, setCopied] = useState<Copied>(null);
  useEffect(() => {
    if (copied === null) return;
    const timer = setTimeout(() => setCopied(null), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(message);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return [copied, copy];
}

function menuItems(row: Row, onAct: (message: PageMessage) => void, extra: MenuItem[]): MenuItem[] {
  const { record } = row;
  const items: MenuItem[] = [...extra];
  const setStatus = (status: 'pending' | 'accepted' | 'withdrawn') => () =>
    onAct({ type: 'set-status', id: record.id, status });
  if (record.status !== 'accepted')
    items.push({ id: 'accepted', label: t('menu_mark_accepted'), run: setStatus('accepted') });
  if (record.status !== 'withdrawn') {
    items.push({ id: 'withdrawn', label: t('menu_mark_withdrawn'), run: setStatus('withdrawn') });
  }
  if (record.status !== 'pending')
    items.push({ id: 'pending', label: t('menu_back_to_pending'), run: setStatus('pending') });
  const hidden = record.hidden;
  items.push({
    id: hidden ? 'track' : 'hide',
    label: hidden ? t('menu_track_again') : t('menu_stop_tracking'),
    run: () => onAct({ type: 'set-hidden', id: record.id, hidden: !hidden }),
  });
  return items;
}

/**
 * One invitation. Everything from LinkedIn (name, headline) and from the user (note) is rendered
 * as text children only. Its controls are in the Tab order only while the row is the list's
 * active one (`tabbable`): the list is one Tab stop, rows are moved between with the arrow keys.
 */
export function InvitationRow({
  row,
  templates,
  tabbable,
  now,
  onAct,
  onKeyDown,
  onFocusIn,
}: {
  row: Row;
  /** The user's own message templates; the others are the defaults in the UI language. */
  templates: Settings['templates'];
  tabbable: boolean;
  now: number;
  onAct: (message: PageMessage) => void;
  /** The list's arrow keys (moving between rows). */
  onKeyDown: (event: KeyboardEvent) => void;
  /** Focus reached this row or one of its controls: it becomes the list's active row. */
  onFocusIn: () => void;
}) {
  const { record, assessment } = row;
  const [editingNote, setEditingNote] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const message = suggestedMessage(record, assessment.suggestion.kind, { templates }, t);
  const [copied, copy] = useCopy(message);
  const chip = statusChip(record, assessment);
  const primary = message !== '' && WRITE_NOW.has(assessment.suggestion.kind);
  const tabIndex = tabbable ? 0 : -1;
  const extra: MenuItem[] = [
    { id: 'note', label: record.note ? t('menu_edit_note') : t('menu_add_note'), run: () => setEditingNote(true) },
  ];
  if (message !== '' && !primary) extra.unshift({ id: 'copy', label: t('menu_copy_message'), run: () => void copy() });
  const closeEditor = () => {
    setEditingNote(false);
    // The editor was opened from the row's menu: focus goes back there.
    menuButton.current?.focus();
  };

  return (
    <li
      class={`row row-${chip.tone}`}
      data-id={record.id}
      tabIndex={tabIndex}
      onKeyDown={onKeyDown}
      onFocusIn={onFocusIn}
    >
      <div class="row-top">
        {PROFILE_LINK.test(record.profileUrl) ? (
          <a class="row-name" href={record.profileUrl} target="_blank" rel="noopener noreferrer" tabIndex={tabIndex}>
            {record.name}
          </a>
        ) : (
          <span class="row-name">{record.name}</span>
        )}
        <span class={`chip chip-${chip.tone}`}>{chip.text}</span>
        <RowMenu
          label={t('menu_label', record.name)}
          items={menuItems(row, onAct, extra)}
          tabIndex={tabIndex}
          buttonRef={menuButton}
        />
      </div>
      {record.headline && (
        <p class="row-headline" title={record.headline}>
          {record.headline}
        </p>
      )}
      <p class="row-meta">
        {sentDatesText(record, now)}
        {record.hidden && <span class="row-hidden"> · {t('row_hidden')}</span>}
      </p>
      <div class="row-suggestion">
        <p>{suggestionText(assessment)}</p>
        {primary && (
          <button
            type="button"
            class="small primary-action"
            onClick={copy}
            tabIndex={tabIndex}
            aria-label={t('copy_message_label', record.name)}
          >
            {copied === 'yes' ? t('copied') : copied === 'failed' ? t('copy_failed') : t('copy_message')}
          </button>
        )}
        <span class="visually-hidden" aria-live="polite">
          {copied === 'yes' ? t('copied') : ''}
        </span>
      </div>
      {record.note && !editingNote && (
        <p class="row-note">
          <span class="row-note-label">{t('note_prefix')}</span> {record.note}
        </p>
      )}
      {editingNote && (
        <NoteEditor
          note={record.note}
          personName={record.name}
          onCancel={closeEditor}
          onSave={(note) => {
            closeEditor();
            onAct({ type: 'set-note', id: record.id, note });
          }}
        />
      )}
    </li>
  );
}
