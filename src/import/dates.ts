import { DAY, MINUTE } from '../model/durations';
import { EARLIEST_INSTANT, LATEST_INSTANT } from '../model/time';
import type { DateProblem } from './errors';

/**
 * The dates of LinkedIn's data export, read strictly: a date that could mean two days is refused,
 * never guessed.
 *
 * Time zone: the export writes no zone. LinkedIn's export is generated on its servers and is
 * taken to be in UTC (the assumption the issue documents; the files themselves cannot confirm it).
 * Every date here is read as UTC, in one place: `utc()` below.
 */

export type DayOrder = 'month-first' | 'day-first';

/** Why a date the ledger cannot hold is refused, or null when it is within 2003–9999. */
function outOfRange(raw: string, at: number): DateProblem | null {
  return at >= EARLIEST_INSTANT && at <= LATEST_INSTANT ? null : { code: 'out-of-range', value: raw };
}

/** A "Sent At" value after reading its shape, before the file decides day/month order. */
export type SentAtShape =
  | { kind: 'exact'; at: number; precision: number }
  | {
      kind: 'slashed';
      first: number;
      second: number;
      year: number;
      hour: number;
      minute: number;
      seconds: number | null;
      /** Written with AM/PM: LinkedIn's own form, `3/5/26, 1:45 AM`, which is month first. */
      twelveHour: boolean;
    }
  | ({ kind: 'invalid' } & DateProblem);

/** NBSP and U+202F (which newer ICU puts before "AM") count as spaces. */
function normaliseSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

function fullYear(text: string): number {
  const year = Number(text);
  return text.length === 2 ? 2000 + year : year;
}

/** Milliseconds since the epoch for a UTC wall-clock time, or null when no such moment exists. */
function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number | null {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const at = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(at);
  // 31 February rolls over into March: refuse instead.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return at >= 0 ? at : null;
}

/** 12 AM is midnight, 12 PM is noon; null for an hour a 12-hour clock does not show. */
function hourOf(hour: number, meridiem: string | undefined): number | null {
  if (meridiem === undefined) return hour;
  if (hour < 1 || hour > 12) return null;
  const pm = /^p/i.test(meridiem);
  return (hour % 12) + (pm ? 12 : 0);
}

const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}))? ?([AaPp]\.? ?[Mm]\.?)?$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)? ?(Z|UTC|[+-]\d{2}:?\d{2})?$/;

/** Reads the shape of one "Sent At" value. */
export function readSentAt(raw: string): SentAtShape {
  const text = normaliseSpaces(raw);
  const iso = ISO.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, zone] = iso;
    const at = utc(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s ?? 0));
    if (at === null) return { kind: 'invalid', code: 'no-such-date', value: raw };
    const problem = outOfRange(raw, at - zoneOffset(zone));
    if (problem) return { kind: 'invalid', ...problem };
    return { kind: 'exact', at: at - zoneOffset(zone), precision: s === undefined ? MINUTE : 1000 };
  }
  const dotted = DOTTED.exec(text);
  if (dotted) {
    // Day.month.year is the only order written with dots (German, Russian, Polish, …).
    const [, d, mo, y, h, mi, s] = dotted;
    const at = utc(fullYear(y ?? ''), Number(mo), Number(d), Number(h), Number(mi), Number(s ?? 0));
    if (at === null) return { kind: 'invalid', code: 'no-such-date', value: raw };
    const problem = outOfRange(raw, at);
    if (problem) return { kind: 'invalid', ...problem };
    return { kind: 'exact', at, precision: s === undefined ? MINUTE : 1000 };
  }
  const slashed = SLASHED.exec(text);
  if (slashed) {
    const [, first, second, y, h, mi, s, meridiem] = slashed;
    const hour = hourOf(Number(h), meridiem);
    if (hour === null) return { kind: 'invalid', code: 'no-such-hour', value: raw };
    return {
      kind: 'slashed',
      first: Number(first),
      second: Number(second),
      year: fullYear(y ?? ''),
      hour,
      minute: Number(mi),
      seconds: s === undefined ? null : Number(s),
      twelveHour: meridiem !== undefined,
    };
  }
  return { kind: 'invalid', code: 'not-a-date', value: raw };
}

function zoneOffset(zone: string | undefined): number {
  if (!zone || zone === 'Z' || zone === 'UTC') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * MINUTE;
}

export type OrderDecision =
  | { ok: true; order: DayOrder }
  | { ok: false; index: number; problem: 'mixed-date-formats' | 'ambiguous-dates' }
  | { ok: true; order: null };

/**
 * Which of two slashed numbers is the day, decided for the whole file (one file has one format).
 * A value over 12 proves the order. Without proof only LinkedIn's own 12-hour form is read month
 * first (`3/5/26, 1:45 AM`); a 24-hour `05/03/2026 13:45` could be either, so it is refused.
 */
export function decideDayOrder(shapes: readonly SentAtShape[]): OrderDecision {
  let dayFirstAt = -1;
  let monthFirstAt = -1;
  let firstSlashed = -1;
  let allTwelveHour = true;
  shapes.forEach((shape, index) => {
    if (shape.kind !== 'slashed') return;
    if (firstSlashed < 0) firstSlashed = index;
    if (!shape.twelveHour) allTwelveHour = false;
    if (shape.first > 12 && dayFirstAt < 0) dayFirstAt = index;
    if (shape.second > 12 && monthFirstAt < 0) monthFirstAt = index;
  });
  if (firstSlashed < 0) return { ok: true, order: null };
  if (dayFirstAt >= 0 && monthFirstAt >= 0) {
    const later = Math.max(dayFirstAt, monthFirstAt);
    return { ok: false, index: later, problem: 'mixed-date-formats' };
  }
  if (dayFirstAt >= 0) return { ok: true, order: 'day-first' };
  if (monthFirstAt >= 0 || allTwelveHour) return { ok: true, order: 'month-first' };
  return { ok: false, index: firstSlashed, problem: 'ambiguous-dates' };
}

/** The moment a shape means, as [start, end] of the precision the export wrote. */
export function sentInterval(
  shape: SentAtShape,
  order: DayOrder | null,
): { earliest: number; latest: number } | DateProblem {
  if (shape.kind === 'invalid') return { code: shape.code, value: shape.value };
  if (shape.kind === 'exact') return { earliest: shape.at, latest: shape.at + shape.precision - 1 };
  const [month, day] = order === 'day-first' ? [shape.second, shape.first] : [shape.first, shape.second];
  const at = utc(shape.year, month, day, shape.hour, shape.minute, shape.seconds ?? 0);
  const written = `${shape.first}/${shape.second}/${shape.year}`;
  if (at === null) return { code: 'no-such-date', value: written };
  const problem = outOfRange(written, at);
  if (problem) return problem;
  return { earliest: at, latest: at + (shape.seconds === null ? MINUTE : 1000) - 1 };
}

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** English month names, full or abbreviated to three letters ("Sept" too); other languages are refused. */
function monthNumber(name: string): number | null {
  const lower = name.toLowerCase();
  const index = MONTH_NAMES.findIndex((full) => lower === full || lower === full.slice(0, 3));
  if (index >= 0) return index + 1;
  return lower === 'sept' ? 9 : null;
}

const DAY_MONTH_YEAR = /^(\d{1,2}) ([A-Za-z]+)\.? (\d{4})$/;
const MONTH_DAY_YEAR = /^([A-Za-z]+)\.? (\d{1,2}),? (\d{4})$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "Connected On" (`05 Mar 2026`) as that whole day in UTC, or why not. */
export function connectedDay(raw: string): { earliest: number; latest: number } | DateProblem {
  const text = normaliseSpaces(raw);
  let parts: [number | null, number, number] | null = null;
  const dmy = DAY_MONTH_YEAR.exec(text);
  const mdy = MONTH_DAY_YEAR.exec(text);
  const iso = ISO_DAY.exec(text);
  if (dmy) parts = [monthNumber(dmy[2] ?? ''), Number(dmy[1]), Number(dmy[3])];
  else if (mdy) parts = [monthNumber(mdy[1] ?? ''), Number(mdy[2]), Number(mdy[3])];
  else if (iso) parts = [Number(iso[2]), Number(iso[3]), Number(iso[1])];
  const at = parts && parts[0] !== null ? utc(parts[2], parts[0], parts[1]) : null;
  if (at === null) return { code: 'not-a-date', value: raw };
  const problem = outOfRange(raw, at);
  if (problem) return problem;
  return { earliest: at, latest: at + DAY - 1 };
}
