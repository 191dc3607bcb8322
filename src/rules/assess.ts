import type { InvitationRecord } from '../model/invitation';
import type { Settings } from '../model/settings';
import type { Interval } from '../model/time';
import { type AgeDescription, describeAge } from './age';
import { isOlderThanWeeks } from './badge';
import { daysLeft, type ExpiryStatus, expiryInterval, expiryStatus } from './expiry';
import { type Suggestion, suggest } from './suggestions';

/**
 * Everything the popup, badge and CSV show about one invitation, computed in one place. (The CSV
 * export, which leaves out the suggestion's message, puts its columns together from the same rule
 * functions per send interval; tests/unit/csv/fast-path.test.ts holds it to this.)
 */
export interface Assessment {
  /** Null unless the invitation is pending. */
  expiry: ExpiryStatus | null;
  age: AgeDescription | null;
  expires: Interval | null;
  /** Pessimistic days left (earliest possible expiry); null when unknown or not pending. */
  daysLeft: number | null;
  olderThanBadge: boolean;
  suggestion: Suggestion;
}

export function assess(record: InvitationRecord, settings: Settings, now: number): Assessment {
  const pending = record.status === 'pending';
  const expiry = pending ? expiryStatus(record.sent, settings, now) : null;
  const sent = record.sent;
  return {
    expiry,
    age: sent ? describeAge(sent, now) : null,
    expires: sent ? expiryInterval(sent, settings) : null,
    daysLeft: pending && sent ? daysLeft(sent, settings, now) : null,
    olderThanBadge: isOlderThanWeeks(record, settings.badgeWeeks, now),
    suggestion: suggest(record, expiry, settings, now),
  };
}
