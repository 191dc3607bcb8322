import { canonicalProfileUrl } from '../../model/profile';
import type { Interval } from '../../model/time';
import { labelToInterval } from '../../rules/label-interval';
import { knownLanguage, LANGUAGES, normalizeText, recogniseLabel } from '../languages';
import { cleanName } from '../parse';
import { CONNECTED_WORDS, CONNECTION_ITEMS, CONNECTIONS_ROOTS, DATE_FILLERS, DATE_PREPOSITIONS } from './knowledge';

/**
 * Reads LinkedIn's Connections page. Pure over the DOM it is handed: no clock (the caller passes
 * `observedAt`), no browser APIs, no changes to the page. A date it cannot understand is null,
 * never a guess: Lapse would rather not know when someone connected than know it wrongly.
 */

export interface ParsedConnection {
  profileUrl: string;
  name: string;
  /** The label as shown ("Connected 2 weeks ago"); '' when none was found. */
  connectedLabel: string;
  /** When they connected (epoch ms); null when the label was missing or not understood. */
  connected: Interval | null;
}

export interface ParsedConnectionsPage {
  people: ParsedConnection[];
  /** Cards with a profile link whose name or connection date could not be read. */
  unreadable: number;
  /** The UI language recognised (a LANGUAGES code), or null. */
  language: string | null;
  /** Cards with a profile link that were looked at. */
  cards: number;
}

const HOUR = 3_600_000;
const MAX_LABEL = 80;

// ── the words ──

const stripDots = (text: string) => text.replace(/\./g, '');

/** Month names of `language` (long, short, and the genitive forms dates use) → month index. */
const monthTables = new Map<string, Map<string, number>>();
function monthNames(language: string): Map<string, number> {
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
export function parseWrittenDate(text: string, language: string): number | null {
  const filler = new Set(DATE_FILLERS);
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
  language: string,
  observedAt: number,
): { connected: Interval | null } | null {
  if (text.length > MAX_LABEL) return null;
  const t = normalizeText(text);
  const words = [...(CONNECTED_WORDS[language] ?? [])].sort((a, b) => b.length - a.length);
  let rest: string | null = null;
  for (const word of words) {
    rest = startsWithWord(t, word);
    if (rest !== null) break;
  }
  if (rest === null || rest === '') return rest === null ? null : { connected: null };

  const age = recogniseLabel(rest, language);
  if (age) return { connected: labelToInterval(age, observedAt) };

  let written = rest;
  for (const preposition of DATE_PREPOSITIONS[language] ?? []) {
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

// ── the DOM ──

interface Block {
  text: string;
  inPersonLink: boolean;
}

interface RawCard {
  profileUrl: string | null;
  blocks: Block[];
  /** Avatar alt and person-link aria-labels, in order met. */
  nameHints: string[];
  element: Element;
}

const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG']);

function readCard(card: Element): RawCard {
  const raw: RawCard = { profileUrl: null, blocks: [], nameHints: [], element: card };
  const walk = (node: Node, inPersonLink: boolean): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const text = (child.nodeValue ?? '').replace(/\s+/g, ' ').trim();
        if (text) raw.blocks.push({ text, inPersonLink });
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      const tag = el.tagName.toUpperCase();
      if (SKIP_TAGS.has(tag)) continue;
      // "Message", "More actions": never a name or a date.
      if (tag === 'BUTTON' || el.getAttribute('role') === 'button') continue;
      let personLink = inPersonLink;
      if (tag === 'A') {
        const url = canonicalProfileUrl(el.getAttribute('href') ?? '');
        if (url) {
          raw.profileUrl ??= url;
          personLink = url === raw.profileUrl;
          const aria = el.getAttribute('aria-label');
          if (personLink && aria) raw.nameHints.push(aria);
        }
      } else if (tag === 'IMG') {
        const alt = el.getAttribute('alt');
        if (inPersonLink && alt) raw.nameHints.push(alt);
        continue;
      }
      walk(el, personLink);
    }
  };
  walk(card, false);
  return raw;
}

/** Only the outermost of nested matches, so each card counts once. */
function outermost(elements: Iterable<Element>): Element[] {
  const set = new Set(elements);
  return [...set].filter((el) => {
    for (let p = el.parentElement; p; p = p.parentElement) if (set.has(p)) return false;
    return true;
  });
}

const PROFILE_LINKS = 'a[href*="/in/"]';

/** Cards around profile links when no card selector matched: each link's highest ancestor naming only that person. */
function cardsAroundLinks(scope: Element | ParentNode): Element[] {
  const links = [...scope.querySelectorAll(PROFILE_LINKS)].filter((a) =>
    canonicalProfileUrl(a.getAttribute('href') ?? ''),
  );
  const people = new Map<Element, Set<string>>();
  for (const link of links) {
    const url = canonicalProfileUrl(link.getAttribute('href') ?? '') as string;
    for (let p = link.parentElement; p && p !== scope; p = p.parentElement) {
      people.set(p, (people.get(p) ?? new Set()).add(url));
    }
  }
  const cards = new Set<Element>();
  for (const link of links) {
    let card: Element = link;
    for (let p = link.parentElement; p && p !== scope && people.get(p)?.size === 1; p = p.parentElement) card = p;
    cards.add(card);
  }
  return outermost(cards);
}

function findCards(root: ParentNode): Element[] {
  const scope = CONNECTIONS_ROOTS.map((s) => root.querySelector(s)).find((el) => el) ?? root;
  for (const selector of CONNECTION_ITEMS) {
    const cards = outermost(scope.querySelectorAll(selector)).filter((card) => card.querySelector(PROFILE_LINKS));
    if (cards.length > 0) return cards;
  }
  return cardsAroundLinks(scope);
}

/** Texts a label may be: whole text blocks first, then short elements (a label split over nodes). */
function labelCandidates(raw: RawCard): string[] {
  const texts = raw.blocks.filter((b) => !b.inPersonLink).map((b) => b.text);
  for (const el of raw.element.querySelectorAll('time, p, span, div')) {
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text && text.length <= MAX_LABEL) texts.push(text);
  }
  return texts;
}

function labelIn(
  raw: RawCard,
  language: string,
  observedAt: number,
): { text: string; connected: Interval | null } | null {
  let understood: { text: string; connected: Interval | null } | null = null;
  for (const text of labelCandidates(raw)) {
    const read = readConnectedLabel(text, language, observedAt);
    if (read?.connected) return { text, connected: read.connected };
    if (read) understood ??= { text, connected: null };
  }
  return understood;
}

function pageLanguage(root: ParentNode, raws: RawCard[], observedAt: number): string | null {
  const doc = (root as Document).documentElement ? (root as Document) : (root as Node).ownerDocument;
  const declared = knownLanguage(doc?.documentElement?.getAttribute('lang'));
  const labelled = (language: string) => raws.some((raw) => labelIn(raw, language, observedAt)?.connected);
  if (declared && (raws.length === 0 || labelled(declared))) return declared;
  // The attribute is missing, unknown or wrong: the first table that reads a date decides.
  return LANGUAGES.map((t) => t.code).find(labelled) ?? declared;
}

/** One look at the Connections page. Never throws on strange markup: what it cannot read it counts. */
export function parseConnectionsPage(root: ParentNode, observedAt: Date): ParsedConnectionsPage {
  const at = observedAt.getTime();
  const raws = findCards(root)
    .map(readCard)
    .filter((raw) => raw.profileUrl !== null);
  const language = pageLanguage(root, raws, at);
  const people: ParsedConnection[] = [];
  const seen = new Set<string>();
  let unreadable = 0;
  for (const raw of raws) {
    const profileUrl = raw.profileUrl as string;
    if (seen.has(profileUrl)) continue;
    const name =
      raw.blocks
        .filter((b) => b.inPersonLink)
        .map((b) => cleanName(b.text))
        .find((n) => n) ?? raw.nameHints.map(cleanName).find((n) => n);
    if (!name) {
      unreadable++;
      continue;
    }
    seen.add(profileUrl);
    const label = language ? labelIn(raw, language, at) : null;
    if (!label?.connected) unreadable++;
    people.push({
      profileUrl,
      name,
      connectedLabel: (label?.text ?? '').slice(0, 200),
      connected: label?.connected ?? null,
    });
  }
  return { people, unreadable, language, cards: raws.length };
}
