import { useEffect, useState } from 'preact/hooks';
import type { PageMessage } from '../model/messages';
import type { Settings } from '../model/settings';
import { t } from '../shared/i18n';
import { suggestedMessage } from '../shared/templates';
import { sentText, statusChip, suggestionText } from '../shared/ui/format';
import { NoteEditor } from './NoteEditor';
import { type MenuItem, RowMenu } from './RowMenu';
import type { Row } from './view';

/** Only canonical profile links become hrefs, whatever a record claims. */
const PROFILE_LINK = /^https:\/\/www\.linkedin\.com\/in\/[^/?#]+\/$/;

/**
 * One invitation. Everything from LinkedIn (name, headline) and from the user (note) is rendered
 * as text children only.
 */
export function InvitationRow({
  row,
  templates,
  onAct,
}: {
  row: Row;
  /** The user's own message templates; the others are the defaults in the UI language. */
  templates: Settings['templates'];
  onAct: (message: PageMessage) => void;
}) {
  const { record, assessment } = row;
  const [editingNote, setEditingNote] = useState(false);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const chip = statusChip(record, assessment);
  const message = suggestedMessage(record, assessment.suggestion.kind, { templates }, t);

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

  const items: MenuItem[] = [];
  const setStatus = (status: 'pending' | 'accepted' | 'withdrawn') => () =>
    onAct({ type: 'set-status', id: record.id, status });
  if (record.status !== 'accepted')
    items.push({ id: 'accepted', label: t('menu_mark_accepted'), run: setStatus('accepted') });
  if (record.status !== 'withdrawn')
    items.push({ id: 'withdrawn', label: t('menu_mark_withdrawn'), run: setStatus('withdrawn') });
  if (record.status !== 'pending')
    items.push({ id: 'pending', label: t('menu_back_to_pending'), run: setStatus('pending') });
  items.push({
    id: 'note',
    label: record.note ? t('menu_edit_note') : t('menu_add_note'),
    run: () => setEditingNote(true),
  });
  items.push(
    record.hidden
      ? {
          id: 'track',
          label: t('menu_track_again'),
          run: () => onAct({ type: 'set-hidden', id: record.id, hidden: false }),
        }
      : {
          id: 'hide',
          label: t('menu_stop_tracking'),
          run: () => onAct({ type: 'set-hidden', id: record.id, hidden: true }),
        },
  );

  return (
    <li class="row" data-id={record.id}>
      <div class="row-top">
        {PROFILE_LINK.test(record.profileUrl) ? (
          <a class="row-name" href={record.profileUrl} target="_blank" rel="noopener noreferrer">
            {record.name}
          </a>
        ) : (
          <span class="row-name">{record.name}</span>
        )}
        <span class={`chip chip-${chip.tone}`}>{chip.text}</span>
        <RowMenu label={t('menu_label', record.name)} items={items} />
      </div>
      {record.headline && (
        <p class="row-headline" title={record.headline}>
          {record.headline}
        </p>
      )}
      <p class="row-meta">
        {sentText(assessment.age)}
        {record.hidden && <span class="row-hidden"> · {t('row_hidden')}</span>}
      </p>
      <div class="row-suggestion">
        <p>{suggestionText(assessment)}</p>
        {message && (
          <button type="button" class="small" onClick={copy} aria-label={t('copy_message_label', record.name)}>
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
          onCancel={() => setEditingNote(false)}
          onSave={(note) => {
            setEditingNote(false);
            onAct({ type: 'set-note', id: record.id, note });
          }}
        />
      )}
    </li>
  );
}
