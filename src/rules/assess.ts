import type { InvitationRecord } from '../model/invitation';
import type { Interval } from '../model/time';
import { type AgeDescription, describeAge } from './age';
import { olderThanBadge, type Standing, standingOf } from './counts';
import { type ExpiryStatus, expiryFigures, expiryInterval, type ResolvedSettings } from './expiry';
import { activeSnooze } from './follow-ups';
import { type Suggestion, suggest } from './suggestions';
import { lastListedAt } from './window';

/**
 * Everything the popup, badge and CSV show about one invitation, computed in one place. (The CSV
 * export, which leaves out the suggestion's message, puts its columns together from the same rule
 * functions per send interval; tests/unit/csv/fast-path.test.ts holds it to this.)
 */
export interface Assessment {
  /** Null unless the invitation is pending. */
  expiry: ExpiryStatus | null;
  standing: Standing;
  age: AgeDescription | null;
  expires: Interval | null;
  /**
   * Pessimistic days left (earliest possible expiry); null when unknown, not pending, or past the
   * window while still listed. Negative once the window may have passed.
   */
  daysLeft: number | null;
  /** Past the window, still listed: whole days since the window surely closed. */
  pastWindowDays: number | null;
  /** When the Sent page last listed it (the evidence behind `pending`), or null. */
  listedAt: number | null;
  olderThanBadge: boolean;
  suggestion: Suggestion;
  /** "Remind me on…": the date the user snoozed it until, while that is ahead; else null. */
  snoozedUntil: number | null;
}

export function assess(record: InvitationRecord, settings: ResolvedSettings, now: number): Assessment {
  const pending = record.status === 'pending';
  const sent = record.sent;
  const listedAt = lastListedAt(record);
  const figures = pending && sent ? expiryFigures(sent, settings, now, listedAt) : null;
  const expiry = pending ? (figures?.status ?? 'unknown') : null;
  const standing = standingOf(record, expiry);
  return {
    expiry,
    standing,
    age: sent ? describeAge(sent, now) : null,
    expires: sent ? (figures?.expires ?? expiryInterval(sent, settings)) : null,
    daysLeft: figures?.daysLeft ?? null,
    pastWindowDays: figures?.pastWindowDays ?? null,
    listedAt,
    olderThanBadge: olderThanBadge(record, standing, settings, now),
    suggestion: suggest(record, expiry, now, settings),
    snoozedUntil: activeSnooze(record, now),
  };
}
