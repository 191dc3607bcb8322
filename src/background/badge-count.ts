import type { InvitationRecord } from '../model/invitation';
import type { ScanProgress } from '../model/messages';
import type { Settings } from '../model/settings';
import { type BadgeSummary, badgeOfCounts } from '../rules/badge';
import { type LedgerCounts, ledgerCounts } from '../rules/counts';
import type { ResolvedSettings } from '../rules/expiry';
import { resolveSettings } from '../rules/window';
import { counted, numberText, type Words } from '../shared/locale';

/** Calm slate blue normally; amber when anything could lapse within the warning window. */
export const BADGE_COLORS = { normal: '#3D5A80', warning: '#B45309', scanning: '#6B7280' } as const;

export interface BadgeView {
  text: string;
  color: string;
  /** The tooltip; null when no words were given (the benchmark times the count alone). */
  title: string | null;
  summary: BadgeSummary | null;
}

/**
 * "7 invitations older than 3 weeks · 2 expire within 14 days", or what the empty badge means.
 * The words (catalogue and locale) come in, so this stays pure for the tests and the benchmark.
 */
export function badgeTitle(summary: BadgeSummary, words: Words): string {
  const age = counted(words, 'badge_weeks', summary.weeks);
  const parts: string[] = [];
  if (summary.olderCount > 0) parts.push(counted(words, 'badge_older', summary.olderCount, [age]));
  if (summary.nearingCount > 0) {
    parts.push(
      counted(words, 'badge_nearing', summary.nearingCount, [counted(words, 'badge_days', summary.warningDays)]),
    );
  }
  return parts.length > 0 ? parts.join(' · ') : words.translate('badge_nothing', [age]);
}

/**
 * The badge for the ledger at `now`: one pass over the records (rules/badge.ts), then the text,
 * colour and tooltip. Pure; must stay well under 20 ms for 5,000 records.
 */
export function recountBadge(
  records: readonly InvitationRecord[],
  settings: Settings,
  now: number,
  words?: Words,
): BadgeView {
  const resolved = resolveSettings(settings, records);
  return badgeView(ledgerCounts(records, resolved, now), resolved, words);
}

/** The badge from figures ledgerCounts gave (the worker's come from the store's count facts). */
export function badgeView(
  counts: LedgerCounts,
  settings: Pick<ResolvedSettings, 'badgeWeeks' | 'warningDays'>,
  words?: Words,
): BadgeView {
  const summary = badgeOfCounts(counts, settings);
  return {
    text: summary.text,
    color: BADGE_COLORS[summary.tone],
    title: words ? badgeTitle(summary, words) : null,
    summary,
  };
}

/** While "Scan all" runs: an ellipsis on the badge and "Scanning 40 of 120" in the tooltip. */
export function scanBadge(progress: ScanProgress, words: Words): BadgeView {
  const read = numberText(words.locale, progress.read);
  const title =
    progress.total === null
      ? words.translate('badge_scanning_no_total', [read])
      : words.translate('badge_scanning', [read, numberText(words.locale, progress.total)]);
  return { text: '…', color: BADGE_COLORS.scanning, title, summary: null };
}
