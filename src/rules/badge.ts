import type { InvitationRecord } from '../model/invitation';
import type { Settings } from '../model/settings';
import { expiryStatus, surelyOlderThanDays } from './expiry';

/** Counted by the badge and the popup only while pending, tracked, and with a known send time. */
function countable(
  record: InvitationRecord,
): record is InvitationRecord & { sent: NonNullable<InvitationRecord['sent']> } {
  return record.status === 'pending' && !record.hidden && record.sent !== null;
}

/**
 * "Older than N weeks" only when even its youngest possible age is at least N weeks: the badge
 * must never nag about an invitation that might be younger.
 */
export function isOlderThanWeeks(record: InvitationRecord, weeks: number, now: number): boolean {
  return countable(record) && surelyOlderThanDays(record.sent, weeks * 7, now);
}

export interface BadgeSummary {
  /** Pending invitations at least `weeks` weeks old. */
  olderCount: number;
  /** Pending invitations that could expire within the warning window (status `nearing`). */
  nearingCount: number;
  weeks: number;
  warningDays: number;
  /** Badge text: the count, empty when zero (Chrome shows nothing for ''). */
  text: string;
  /** Warning colour when anything is nearing expiry. */
  tone: 'normal' | 'warning';
}

export function badgeSummary(records: readonly InvitationRecord[], settings: Settings, now: number): BadgeSummary {
  let olderCount = 0;
  let nearingCount = 0;
  for (const record of records) {
    if (!countable(record)) continue;
    if (surelyOlderThanDays(record.sent, settings.badgeWeeks * 7, now)) olderCount++;
    if (expiryStatus(record.sent, settings, now) === 'nearing') nearingCount++;
  }
  return {
    olderCount,
    nearingCount,
    weeks: settings.badgeWeeks,
    warningDays: settings.warningDays,
    text: olderCount > 0 ? String(olderCount) : '',
    tone: nearingCount > 0 ? 'warning' : 'normal',
  };
}
