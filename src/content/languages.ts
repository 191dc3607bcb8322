import type { RelativeAge, TimeUnit } from '../rules/label-interval';

/**
 * The words of the Sent page, per UI language. The relative-time phrases ("il y a 3 jours",
 * "há 2 semanas", "vor 3 Tagen") are learnt from Intl.RelativeTimeFormat: formatting a few counts
 * with formatToParts tells the words around the number and whether they come before or after it.
 * Only what Intl cannot know is typed here: LinkedIn's "Sent" word, the "People" tab and
 * the spelled-out "one" ("a month ago"). Unknown languages are not guessed at.
 */

export interface LanguageTable {
  code: string;
  /** LinkedIn's word before (or after) the relative time. Optional: era B labels lacked it. */
  sent: readonly string[];
  /** The tab that counts connection requests: "People (1,234)". */
  people: readonly string[];
  /** Words that stand for 1 ("a month ago", "il y a un mois"). */
  one: readonly string[];
  /** Extra words for "just now" beyond Intl's "now". */
  now: readonly string[];
}

/*
 * Sources: English, French and Portuguese labels come from captures and user reports
 * (see shared/reference/linkedin-sent-page.md: "Sent 3 days ago", "Envoyé il y a 1 mois",
 * "Enviado há 2 semanas", "Enviado ontem", "Personnes (N)"). The other "Sent"/"People" words are
 * LinkedIn's usual UI terms for those languages; both genders are listed where the language has them.
 */
export const LANGUAGES: readonly LanguageTable[] = [
  { code: 'en', sent: ['Sent'], people: ['People'], one: ['a', 'an', 'one'], now: ['just now', 'moments ago'] },
  {
    code: 'fr',
    sent: ['Envoyé', 'Envoyée', 'Envoyées', 'Envoyés'],
    people: ['Personnes'],
    one: ['un', 'une'],
    now: ["à l'instant"],
  },
  {
    code: 'pt',
    sent: ['Enviado', 'Enviada', 'Enviados', 'Enviadas'],
    people: ['Pessoas'],
    one: ['um', 'uma'],
    now: [],
  },
  {
    code: 'es',
    sent: ['Enviada', 'Enviado', 'Enviadas', 'Enviados'],
    people: ['Personas'],
    one: ['un', 'una'],
    now: [],
  },
  {
    code: 'de',
    sent: ['Gesendet', 'Versendet', 'Verschickt'],
    people: ['Personen'],
    one: ['einem', 'einer', 'ein', 'eine'],
    now: ['gerade eben'],
  },
  {
    code: 'it',
    sent: ['Inviato', 'Inviata', 'Inviati', 'Inviate'],
    people: ['Persone'],
    one: ['un', 'una', "un'"],
    now: ['poco fa'],
  },
  {
    code: 'nl',
    sent: ['Verzonden', 'Verstuurd'],
    people: ['Personen', 'Mensen'],
    one: ['een', 'één'],
    now: ['zojuist'],
  },
];

const UNITS: readonly TimeUnit[] = ['minute', 'hour', 'day', 'week', 'month', 'year'];
/** Counts whose plural forms cover the languages above (and Slavic-style few/many should more be added). */
const SAMPLE_COUNTS = [1, 2, 3, 5, 11, 21, 22, 25, 100, 101];

/** All spaces (incl. NBSP U+00A0 and narrow NBSP U+202F) as one plain space, apostrophes as ', lower case. */
export function normalizeText(text: string): string {
  return normalizeInner(text).trim();
}
function normalizeInner(text: string): string {
  // Most text has only single plain spaces: testing for anything else first spares the copy
  // that replacing each space with itself would make.
  return (ODD_SPACE.test(text) ? text.replace(/[\s\u00a0\u202f\u2007\u200b]+/g, ' ') : text)
    .replace(/[’‘ʼ`´]/g, "'")
    .toLocaleLowerCase();
}
/** What the replace above changes: a space other than U+0020, a zero-width space, two spaces. */
const ODD_SPACE = /[^\S ]|\u200b| {2}/;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A normalized phrase as a regex source in which any space also matches no space ("un'ora"). */
const phrase = (text: string) => escapeRegExp(normalizeInner(text)).replace(/ /g, ' ?');

/** What a label form means: a fixed age, or "N <unit> ago" with N read from the form's group. */
type LabelForm = { age: RelativeAge } | { unit: TimeUnit };

interface Compiled {
  table: LanguageTable;
  /**
   * Every label form of the language in one regex, tried in order (today, yesterday, now, then
   * "N <unit> ago" per unit): an alternation tries its branches in order, so the first form that
   * matches the whole text wins, as if each were tested alone, in a single pass over the text.
   * Each branch has exactly one capture group (the count, or an empty marker), so the first group
   * that took part tells which form matched: `forms[group - 1]`.
   */
  label: RegExp;
  forms: LabelForm[];
  /** Every character a label can end with (normalised), or null when that is not known. */
  ends: Set<string> | null;
  people: RegExp;
  /** The Sent word at either end of a normalised label: what tells a Sent card from any other. */
  sentWord: RegExp;
  /** Answers already given, by text: a page's labels repeat (a few dozen for thousands of cards). */
  seen: Map<string, RelativeAge | null>;
}

function templatesFor(code: string, unit: TimeUnit): { prefix: string; suffix: string }[] {
  const seen = new Map<string, { prefix: string; suffix: string }>();
  for (const style of ['long', 'short'] as const) {
    const rtf = new Intl.RelativeTimeFormat(code, { numeric: 'always', style });
    for (const n of SAMPLE_COUNTS) {
      const parts = rtf.formatToParts(-n, unit);
      const first = parts.findIndex((p) => p.type !== 'literal');
      let last = -1;
      parts.forEach((p, i) => {
        if (p.type !== 'literal') last = i;
      });
      if (first < 0) continue;
      const prefix = parts
        .slice(0, first)
        .map((p) => p.value)
        .join('');
      const suffix = parts
        .slice(last + 1)
        .map((p) => p.value)
        .join('');
      seen.set(`${prefix}|${suffix}`, { prefix, suffix });
    }
  }
  return [...seen.values()];
}

function compile(table: LanguageTable): Compiled {
  const code = table.code;
  const sent = `(?:${table.sent.map(phrase).join('|')})`;
  const branches: string[] = [];
  const forms: LabelForm[] = [];
  let ends: Set<string> | null = new Set<string>();
  /** The words a label may end with: the first that is only spaces leaves the end unknown. */
  const endsWith = (...words: string[]) => {
    for (const word of words) {
      const last = normalizeText(word).at(-1);
      if (last) ends?.add(last);
      else ends = null;
    }
  };
  /** A template's suffix ends the label; without one, what comes before it does. */
  const endsWithSuffix = (suffix: string, before: readonly string[]) =>
    endsWith(...(normalizeText(suffix) ? [suffix] : before));
  endsWith(...table.sent);
  // The sent word is optional (era B) and may sit before or after the time.
  const wrap = (body: string) => `(?:${sent} ?)?(?:${body})(?: ?${sent})?`;
  /** A form without a number; the empty group marks that it matched. */
  const fixed = (body: string, age: RelativeAge) => {
    branches.push(`${wrap(body)}()`);
    forms.push({ age });
  };
  /** "N <unit> ago": the body holds the one group, (\d+). */
  const counted = (body: string, unit: TimeUnit) => {
    branches.push(wrap(body));
    forms.push({ unit });
  };
  const auto = new Intl.RelativeTimeFormat(code, { numeric: 'auto' });
  const nowWords = [auto.format(0, 'second'), ...table.now];
  const fixedWords = [auto.format(0, 'day'), auto.format(-1, 'day'), ...nowWords];
  endsWith(...fixedWords);
  fixed(phrase(auto.format(0, 'day')), { kind: 'today' });
  fixed(phrase(auto.format(-1, 'day')), { kind: 'yesterday' });
  fixed(nowWords.map(phrase).join('|'), { kind: 'now' });
  const one = `(?:${table.one.map(phrase).join('|')})`;
  for (const unit of UNITS) {
    for (const { prefix, suffix } of templatesFor(code, unit)) {
      const p = phrase(prefix);
      const s = phrase(suffix);
      counted(`${p}(\\d+)${s}`, unit);
      // "a month ago", "il y a un mois": the singular template with a word for one.
      fixed(`${p}${one}${s}`, { kind: 'ago', count: 1, unit });
      endsWithSuffix(suffix, [...'0123456789', ...table.one]);
    }
    // Some languages have a word for "1 <unit> ago" without a number (Intl numeric:auto: "last month").
    const single = auto.format(-1, unit);
    if (!/\d/.test(single)) {
      fixed(phrase(single), { kind: 'ago', count: 1, unit });
      endsWith(single);
    }
  }
  return {
    table,
    label: new RegExp(`^(?:${branches.join('|')})$`, 'u'),
    forms,
    ends,
    // "People (1,234)": the count is checked by parseCount, any digits/separators here.
    people: new RegExp(`^(?:${table.people.map(phrase).join('|')}) ?\\(([\\d.,' ]+)\\)$`, 'u'),
    sentWord: new RegExp(`^${sent}|${sent}$`, 'u'),
    seen: new Map(),
  };
}

const compiled = new Map<string, Compiled>();
function compiledFor(code: string): Compiled | null {
  const cached = compiled.get(code);
  if (cached) return cached;
  const table = LANGUAGES.find((t) => t.code === code);
  if (!table) return null;
  const made = compile(table);
  compiled.set(code, made);
  return made;
}

/** "en-US", "pt_BR", "FR" → the table's code, or null when the language has no table. */
export function knownLanguage(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const base = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return LANGUAGES.some((t) => t.code === base) ? base : null;
}

/** The words of a sent label as a RelativeAge, or null when `text` is not a label in `language`. */
export function recogniseLabel(text: string, language: string): RelativeAge | null {
  const age = labelAge(text, language);
  return age && { ...age };
}

/** recogniseLabel's answer itself, shared between callers: for readers that only read it. */
export function labelAge(text: string, language: string): Readonly<RelativeAge> | null {
  const c = compiledFor(language);
  if (!c || text.length > 80) return null;
  // Refused before normalising (most texts asked are not labels): the last character, when it is
  // printable ASCII other than 'I' (some locales lower-case it differently) and '`' (an
  // apostrophe), stays itself, lower-cased, and a label ends with one of a few.
  const last = text.charCodeAt(text.length - 1);
  if (c.ends && last > 32 && last < 127 && last !== 73 && last !== 96) {
    if (!c.ends.has(String.fromCharCode(last >= 65 && last <= 90 ? last | 32 : last))) return null;
  }
  let age = c.seen.get(text);
  if (age === undefined) {
    if (c.seen.size >= 5000) c.seen.clear();
    age = readLabel(c, text);
    c.seen.set(text, age);
  }
  return age;
}

function readLabel(c: Compiled, text: string): RelativeAge | null {
  const t = normalizeText(text);
  if (!t) return null;
  const m = c.label.exec(t);
  if (!m) return null;
  for (let group = 1; group < m.length; group++) {
    const matched = m[group];
    if (matched === undefined) continue;
    const form = c.forms[group - 1];
    if (!form) return null;
    if ('age' in form) return form.age;
    const count = Number(matched);
    if (!Number.isSafeInteger(count) || count < 0) return null;
    return { kind: 'ago', count: Math.max(1, count), unit: form.unit };
  }
  return null;
}

/**
 * True when `label`, a label already recognised in `language`, carries LinkedIn's Sent word
 * ("Sent 3 weeks ago", "Envoyé il y a 1 mois"): a bare "3 weeks ago" may be any list's.
 */
export function carriesSentWord(label: string, language: string): boolean {
  return compiledFor(language)?.sentWord.test(normalizeText(label)) ?? false;
}

/** The first language whose table reads `text` as a sent label, or null. */
export function detectLabelLanguage(text: string): string | null {
  for (const table of LANGUAGES) if (recogniseLabel(text, table.code)) return table.code;
  return null;
}

/**
 * A whole-number count written in `language`'s digits and grouping ("1,100", "1.234",
 * "1 234" with a narrow no-break space, "1234"). Only grouping of exactly three digits is
 * accepted, so a malformed "1,23" is refused rather than misread.
 */
export function parseCount(text: string, language: string | null): number | null {
  const t = normalizeText(text);
  const group = language ? groupSeparator(language) : null;
  const separators = group === null ? "[., ']" : `[${escapeRegExp(normalizeText(group) || ' ')} ]`;
  const grouped = new RegExp(`^\\d{1,3}(?:${separators}\\d{3})+$`, 'u');
  if (/^\d+$/.test(t) || grouped.test(t)) {
    const n = Number(t.replace(/\D/g, ''));
    return Number.isSafeInteger(n) ? n : null;
  }
  return null;
}

const groupSeparators = new Map<string, string | null>();
/** Building a NumberFormat costs more than reading a whole page's total: once per language. */
function groupSeparator(language: string): string | null {
  if (!groupSeparators.has(language)) groupSeparators.set(language, findGroupSeparator(language));
  return groupSeparators.get(language) ?? null;
}

function findGroupSeparator(language: string): string | null {
  try {
    const part = new Intl.NumberFormat(language, { useGrouping: 'always' } as Intl.NumberFormatOptions)
      .formatToParts(1234567)
      .find((p) => p.type === 'group');
    return part?.value ?? null;
  } catch {
    return null;
  }
}

/** The count in a "People (1,234)" tab in `language`, or null when `text` is not that tab. */
export function recognisePeopleCount(text: string, language: string): number | null {
  const c = compiledFor(language);
  if (!c || text.length > 60) return null;
  const m = c.people.exec(normalizeText(text));
  return m?.[1] ? parseCount(m[1], language) : null;
}
