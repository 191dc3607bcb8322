import { addDays, startOfDay } from 'date-fns';
import type { InvitationRecord } from '../model/invitation';
import type { ReminderState } from '../model/reminder-state';
import type { ReminderCadence } from '../model/settings';
import { recordExpiry } from './counts';
import type { ExpiryStatus, ResolvedSettings } from './expiry';
import { activeSnooze } from './follow-ups';

/**
 * Reminders that respect attention: a notification only when an invitation crossed into "act
 * this week" (the popup's list and the header's count: tracked, pending, `nearing`) since the last
 * one, never twice for the same crossing, and at most one a day (or a week, for the digest).
 * Pure: the worker passes the ledger, settings, what it remembered and `now`.
 */

/** Calendar days between two notifications, per cadence. */
const CADENCE_DAYS: Record<Exclude<ReminderCadence, 'off'>, number> = { daily: 1, weekly: 7 };

/** A snoozed row ("remind me on…") stays out of every act-on list until its date. */
const isSnoozed = (record: InvitationRecord, now: number) => activeSnooze(record, now) !== null;

/** In "act this week": tracked, could lapse within the warning window, not snoozed. */
export function actsThisWeek(record: InvitationRecord, expiry: ExpiryStatus | null, now: number): boolean {
  return !record.hidden && expiry === 'nearing' && !isSnoozed(record, now);
}

/**
 * Whether an announced invitation could come back into "act this week" by itself, and so must
 * stay remembered: still pending, not snoozed (a snooze's end is a reminder the user asked for),
 * and `nearing` or `maybe-expired` (a later sighting turns the second back into the first). From
 * any other status time alone never leads back; a settings change that does is a new crossing.
 */
function mayComeBack(record: InvitationRecord, expiry: ExpiryStatus | null, now: number): boolean {
  return (expiry === 'nearing' || expiry === 'maybe-expired') && !isSnoozed(record, now);
}

/** Whether the cadence allows a notification at `now`, the last one having been at `last`. */
export function cadenceAllows(cadence: ReminderCadence, last: number | null, now: number): boolean {
  if (cadence === 'off') return false;
  if (last === null) return true;
  return now >= startOfDay(addDays(last, CADENCE_DAYS[cadence])).getTime();
}

export interface ReminderDecision {
  /** The invitations that newly crossed, soonest to lapse first; null: no notification now. */
  notify: InvitationRecord[] | null;
  /** What to remember (unchanged when nothing changed). */
  state: ReminderState;
}

const soonestFirst = (a: InvitationRecord, b: InvitationRecord) =>
  (a.sent?.earliest ?? 0) - (b.sent?.earliest ?? 0) || a.name.localeCompare(b.name);

/**
 * The reminder decision at `now`. With no state yet (reminders just turned on), what is already
 * in "act this week" is taken as known and nothing is sent: the user is looking at Lapse then.
 * Crossings the cadence holds back stay unannounced, so the next allowed notification has them.
 */
export function decideReminder(
  records: readonly InvitationRecord[],
  settings: ResolvedSettings,
  state: ReminderState | null,
  now: number,
): ReminderDecision {
  const remembered = new Set(state?.announced ?? []);
  const current: InvitationRecord[] = [];
  const kept: string[] = [];
  for (const record of records) {
    const expiry = recordExpiry(record, settings, now);
    if (actsThisWeek(record, expiry, now)) current.push(record);
    if (remembered.has(record.id) && mayComeBack(record, expiry, now)) kept.push(record.id);
  }
  const crossed = current.filter((record) => !remembered.has(record.id));
  const everyCurrent = current.map((record) => record.id);
  if (state === null) return { notify: null, state: { lastNotifiedAt: null, announced: everyCurrent } };
  if (crossed.length === 0 || !cadenceAllows(settings.reminders, state.lastNotifiedAt, now)) {
    return { notify: null, state: { lastNotifiedAt: state.lastNotifiedAt, announced: kept } };
  }
  const announced = [...new Set([...kept, ...everyCurrent])];
  return { notify: crossed.sort(soonestFirst), state: { lastNotifiedAt: now, announced } };
}
