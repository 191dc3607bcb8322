import type { RefObject } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { type InvitationRecord, MAX_FOLLOW_UPS } from '../model/invitation';
import type { PageMessage } from '../model/messages';
import { CANONICAL_PROFILE_URL } from '../model/profile';
import type { Settings, SuggestionKind } from '../model/settings';
import { followUpCount } from '../rules';
import { t } from '../shared/i18n';
import { suggestedMessage } from '../shared/templates';
import { sentDatesText, statusChip, suggestionText } from '../shared/ui/format';
import { FollowUpForm } from './FollowUpForm';
import { type Change, logFollowUp, setSnooze } from './follow-up-actions';
import { NoteEditor } from './NoteEditor';
import { RowFollowUps, SentItPrompt } from './RowFollowUps';
import { type MenuItem, RowMenu } from './RowMenu';
import { SnoozeForm } from './SnoozeForm';
import { UndoContext } from './undo';
import type { Row } from './view';

/** Advice that asks the user to write to someone: the row offers the message as its one action. */
const WRITE_NOW: ReadonlySet<SuggestionKind> = new Set(['follow-up', 'act-now', 'withdraw-reinvite', 'resend']);

type Copied = 'yes' | 'failed' | null;

const copiedText = (copied: 'yes' | 'failed') => (copied === 'yes' ? t('copied') : t('copy_failed'));

/** Copies the suggested message; says so for two seconds after each copy (and to screen readers). */
function useCopy(message: string, onCopied: () => void): [Copied, () => Promise<void>] {
  // Each copy is a new object, so copying again while "Copied" shows starts its two seconds anew.
  const [copied, setCopied] = useState<{ result: 'yes' | 'failed' } | null>(null);
  useEffect(() => {
    if (copied === null) return;
    const timer = setTimeout(() => setCopied(null), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(message);
      setCopied({ result: 'yes' });
      onCopied();
    } catch {
      setCopied({ result: 'failed' });
    }
  };
  return [copied?.result ?? null, copy];
}

/**
 * The row's suggested message, and whether it is the row's one action. After it is copied for an
 * invitation still pending, "Sent it?" is asked: `sentIt` (null when not asked) logs the follow-up.
 */
function useSuggestedMessage(row: Row, templates: Settings['templates'], change: (change: Change) => void) {
  const { record, assessment } = row;
  const kind = assessment.suggestion.kind;
  const message = suggestedMessage(record, kind, { templates }, t);
  // The template just copied, while "Sent it?" is asked (only of invitations still pending).
  const [copiedKind, setCopiedKind] = useState<SuggestionKind | null>(null);
  const [copied, copy] = useCopy(message, () => record.status === 'pending' && setCopiedKind(kind));
  const sentIt =
    copiedKind === null
      ? null
      : () => {
          setCopiedKind(null);
          change(logFollowUp(record, { at: Date.now(), template: copiedKind }));
        };
  return { message, primary: message !== '' && WRITE_NOW.has(kind), copied, copy, sentIt };
}

/** The row menu's status and tracking items, which apply to every invitation. */
function statusItems(row: Row, onAct: (message: PageMessage) => void): MenuItem[] {
  const { record } = row;
  const items: MenuItem[] = [];
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

/** What a row's inline form is open for, if any. */
type Editing = 'note' | 'follow-up' | 'snooze' | null;

/** The row menu's follow-up and snooze items: only for invitations still pending in the ledger. */
function followUpItems(row: Row, open: (form: Editing) => void, wake: () => void): MenuItem[] {
  if (row.record.status !== 'pending') return [];
  const items: MenuItem[] = [];
  if (followUpCount(row.record) < MAX_FOLLOW_UPS) {
    items.push({ id: 'follow-up', label: t('followup_menu_log'), run: () => open('follow-up') });
  }
  items.push({ id: 'snooze', label: t('snooze_menu'), run: () => open('snooze') });
  if (row.assessment.snoozedUntil !== null) items.push({ id: 'wake', label: t('snooze_menu_wake'), run: wake });
  return items;
}

/** The row's whole menu: copy (when not the row's one action), note, follow-up and snooze, status. */
function rowMenuItems(
  row: Row,
  {
    copy,
    edit,
    change,
    onAct,
  }: {
    copy: (() => void) | null;
    edit: (form: Editing) => void;
    change: (change: Change) => void;
    onAct: (message: PageMessage) => void;
  },
): MenuItem[] {
  const { record, assessment } = row;
  return [
    ...(copy ? [{ id: 'copy', label: t('menu_copy_message'), run: copy }] : []),
    { id: 'note', label: record.note ? t('menu_edit_note') : t('menu_add_note'), run: () => edit('note') },
    ...followUpItems(row, edit, () => change(setSnooze(record, null, assessment.snoozedUntil))),
    ...statusItems(row, onAct),
  ];
}

/** The row's open form, if any; closing it returns focus to the row's menu, where it was opened. */
function useEditing(menuButton: RefObject<HTMLButtonElement>): [Editing, (form: Editing) => void, () => void] {
  const [editing, setEditing] = useState<Editing>(null);
  const close = () => {
    setEditing(null);
    // The editor was opened from the row's menu: focus goes back there.
    menuButton.current?.focus();
  };
  return [editing, setEditing, close];
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
  const menuButton = useRef<HTMLButtonElement>(null);
  const [editing, setEditing, closeEditor] = useEditing(menuButton);
  const perform = useContext(UndoContext);
  const change = ([message, undoable]: Change) => (perform ? perform(message, undoable) : onAct(message));
  const { message, primary, copied, copy, sentIt } = useSuggestedMessage(row, templates, change);
  const chip = statusChip(record, assessment);
  const tabIndex = tabbable ? 0 : -1;
  const menuCopy = message !== '' && !primary ? () => void copy() : null;

  return (
    <li
      class={`row row-${chip.tone}`}
      data-id={record.id}
      tabIndex={tabIndex}
      onKeyDown={onKeyDown}
      onFocusIn={onFocusIn}
    >
      <div class="row-top">
        <RowName record={record} tabIndex={tabIndex} />
        <span class={`chip chip-${chip.tone}`}>{chip.text}</span>
        <RowMenu
          label={t('menu_label', record.name)}
          items={rowMenuItems(row, { copy: menuCopy, edit: setEditing, change, onAct })}
          tabIndex={tabIndex}
          buttonRef={menuButton}
        />
      </div>
      <RowFacts record={record} now={now} />
      <RowSuggestion row={row} primary={primary} copied={copied} onCopy={copy} tabIndex={tabIndex} />
      {sentIt && <SentItPrompt personName={record.name} onYes={sentIt} />}
      <RowFollowUps record={record} snoozedUntil={assessment.snoozedUntil} />
      {record.note && editing !== 'note' && (
        <p class="row-note">
          <span class="row-note-label">{t('note_prefix')}</span> {record.note}
        </p>
      )}
      <RowEditor
        editing={editing}
        row={row}
        now={now}
        onClose={closeEditor}
        onChange={change}
        onNote={(note) => onAct({ type: 'set-note', id: record.id, note })}
      />
    </li>
  );
}

/** LinkedIn's headline (cut to one line, whole in its tooltip) and when the invitation was sent. */
function RowFacts({ record, now }: { record: InvitationRecord; now: number }) {
  return (
    <>
      {record.headline && (
        <p class="row-headline" title={record.headline}>
          {record.headline}
        </p>
      )}
      <p class="row-meta">
        {sentDatesText(record, now)}
        {record.hidden && <span class="row-hidden"> · {t('row_hidden')}</span>}
      </p>
    </>
  );
}

/** What to do next, with the message to copy as a button when writing is the advice. */
function RowSuggestion({
  row: { record, assessment },
  primary,
  copied,
  onCopy,
  tabIndex,
}: {
  row: Row;
  /** The message is the row's one action (shown here, not in the menu). */
  primary: boolean;
  copied: Copied;
  onCopy: () => void;
  tabIndex: number;
}) {
  return (
    <div class="row-suggestion">
      <p>{suggestionText(assessment)}</p>
      {primary && (
        <button
          type="button"
          class="small primary-action"
          onClick={onCopy}
          tabIndex={tabIndex}
          aria-label={t('copy_message_label', record.name)}
        >
          {copied === null ? t('copy_message') : copiedText(copied)}
        </button>
      )}
      {/* Copying from the menu, which has no button to show it, is announced too: success or failure. */}
      <span class="visually-hidden" aria-live="polite">
        {copied === null ? '' : copiedText(copied)}
      </span>
    </div>
  );
}

/** The person's name, a link to their profile when the record's link is a canonical one. */
function RowName({ record, tabIndex }: { record: InvitationRecord; tabIndex: number }) {
  // Only canonical profile links become hrefs, whatever a record claims.
  if (!CANONICAL_PROFILE_URL.test(record.profileUrl)) return <span class="row-name">{record.name}</span>;
  return (
    <a class="row-name" href={record.profileUrl} target="_blank" rel="noopener noreferrer" tabIndex={tabIndex}>
      {record.name}
    </a>
  );
}

/** The form the row's menu opened (follow-up, snooze or note), if any; each closes itself after saving. */
function RowEditor({
  editing,
  row: { record, assessment },
  now,
  onClose,
  onChange,
  onNote,
}: {
  editing: Editing;
  row: Row;
  now: number;
  onClose: () => void;
  onChange: (change: Change) => void;
  onNote: (note: string | null) => void;
}) {
  const then =
    <T,>(act: (value: T) => void) =>
    (value: T) => {
      onClose();
      act(value);
    };
  if (editing === 'follow-up') {
    return (
      <FollowUpForm
        personName={record.name}
        now={now}
        onCancel={onClose}
        onSave={then((followUp) => onChange(logFollowUp(record, followUp)))}
      />
    );
  }
  if (editing === 'snooze') {
    return (
      <SnoozeForm
        personName={record.name}
        now={now}
        onCancel={onClose}
        onSnooze={then((until) => onChange(setSnooze(record, until, assessment.snoozedUntil)))}
      />
    );
  }
  if (editing === 'note') {
    return <NoteEditor note={record.note} personName={record.name} onCancel={onClose} onSave={then(onNote)} />;
  }
  return null;
}
