import type { FollowUp, InvitationRecord } from '../model/invitation';
import type { PageMessage } from '../model/messages';
import { t } from '../shared/i18n';
import { dateText } from '../shared/ui/format';
import type { Undoable } from './undo';

/** A change to a row's follow-ups or snooze, with what undoes it. */
export type Change = [PageMessage, Undoable];

/** Log a follow-up; undone by taking back the entry of that moment. */
export function logFollowUp(record: InvitationRecord, followUp: FollowUp): Change {
  const { id, name } = record;
  return [
    { type: 'log-follow-up', id, followUp },
    {
      id,
      done: t('followup_logged', name),
      undo: { type: 'undo-follow-up', id, at: followUp.at },
      undone: t('followup_removed', name),
    },
  ];
}

/**
 * Snooze until `until`, or wake (null); undone by going back to the snooze it had (`current`, the
 * active snooze or null).
 */
export function setSnooze(record: InvitationRecord, until: number | null, current: number | null): Change {
  const { id, name } = record;
  const message = (to: number | null): PageMessage =>
    to === null ? { type: 'wake', id } : { type: 'snooze', id, until: to };
  const snoozedText = (to: number) => t('snooze_done', [name, dateText(to)]);
  return [
    message(until),
    {
      id,
      done: until === null ? t('snooze_woken', name) : snoozedText(until),
      undo: message(current),
      undone: current === null ? t('snooze_woken', name) : snoozedText(current),
    },
  ];
}
