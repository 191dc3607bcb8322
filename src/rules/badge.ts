import type { InvitationRecord } from '../model/invitation';
import { type LedgerCounts, ledgerCounts } from './counts';
import type { ResolvedSettings } from './expiry';

export interface BadgeSummary {
  /** Pending invitations at least `weeks` weeks old (ledgerCounts' olderThanBadge). */
  olderCount: number;
  /** Pending invitations that could lapse within the warning window ("act this week"). */
  nearingCount: number;
  /** Pending invitations LinkedIn still lists past the window. */
  pastWindowCount: number;
  weeks: number;
  warningDays: number;
  /** Badge text: the count, empty when zero (Chrome shows nothing for ''). */
  text: string;
  /** Warning colour when anything is nearing expiry. */
  tone: 'normal' | 'warning';
}

/** The badge: the figures of ledgerCounts, as the toolbar shows them. */
export function badgeSummary(
  records: readonly InvitationRecord[],
  settings: ResolvedSettings,
  now: number,
): BadgeSummary {
  return badgeOfCounts(ledgerCounts(records, settings, now), settings);
}

/** The badge from figures ledgerCounts already gave (the worker's, from the store's facts). */
export function badgeOfCounts(
  counts: LedgerCounts,
  settings: Pick<ResolvedSettings, 'badgeWeeks' | 'warningDays'>,
): BadgeSummary {
  return {
    olderCount: counts.olderThanBadge,
    nearingCount: counts.nearing,
    pastWindowCount: counts.pastWindow,
    weeks: settings.badgeWeeks,
    warningDays: settings.warningDays,
    text: counts.olderThanBadge > 0 ? String(counts.olderThanBadge) : '',
    tone: counts.nearing > 0 ? 'warning' : 'normal',
  };
}
