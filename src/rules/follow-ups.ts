import { addDays } from 'date-fns';
import type { InvitationRecord } from '../model/invitation';
import type { Settings } from '../model/settings';

/**
 * What the user's follow-up log and snooze mean at `now`. Good etiquette, like LinkedIn's own
 * reminders to the recipient, stops at two nudges: the ladder never suggests a third.
 */
export const NUDGES_MAX = 2;

type Logged = Pick<InvitationRecord, 'followUps'>;

export function followUpCount(record: Logged): number {
  return record.followUps?.length ?? 0;
}

/** The latest follow-up's moment (the log is kept oldest first, but a late entry may be older). */
export function lastFollowUpAt(record: Logged): number | null {
  const log = record.followUps ?? [];
  return log.length === 0 ? null : Math.max(...log.map((entry) => entry.at));
}

/** Until when, after the latest follow-up, the advice is to wait for a reply; null without one. */
export function awaitingReplyUntil(record: Logged, settings: Pick<Settings, 'followUpWaitDays'>): number | null {
  const last = lastFollowUpAt(record);
  return last === null ? null : addDays(last, settings.followUpWaitDays).getTime();
}

/** The date the user asked to be reminded on, while it is still ahead; else null (not snoozed). */
export function activeSnooze(record: Pick<InvitationRecord, 'snoozedUntil'>, now: number): number | null {
  const until = record.snoozedUntil ?? null;
  return until !== null && until > now ? until : null;
}
