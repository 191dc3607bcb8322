import type { InvitationRecord } from '../model/invitation';
import type { ScanProgress } from '../model/messages';
import type { Settings } from '../model/settings';
import { type BadgeSummary, badgeSummary } from '../rules/badge';
import { resolveSettings } from '../rules/window';

/** `browser.i18n.getMessage`'s shape, passed in so this module stays pure (tests, benchmark). */
export type Translate = (key: string, substitutions?: string[]) => string;

/** Calm slate blue normally; amber when anything could lapse within the warning window. */
export const BADGE_COLORS = { normal: '#3D5A80', warning: '#B45309', scanning: '#6B7280' } as const;

export interface BadgeView {
  text: string;
  color: string;
  /** The tooltip; null when no translator was given (the benchmark times the count alone). */
  title: string | null;
  summary: BadgeSummary | null;
}

/** `<base>_one` or `<base>_other`, count first, like src/shared/i18n.ts (browser.i18n has no plurals). */
function counted(translate: Translate, base: string, count: number, more: string[] = []): string {
  return translate(count === 1 ? `${base}_one` : `${base}_other`, [String(count), ...more]);
}

/** "7 invitations older than 3 weeks · 2 expire within 14 days", or what the empty badge means. */
export function badgeTitle(summary: BadgeSummary, translate: Translate): string {
  const age = counted(translate, 'badge_weeks', summary.weeks);
  const parts: string[] = [];
  if (summary.olderCount > 0) parts.push(counted(translate, 'badge_older', summary.olderCount, [age]));
  if (summary.nearingCount > 0) {
    parts.push(
      counted(translate, 'badge_nearing', summary.nearingCount, [
        counted(translate, 'badge_days', summary.warningDays),
      ]),
    );
  }
  return parts.length > 0 ? parts.join(' · ') : translate('badge_nothing', [age]);
}

/**
 * The badge for the ledger at `now`: one pass over the records (rules/badge.ts), then the text,
 * colour and tooltip. Pure; must stay well under 20 ms for 5,000 records.
 */
export function recountBadge(
  records: readonly InvitationRecord[],
  settings: Settings,
  now: number,
  translate?: Translate,
): BadgeView {
  const summary = badgeSummary(records, resolveSettings(settings, records), now);
  return {
    text: summary.text,
    color: BADGE_COLORS[summary.tone],
    title: translate ? badgeTitle(summary, translate) : null,
    summary,
  };
}

/** While "Scan all" runs: an ellipsis on the badge and "Scanning 40 of 120" in the tooltip. */
export function scanBadge(progress: ScanProgress, translate: Translate): BadgeView {
  const read = String(progress.read);
  const title =
    progress.total === null
      ? translate('badge_scanning_no_total', [read])
      : translate('badge_scanning', [read, String(progress.total)]);
  return { text: '…', color: BADGE_COLORS.scanning, title, summary: null };
}
