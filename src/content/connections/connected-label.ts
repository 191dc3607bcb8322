import type { Interval } from '../../model/time';
import { labelToInterval } from '../../rules/label-interval';
import { CONNECTIONS_PHRASES, type Language } from '../phrases';
import { knownLanguage, normalizeText, recogniseLabel } from '../words';

/**
 * The Connections page's "Connected …" labels: a relative time ("Connected 2 weeks ago") or a
 * written date ("Connected on March 5, 2026"), in the page's language.
 */

const HOUR = 3_600_000;
const MAX_LABEL = 80;

// ── the words ──

const stripDots = (text: string) => text.replace(/\./g, '');

/** Month names of `language` (long, short, and the genitive forms dates use) → month index. */
/** Intl writes them: once per language, as a page asks for them card after card. */
const monthTables = new Map<Language, Map<string, number>>();
function monthNames(language: Language): Map<string, number> {
  const cached = monthTables.get(language);
  if (cached) return cached;
  const found = new Map<string, Set<number>>();
  const add = (name: string, month: number) => {
    const key = stripDots(normalizeText(name));
    if (key && !/\d/.test(key)) found.set(key, (found.get(key) ?? new Set()).add(month));
  };
  for (let month = 0; month < 12; month++) {
    const date = new Date(Date.UTC(2024, month, 15));
    for (const style of ['long', 'short'] as const) {
      add(new Intl.DateTimeFormat(language, { month: style, timeZone: 'UTC' }).format(date), month);
      const parts = new Intl.DateTimeFormat(language, { day: 'numeric', month: style, timeZone: 'UTC' }).formatToParts(
        date,
      );
      for (const part of parts) if (part.type === 'month') add(part.value, month);
    }
  }
  // A name two months share would be a guess: dropped.
  const table = new Map([...found].filter(([, months]) => months.size === 1).map(([name, [month]]) => [name, month!]));
  monthTables.set(language, table);
  return table;
}

/**
 * A written date in `language` ("March 5, 2026", "5 mars 2026", "5 de março de 2026",
 * "5. März 2026") as the UTC midnight of that day; null unless it is exactly one month name,
 * one day of that month and one four-digit year.
 */
export function parseWrittenDate(text: string, language: Language): number | null {
  const filler = new Set(CONNECTIONS_PHRASES[language].dateFillers);
  const tokens = normalizeText(text)
    .replace(/[,]/g, ' ')
    .split(' ')
    .map((token) => token.replace(/\.$/, ''))
    .filter((token) => token && !filler.has(token));
  if (tokens.length !== 3) return null;
  const months = monthNames(language);
  let month: number | null = null;
  let day: number | null = null;
  let year: number | null = null;
  for (const token of tokens) {
    const monthIndex = months.get(stripDots(token));
    const dayMatch = /^(\d{1,2})(?:st|nd|rd|th|er|º|°)?$/.exec(token);
    if (monthIndex !== undefined && month === null) month = monthIndex;
    else if (/^\d{4}$/.test(token) && year === null) year = Number(token);
    else if (dayMatch && day === null) day = Number(dayMatch[1]);
    else return null;
  }
  if (month === null || day === null || year === null || day < 1) return null;
  const midnight = Date.UTC(year, month, day);
  return new Date(midnight).getUTCDate() === day ? midnight : null; // "February 30" is not a day
}

/**
 * A calendar day as an interval that holds in any time zone: LinkedIn does not say which zone it
 * wrote the day in, and local days span from UTC−12 to UTC+14.
 */
function dayInAnyZone(utcMidnight: number): Interval {
  return { earliest: utcMidnight - 14 * HOUR, latest: utcMidnight + 36 * HOUR - 1 };
}

function startsWithWord(text: string, word: string): string | null {
  const w = normalizeText(word);
  if (text === w) return '';
  return text.startsWith(`${w} `) ? text.slice(w.length + 1) : null;
}

/**
 * A "Connected …" label in `language`: null when `text` is not one; otherwise the interval it
 * means at `observedAt`, itself null when the words after "Connected" were not understood.
 */
export function readConnectedLabel(
  text: string,
  languageTag: string,
  observedAt: number,
): { connected: Interval | null } | null {
  const language = knownLanguage(languageTag);
  if (!language || text.length > MAX_LABEL) return null;
  const t = normalizeText(text);
  const words = [...CONNECTIONS_PHRASES[language].connected].sort((a, b) => b.length - a.length);
  let rest: string | null = null;
  for (const word of words) {
    rest = startsWithWord(t, word);
    if (rest !== null) break;
  }
  if (rest === null || rest === '') return rest === null ? null : { connected: null };

  const age = recogniseLabel(rest, language);
  if (age) return { connected: labelToInterval(age, observedAt) };

  let written = rest;
  for (const preposition of CONNECTIONS_PHRASES[language].connectedOn) {
    const after = startsWithWord(written, preposition);
    if (after !== null) {
      written = after;
      break;
    }
  }
  const midnight = parseWrittenDate(written, language);
  if (midnight === null) return { connected: null };
  const day = dayInAnyZone(midnight);
  if (day.earliest > observedAt) return { connected: null }; // a day still to come is a misreading
  return { connected: { earliest: day.earliest, latest: Math.min(day.latest, observedAt) } };
}
