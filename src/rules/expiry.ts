import { addDays, addMonths } from 'date-fns';
import { DAY } from '../model/durations';
import type { Settings } from '../model/settings';
import type { Interval } from '../model/time';

/**
 * How a pending invitation stands against the expiry window: the one status ladder, in the order
 * an invitation moves through it as time passes. The window is the user's belief; what LinkedIn's
 * Sent page listed is evidence, and evidence wins:
 * - `past-window`: LinkedIn listed it after the window had surely closed. It has not lapsed; the
 *   window is too short for it. Never counted or shown as expired.
 * - `maybe-expired` / `expired`: the window may have (surely has) closed, and LinkedIn has not
 *   listed it since the window may have closed.
 * A sighting after the window may have closed, but before it surely closed, keeps it `nearing`.
 */
export const EXPIRY_STATUSES = [
  'fresh', // under a week old: most acceptances come now
  'waiting',
  'follow-up', // older than the follow-up age
  'nearing', // could expire within the warning window
  'past-window', // past the window, and LinkedIn still listed it: pending
  'maybe-expired', // the window may have passed, and it was not listed since
  'expired', // the window has surely passed, and it was not listed since
] as const;
export type ExpiryStatus = (typeof EXPIRY_STATUSES)[number] | 'unknown';

/** The window may have passed, or surely has, with no sighting since: listed under "Expired". */
export function mayHaveLapsed(status: ExpiryStatus | null): boolean {
  return status === 'maybe-expired' || status === 'expired';
}

/** A window the rules can add to a date: the learned one is resolved first (rules/window.ts). */
export type FixedWindowKind = Exclude<Settings['expiryWindow'], 'learned'>;
export type WindowSettings = { expiryWindow: FixedWindowKind; customWindowDays: number };
/** Settings whose expiry window is a fixed length: what every rule that adds the window takes. */
export type ResolvedSettings = Omit<Settings, 'expiryWindow'> & WindowSettings;

/** Six calendar months (the default, most cited), 90 days, or a custom number of days. */
export function addExpiryWindow(sentAt: number, settings: WindowSettings): number {
  switch (settings.expiryWindow) {
    case 'six-months':
      return addMonths(sentAt, 6).getTime();
    case '90-days':
      return addDays(sentAt, 90).getTime();
    case 'custom':
      return addDays(sentAt, settings.customWindowDays).getTime();
  }
}

/** The window length in days, for display ("~182 days" for six months is not shown: months are). */
export function windowDays(settings: WindowSettings): number | null {
  if (settings.expiryWindow === '90-days') return 90;
  if (settings.expiryWindow === 'custom') return settings.customWindowDays;
  return null;
}

/** When it expires: the send interval shifted by the window. */
export function expiryInterval(sent: Interval, settings: WindowSettings): Interval {
  return { earliest: addExpiryWindow(sent.earliest, settings), latest: addExpiryWindow(sent.latest, settings) };
}

/**
 * Whole calendar days from `from` to `to`: the largest n with addDays(from, n) ≤ to, so the same
 * wall-clock time on a later date counts as whole days even across a daylight-saving change
 * (where 24-hour blocks would lose or gain an hour). Negative, rounded down, when `to` is earlier.
 */
export function wholeDaysBetween(from: number, to: number): number {
  // 24-hour blocks are off by at most one day: DST moves clocks by an hour at a time.
  let days = Math.floor((to - from) / DAY);
  while (addDays(from, days + 1).getTime() <= to) days++;
  while (addDays(from, days).getTime() > to) days--;
  return days;
}

/** Whether at least `days` calendar days have surely passed since `sent` (its latest moment). */
export function surelyOlderThanDays(sent: Interval, days: number, now: number): boolean {
  return addDays(sent.latest, days).getTime() <= now;
}

type StatusSettings = Pick<ResolvedSettings, 'expiryWindow' | 'customWindowDays' | 'warningDays' | 'followUpDays'>;

/**
 * The expiry status of a pending invitation sent within `sent`, at `now`. `listedAt` is when the
 * Sent page last listed it (rules/window.ts `lastListedAt`), null when it never did.
 */
export function expiryStatus(
  sent: Interval | null,
  settings: StatusSettings,
  now: number,
  listedAt: number | null,
): ExpiryStatus {
  if (sent === null) return 'unknown';
  return statusAgainst(sent, expiryInterval(sent, settings), settings, now, listedAt);
}

/** expiryStatus with the expiry interval of `sent` already worked out. */
function statusAgainst(
  sent: Interval,
  expires: Interval,
  settings: StatusSettings,
  now: number,
  listedAt: number | null,
): ExpiryStatus {
  if (listedAt !== null && listedAt >= expires.latest) return 'past-window';
  if (now >= expires.latest) return 'expired';
  if (now >= expires.earliest) return listedAt !== null && listedAt >= expires.earliest ? 'nearing' : 'maybe-expired';
  if (addDays(now, settings.warningDays).getTime() >= expires.earliest) return 'nearing';
  if (surelyOlderThanDays(sent, settings.followUpDays, now)) return 'follow-up';
  if (surelyOlderThanDays(sent, 7, now)) return 'waiting';
  return 'fresh';
}

/**
 * Days left before the earliest possible expiry — the pessimistic figure, the one to act on.
 * Whole calendar days, rounded down (see wholeDaysBetween): 0 on the last day and at the
 * moment itself, negative once it may have lapsed. It grows with `sent.earliest`, which is what
 * lets the popup's lists be ordered by it.
 */
export function daysLeft(sent: Interval, settings: WindowSettings, now: number): number {
  return wholeDaysBetween(now, addExpiryWindow(sent.earliest, settings));
}

/** The expiry interval, status (as if pending) and days left of one send interval. */
export interface ExpiryFigures {
  expires: Interval;
  status: ExpiryStatus;
  /** Pessimistic days left; null for `past-window`, whose window has no days left to count. */
  daysLeft: number | null;
  /** For `past-window`: whole days since the window surely closed (never negative); else null. */
  pastWindowDays: number | null;
}

/**
 * expiryInterval, expiryStatus and daysLeft at once, the window added to the send interval once
 * rather than once per figure: for callers that show all three for many records (the CSV export).
 */
export function expiryFigures(
  sent: Interval,
  settings: StatusSettings,
  now: number,
  listedAt: number | null,
): ExpiryFigures {
  const expires = expiryInterval(sent, settings);
  const status = statusAgainst(sent, expires, settings, now, listedAt);
  const past = status === 'past-window';
  return {
    expires,
    status,
    daysLeft: past ? null : wholeDaysBetween(now, expires.earliest),
    pastWindowDays: past ? Math.max(0, wholeDaysBetween(expires.latest, now)) : null,
  };
}
