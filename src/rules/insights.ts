import { addWeeks, startOfWeek, subDays, subMonths } from 'date-fns';
import { DAY } from '../model/durations';
import type { InvitationRecord } from '../model/invitation';
import type { Settings } from '../model/settings';
import type { Interval } from '../model/time';
import { recordExpiry, standingOf } from './counts';
import { type ResolvedSettings, type WindowSettings, wholeDaysBetween } from './expiry';

/**
 * The figures of the Insights page: pure functions of (records, settings, now). Send times are
 * intervals, so every figure says how sure it is — what it rests on, and what it cannot place.
 */

/** Below this many invitations a rate or a median says more about chance than about the user. */
export const MIN_SAMPLE = 5;

export type Sent = InvitationRecord & { sent: Interval };

const hasSent = (record: InvitationRecord): record is Sent => record.sent !== null;

/** The send moment whose window closes at `moment`: the inverse of addExpiryWindow. */
function sentExpiringAt(moment: number, settings: WindowSettings): number {
  switch (settings.expiryWindow) {
    case 'six-months':
      return subMonths(moment, 6).getTime();
    case '90-days':
      return subDays(moment, 90).getTime();
    case 'custom':
      return subDays(moment, settings.customWindowDays).getTime();
  }
}

// ── Age histogram ──

export interface AgeBucket {
  /** Ages from `week` × 7 days up to (not including) the next week; the last bucket may be open. */
  week: number;
  /** Invitations placed here by their middle possible age. */
  count: number;
  /** Of those, how many could also belong to another week (their age interval crosses a week boundary). */
  uncertain: number;
}

export interface AgeHistogram {
  buckets: AgeBucket[];
  /** The last bucket also holds everything older (the chart stops after a year). */
  lastIsOpen: boolean;
  /** Pending invitations placed in a bucket. */
  counted: number;
  /** Pending invitations with no known send time: not in any bucket. */
  unknownAge: number;
  /** Age in days at which an invitation's window closes today. */
  windowDays: number;
  /** Age in days from which an invitation is "nearing expiry" today. */
  warningFromDays: number;
}

const MAX_WEEKS = 52;

/** Pending as every count has it (counts.ts): pending in the ledger, and not lapsed. */
function listedPending(record: InvitationRecord, settings: ResolvedSettings, now: number): boolean {
  return standingOf(record, recordExpiry(record, settings, now)) === 'pending';
}

/**
 * Pending, tracked invitations by age in weeks (the popup's "All pending": lapsed ones are not). An invitation whose send time is an interval
 * may span several weeks; rather than counting it twice or splitting it into fractions of a
 * person, each one is placed once, by its middle possible age, and counted as `uncertain` when
 * its youngest and oldest possible ages fall in different weeks.
 */
export function ageHistogram(
  records: readonly InvitationRecord[],
  settings: ResolvedSettings,
  now: number,
): AgeHistogram {
  const windowAge = wholeDaysBetween(sentExpiringAt(now, settings), now);
  const warningFromDays = Math.max(
    0,
    wholeDaysBetween(sentExpiringAt(now + settings.warningDays * DAY, settings), now),
  );
  const weekOf = (moment: number) => Math.floor(Math.max(0, wholeDaysBetween(moment, now)) / 7);
  const placed: { week: number; uncertain: boolean }[] = [];
  let unknownAge = 0;
  for (const record of records) {
    if (record.hidden || !listedPending(record, settings, now)) continue;
    if (!hasSent(record)) {
      unknownAge++;
      continue;
    }
    const middle = Math.round((record.sent.earliest + record.sent.latest) / 2);
    placed.push({ week: weekOf(middle), uncertain: weekOf(record.sent.latest) !== weekOf(record.sent.earliest) });
  }
  const oldest = placed.reduce((max, p) => Math.max(max, p.week), 0);
  const lastWeek = Math.min(MAX_WEEKS, Math.max(Math.floor(windowAge / 7) + 1, oldest));
  const buckets: AgeBucket[] = Array.from({ length: lastWeek + 1 }, (_, week) => ({ week, count: 0, uncertain: 0 }));
  for (const p of placed) {
    const bucket = buckets[Math.min(p.week, lastWeek)];
    if (!bucket) continue;
    bucket.count++;
    if (p.uncertain) bucket.uncertain++;
  }
  return {
    buckets,
    lastIsOpen: oldest > lastWeek,
    counted: placed.length,
    unknownAge,
    windowDays: windowAge,
    warningFromDays,
  };
}

// ── Acceptance ──

export interface TimeToAccept {
  /** Accepted invitations with both a known send time and a known acceptance time. */
  count: number;
  /** Median of the middle possible times, in days; null below MIN_SAMPLE. */
  medianDays: number | null;
  /** The true median lies between the median of the shortest and of the longest possible times. */
  lowDays: number | null;
  highDays: number | null;
}

export interface AcceptanceStats {
  accepted: number;
  pending: number;
  /** Left the Sent page without a confirmed acceptance: accepted, declined or lapsed. */
  gone: number;
  /** What the rate rests on: accepted + pending + gone (withdrawn and hidden ones are left out). */
  base: number;
  /**
   * accepted / base, 0–1; null below MIN_SAMPLE or before any answer (accepted or gone). A floor:
   * some gone ones may have been accepted.
   */
  rate: number | null;
  /** The rate if every gone one had been accepted: the ceiling. */
  rateIfGoneAccepted: number | null;
  timeToAccept: TimeToAccept;
}

function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}

const ascending = (a: number, b: number) => a - b;

/**
 * How many invitations were accepted, and how long acceptance took. A time to accept is an
 * interval too: from the latest possible send to the earliest possible acceptance, up to the
 * earliest send to the latest acceptance. Withdrawn invitations never had the chance; hidden
 * ones the user stopped tracking.
 */
export function acceptanceStats(records: readonly InvitationRecord[]): AcceptanceStats {
  let accepted = 0;
  let pending = 0;
  let gone = 0;
  const shortest: number[] = [];
  const longest: number[] = [];
  const middle: number[] = [];
  for (const record of records) {
    if (record.hidden) continue;
    if (record.status === 'pending') pending++;
    else if (record.status === 'gone') gone++;
    else if (record.status === 'accepted') {
      accepted++;
      const sent = record.sent;
      const at = record.acceptedAt;
      if (!sent || !at) continue;
      const low = Math.max(0, at.earliest - sent.latest);
      const high = Math.max(0, at.latest - sent.earliest);
      shortest.push(low / DAY);
      longest.push(high / DAY);
      middle.push((low + high) / 2 / DAY);
    }
  }
  const base = accepted + pending + gone;
  // Before the first answer a rate of 0% would only say that nobody has had time to answer.
  const enough = base >= MIN_SAMPLE && accepted + gone > 0;
  const count = middle.length;
  const timed = count >= MIN_SAMPLE;
  return {
    accepted,
    pending,
    gone,
    base,
    rate: enough ? accepted / base : null,
    rateIfGoneAccepted: enough ? (accepted + gone) / base : null,
    timeToAccept: {
      count,
      medianDays: timed ? median(middle.sort(ascending)) : null,
      lowDays: timed ? median(shortest.sort(ascending)) : null,
      highDays: timed ? median(longest.sort(ascending)) : null,
    },
  };
}

// ── Invitations sent per week ──

export interface WeekSends {
  /** Monday 00:00 local time, and the next Monday. */
  start: number;
  end: number;
  /** Invitations whose whole send interval lies in this week. */
  exact: number;
  /** exact plus the share of wider intervals that falls in this week (spread evenly over time). */
  estimated: number;
  /** exact plus every wider interval that reaches into this week: the most it can have been. */
  possible: number;
}

export interface WeeklySends {
  /** Oldest first; the last is the current (partial) week. */
  weeks: WeekSends[];
  limit: number;
  /** Invitations with no known send time, not counted in any week. */
  unknownSend: number;
}

const mondayOf = (moment: number) => startOfWeek(moment, { weekStartsOn: 1 }).getTime();

/**
 * Invitations sent in each of the last `weekCount` calendar weeks (Monday to Sunday, local
 * time), against the user's weekly limit. Every invitation counts, hidden or not: LinkedIn
 * counted it when it was sent. A send interval that fits in one week counts there exactly;
 * a wider one is spread over the weeks it overlaps and marked in `possible`.
 */
export function weeklySends(
  records: readonly InvitationRecord[],
  settings: Pick<Settings, 'weeklyLimit'>,
  now: number,
  weekCount = 12,
): WeeklySends {
  const current = mondayOf(now);
  const weeks: WeekSends[] = [];
  for (let back = weekCount - 1; back >= 0; back--) {
    const start = addWeeks(current, -back).getTime();
    weeks.push({ start, end: addWeeks(start, 1).getTime(), exact: 0, estimated: 0, possible: 0 });
  }
  let unknownSend = 0;
  for (const record of records) {
    if (!record.sent) {
      unknownSend++;
      continue;
    }
    const { earliest, latest } = record.sent;
    const exact = mondayOf(earliest) === mondayOf(latest);
    const length = latest - earliest;
    for (const week of weeks) {
      if (latest < week.start || earliest >= week.end) continue;
      if (exact) {
        week.exact++;
        week.estimated++;
        week.possible++;
        continue;
      }
      const overlap = Math.min(latest, week.end) - Math.max(earliest, week.start);
      week.estimated += overlap / length;
      week.possible++;
    }
  }
  return { weeks, limit: settings.weeklyLimit, unknownSend };
}

// ── Pending count against the cap ──

export interface WithdrawCandidate {
  record: InvitationRecord;
  /** Youngest possible age in whole days; null when the send time is unknown. */
  youngestDays: number | null;
}

export interface PendingCap {
  /** Every pending invitation, hidden ones included (LinkedIn counts them all), lapsed ones not. */
  pending: number;
  cap: number;
  /** How many over the cap (0 when under). */
  over: number;
  /** The oldest pending invitations, surely-oldest first: the ones to withdraw to free room. */
  oldest: WithdrawCandidate[];
}

/**
 * Pending invitations against the user's cap, with the oldest ones listed: at least `listAtLeast`,
 * or as many as it takes to get back under the cap. Ranked by youngest possible age, so an
 * invitation is listed above another only when it is surely at least as old; unknown ages last.
 */
export function pendingAgainstCap(
  records: readonly InvitationRecord[],
  settings: ResolvedSettings,
  now: number,
  listAtLeast = 10,
): PendingCap {
  const pending = records.filter((r) => listedPending(r, settings, now));
  const over = Math.max(0, pending.length - settings.pendingCap);
  const ranked = [...pending].sort(
    (a, b) => (a.sent?.latest ?? Number.POSITIVE_INFINITY) - (b.sent?.latest ?? Number.POSITIVE_INFINITY),
  );
  const oldest = ranked.slice(0, Math.max(over, listAtLeast)).map((record) => ({
    record,
    youngestDays: record.sent ? Math.max(0, wholeDaysBetween(record.sent.latest, now)) : null,
  }));
  return { pending: pending.length, cap: settings.pendingCap, over, oldest };
}
