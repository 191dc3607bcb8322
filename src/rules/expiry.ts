import { addDays, addMonths } from 'date-fns';
import type { Settings } from '../model/settings';
import type { Interval } from '../model/time';
import { DAY } from './label-interval';

/**
 * How a pending invitation stands against the expiry window, in the order it moves through
 * them as time passes (each later status implies the earlier conditions were met).
 */
export const EXPIRY_STATUSES = [
  'fresh', // under a week old: most acceptances come now
  'waiting',
  'follow-up', // older than the follow-up age
  'nearing', // could expire within the warning window
  'maybe-expired', // the window may have passed
  'expired', // the window has surely passed
] as const;
export type ExpiryStatus = (typeof EXPIRY_STATUSES)[number] | 'unknown';

/** The window may have passed, or surely has: such invitations are listed under "Expired". */
export function mayHaveLapsed(status: ExpiryStatus | null): boolean {
  return status === 'maybe-expired' || status === 'expired';
}

/** Six calendar months (the default, most cited), 90 days, or a custom number of days. */
export function addExpiryWindow(sentAt: number, settings: Pick<Settings, 'expiryWindow' | 'customWindowDays'>): number {
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
export function windowDays(settings: Pick<Settings, 'expiryWindow' | 'customWindowDays'>): number | null {
  if (settings.expiryWindow === '90-days') return 90;
  if (settings.expiryWindow === 'custom') return settings.customWindowDays;
  return null;
}

/** When it expires: the send interval shifted by the window. */
export function expiryInterval(
  sent: Interval,
  settings: Pick<Settings, 'expiryWindow' | 'customWindowDays'>,
): Interval {
  return { earliest: addExpiryWindow(sent.earliest, settings), latest: addExpiryWindow(sent.latest, settings) };
}

/** Age bounds in whole milliseconds: youngest and oldest it can be at `now` (never negative). */
export function ageBounds(sent: Interval, now: number): { youngest: number; oldest: number } {
  return { youngest: Math.max(0, now - sent.latest), oldest: Math.max(0, now - sent.earliest) };
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

type StatusSettings = Pick<Settings, 'expiryWindow' | 'customWindowDays' | 'warningDays' | 'followUpDays'>;

/** The expiry status of a pending invitation sent within `sent`, at `now`. */
export function expiryStatus(sent: Interval | null, settings: StatusSettings, now: number): ExpiryStatus {
  if (sent === null) return 'unknown';
  return statusAgainst(sent, expiryInterval(sent, settings), settings, now);
}

/** expiryStatus with the expiry interval of `sent` already worked out. */
function statusAgainst(sent: Interval, expires: Interval, settings: StatusSettings, now: number): ExpiryStatus {
  if (now >= expires.latest) return 'expired';
  if (now >= expires.earliest) return 'maybe-expired';
  if (addDays(now, settings.warningDays).getTime() >= expires.earliest) return 'nearing';
  if (surelyOlderThanDays(sent, settings.followUpDays, now)) return 'follow-up';
  if (surelyOlderThanDays(sent, 7, now)) return 'waiting';
  return 'fresh';
}

/**
 * Days left before the earliest possible expiry — the pessimistic figure, the one to act on.
 * Whole calendar days, rounded down (see wholeDaysBetween): 0 on the last day and at the
 * moment itself, negative once it may have lapsed.
 */
export function daysLeft(
  sent: Interval,
  settings: Pick<Settings, 'expiryWindow' | 'customWindowDays'>,
  now: number,
): number {
  return wholeDaysBetween(now, addExpiryWindow(sent.earliest, settings));
}

/** The expiry interval, status (as if pending) and days left of one send interval. */
export interface ExpiryFigures {
  expires: Interval;
  status: ExpiryStatus;
  daysLeft: number;
}

/**
 * expiryInterval, expiryStatus and daysLeft at once, the window added to the send interval once
 * rather than once per figure: for callers that show all three for many records (the CSV export).
 */
export function expiryFigures(sent: Interval, settings: StatusSettings, now: number): ExpiryFigures {
  const expires = expiryInterval(sent, settings);
  return {
    expires,
    status: statusAgainst(sent, expires, settings, now),
    daysLeft: wholeDaysBetween(now, expires.earliest),
  };
}
