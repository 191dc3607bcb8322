import type { RelativeAge, TimeUnit } from '../rules/label-interval';
import { type AroundName, LANGUAGES, type Language, PHRASES } from './phrases';

/**
 * Recognising the page's words in a given language: Sent labels ("Sent 3 days ago"), counts
 * ("People (1,234)"). The relative-time part of a label is learnt from Intl.RelativeTimeFormat:
 * formatting a few counts with formatToParts tells the words around the number. LinkedIn's own
 * words ("Sent", "People", the spelled-out "one") come from src/content/phrases.ts.
 */

const UNITS: readonly TimeUnit[] = ['minute', 'hour', 'day', 'week', 'month', 'year'];
/** Counts whose plural forms cover the languages Lapse reads (one, other, and the few/many of others). */
const SAMPLE_COUNTS = [1, 2, 3, 5, 11, 21, 22, 25, 100, 101];
/** Longer texts are notes or headlines, never a label. */
const MAX_LABEL = 80;

/** All spaces (incl. NBSP U+00A0 and narrow NBSP U+202F) as one plain space, apostrophes as ', lower case. */
export function normalizeText(text: string): string {
  return normalizeInside(text).trim();
}
/** The same, spaces at either end kept (as in the words around a number: " days ago"). */
function normalizeInside(text: string): string {
  return text
    .replace(/[\s\u00a0\u202f\u2007\u200b]+/g, ' ')
    .replace(/[’‘ʼ`´]/g, "'")
    .toLowerCase();
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * A phrase as a regex source (for the `i` flag) that reads it however the page spaces it: any
 * run of spaces, or none ("un’ora"), and any apostrophe. Texts need no normalising before.
 */
const phrase = (text: string) =>
  escapeRegExp(normalizeInside(text)).replace(/ /g, '[\\s\\u200b]*').replace(/'/g, "['’‘ʼ`´]");
const anyOf = (texts: readonly string[]) => `(?:${texts.map(phrase).join('|')})`;

/** What a label form means: a fixed age, or "N <unit> ago" with N read from the text. */
type LabelForm = { age: RelativeAge } | { unit: TimeUnit };

interface LanguageWords {
  /**
   * Every label form of the language as one alternation, in order (today, yesterday, now, then
   * "N <unit> ago" per unit): the first branch that matches the whole text wins. Each branch has
   * one capture group, so the first group that took part tells which form matched.
   */
  label: RegExp;
  forms: LabelForm[];
  people: RegExp;
  /** The Sent word at either end of a normalised label. */
  sentWord: RegExp;
  /** The digit-group separator of the language's numbers ("1,234", "1.234", "1 234"). */
  groupSeparator: string | null;
}

/** The words Intl writes around the number in "N <unit> ago" (several plural forms and styles). */
function templatesFor(language: Language, unit: TimeUnit): { prefix: string; suffix: string }[] {
  const found = new Map<string, { prefix: string; suffix: string }>();
  for (const style of ['long', 'short'] as const) {
    const format = new Intl.RelativeTimeFormat(language, { numeric: 'always', style });
    for (const n of SAMPLE_COUNTS) {
      const parts = format.formatToParts(-n, unit);
      const isNumber = parts.map((p) => p.type !== 'literal');
      const first = isNumber.indexOf(true);
      const last = isNumber.lastIndexOf(true);
      if (first < 0) continue;
      const text = (from: number, to?: number) =>
        parts
          .slice(from, to)
          .map((p) => p.value)
          .join('');
      const template = { prefix: text(0, first), suffix: text(last + 1) };
      found.set(`${template.prefix}|${template.suffix}`, template);
    }
  }
  return [...found.values()];
}

function compile(language: Language): LanguageWords {
  const words = PHRASES[language];
  const sent = anyOf(words.sent);
  const one = anyOf(words.one);
  const branches: string[] = [];
  const forms: LabelForm[] = [];
  // The Sent word is optional (era B labels lacked it) and may come before or after the time.
  const add = (body: string, form: LabelForm, group = '()') => {
    branches.push(`(?:${sent}\\s*)?(?:${body})(?:\\s*${sent})?${group}`);
    forms.push(form);
  };
  const auto = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  add(phrase(auto.format(0, 'day')), { age: { kind: 'today' } });
  add(phrase(auto.format(-1, 'day')), { age: { kind: 'yesterday' } });
  add(anyOf([auto.format(0, 'second'), ...words.now]), { age: { kind: 'now' } });
  for (const unit of UNITS) {
    for (const { prefix, suffix } of templatesFor(language, unit)) {
      add(`${phrase(prefix)}(\\d+)${phrase(suffix)}`, { unit }, '');
      // "a month ago", "il y a un mois": the template with a word for one.
      add(`${phrase(prefix)}${one}${phrase(suffix)}`, { age: { kind: 'ago', count: 1, unit } });
    }
    // A word for "1 <unit> ago" without a number (Intl's numeric:auto, "last month").
    const single = auto.format(-1, unit);
    if (!/\d/.test(single)) add(phrase(single), { age: { kind: 'ago', count: 1, unit } });
  }
  return {
    label: new RegExp(`^(?:${branches.join('|')})$`, 'iu'),
    forms,
    // "People (1,234)": any digits and separators here; parseCount checks them.
    people: new RegExp(`^${anyOf(words.people)} ?\\(([\\d.,' ]+)\\)$`, 'u'),
    sentWord: new RegExp(`^${sent}|${sent}$`, 'u'),
    groupSeparator: groupSeparatorOf(language),
  };
}

/** Each language's words, compiled when first asked for (Intl makes them: not free, so once). */
const compiled = new Map<Language, LanguageWords>();
function wordsOf(language: Language): LanguageWords {
  let words = compiled.get(language);
  if (!words) {
    words = compile(language);
    compiled.set(language, words);
  }
  return words;
}

/** "en-US", "pt_BR", "FR" → the Language, or null when Lapse has no table for it. */
export function knownLanguage(tag: string | null | undefined): Language | null {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return LANGUAGES.find((language) => language === base) ?? null;
}

/** The words of a Sent label as a RelativeAge, or null when `text` is not a label in `language`. */
export function recogniseLabel(text: string, language: Language): RelativeAge | null {
  if (text.length > MAX_LABEL) return null;
  const words = wordsOf(language);
  const match = words.label.exec(text.trim());
  if (!match) return null;
  const group = match.findIndex((part, i) => i > 0 && part !== undefined);
  const form = words.forms[group - 1];
  if (!form) return null;
  if ('age' in form) return { ...form.age };
  const count = Number(match[group]);
  return Number.isSafeInteger(count) ? { kind: 'ago', count: Math.max(1, count), unit: form.unit } : null;
}

/** The first language whose words read `text` as a Sent label, or null. */
export function detectLabelLanguage(text: string): Language | null {
  return LANGUAGES.find((language) => recogniseLabel(text, language)) ?? null;
}

/**
 * True when `label`, a label already recognised in `language`, carries LinkedIn's Sent word
 * ("Sent 3 weeks ago", "Envoyé il y a 1 mois"): a bare "3 weeks ago" may be any list's.
 */
export function carriesSentWord(label: string, language: Language): boolean {
  return wordsOf(language).sentWord.test(normalizeText(label));
}

/**
 * A whole-number count written in `language`'s digits and grouping ("1,100", "1.234",
 * "1 234" with a narrow no-break space, "1234"). Only grouping of exactly three digits is
 * accepted, so a malformed "1,23" is refused rather than misread.
 */
export function parseCount(text: string, language: Language | null): number | null {
  const t = normalizeText(text);
  const group = language ? wordsOf(language).groupSeparator : null;
  const separators = group === null ? "[., ']" : `[${escapeRegExp(normalizeText(group) || ' ')} ]`;
  const grouped = new RegExp(`^\\d{1,3}(?:${separators}\\d{3})+$`, 'u');
  if (!/^\d+$/.test(t) && !grouped.test(t)) return null;
  const n = Number(t.replace(/\D/g, ''));
  return Number.isSafeInteger(n) ? n : null;
}

function groupSeparatorOf(language: Language): string | null {
  const parts = new Intl.NumberFormat(language, { useGrouping: 'always' } as Intl.NumberFormatOptions).formatToParts(
    1234567,
  );
  return parts.find((p) => p.type === 'group')?.value ?? null;
}

/** The count in a "People (1,234)" tab in `language`, or null when `text` is not that tab. */
export function recognisePeopleCount(text: string, language: Language): number | null {
  if (text.length > 60) return null;
  const count = wordsOf(language).people.exec(normalizeText(text))?.[1];
  return count ? parseCount(count, language) : null;
}

/** Spaces LinkedIn may put around a text, the zero-width one included. */
const EDGE_SPACES = '[\\s\\u200b]*';

/**
 * Whether a whole text is one of `texts`, however the page spaces, cases or apostrophises it
 * (spaces at either end aside): one alternation, one pass, nothing normalised first.
 */
export function wholeTextReader(texts: readonly string[]): (text: string) => boolean {
  const pattern = new RegExp(`^${EDGE_SPACES}${anyOf(texts)}${EDGE_SPACES}$`, 'iu');
  return (text) => pattern.test(text);
}

/**
 * Reads the name out of any of `phrases` around it ("Withdraw invitation sent to Ada" → "Ada"),
 * or null when `text` is none of them. One alternation, one group per phrase: one pass per text.
 */
export function nameReader(phrases: readonly AroundName[]): (text: string) => string | null {
  const branches = phrases.map(({ before, after }) => `${phrase(before)}(.+?)${phrase(after)}`);
  const pattern = new RegExp(`^(?:${branches.join('|')})$`, 'iu');
  return (text) =>
    pattern
      .exec(text.trim())
      ?.find((part, i) => i > 0 && part !== undefined)
      ?.trim() || null;
}
