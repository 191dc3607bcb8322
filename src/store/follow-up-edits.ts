import { type FollowUp, type InvitationRecord, MAX_FOLLOW_UPS } from '../model/invitation';
import { EditRefused } from './edit-refused';
import { FUTURE_TOLERANCE_MS } from './merge-core';

/**
 * The user's follow-up and snooze edits as pure changes to one record, each stamped with the time
 * of the edit (`followUpsChangedAt`, `snoozeChangedAt`) so that it outlasts an older backup. The
 * single writer (ledger.ts) applies them in one transaction and validates the result.
 */

/** Adds a follow-up to the log, which stays oldest first. A date ahead of the clock is refused. */
export function withFollowUp(record: InvitationRecord, entry: FollowUp, now: number): InvitationRecord {
  if (entry.at > now + FUTURE_TOLERANCE_MS)
    throw new EditRefused('follow-up-in-future', 'A follow-up cannot be dated in the future');
  const log = record.followUps ?? [];
  if (log.length >= MAX_FOLLOW_UPS)
    throw new EditRefused('too-many-follow-ups', `At most ${MAX_FOLLOW_UPS} follow-ups are kept`);
  // After the last entry not later than it: two at the same moment stay in the order logged.
  const index = log.findLastIndex((logged) => logged.at <= entry.at) + 1;
  const followUps = [...log.slice(0, index), entry, ...log.slice(index)];
  return { ...record, followUps, followUpsChangedAt: now };
}

/**
 * Takes back the follow-up logged at `at` (the last one of that moment); nothing changes when
 * there is none, so undoing twice is harmless.
 */
export function withoutFollowUp(record: InvitationRecord, at: number, now: number): InvitationRecord {
  const log = record.followUps ?? [];
  const index = log.findLastIndex((logged) => logged.at === at);
  if (index === -1) return record;
  const followUps = log.filter((_, i) => i !== index);
  return { ...record, followUps, followUpsChangedAt: now };
}

/** "Remind me on…" (a moment after now), or, with null, awake again. */
export function withSnooze(record: InvitationRecord, until: number | null, now: number): InvitationRecord {
  if (until !== null && until <= now) throw new EditRefused('snooze-in-past', 'A snooze must end after now');
  if ((record.snoozedUntil ?? null) === until) return record;
  return { ...record, snoozedUntil: until, snoozeChangedAt: now };
}
