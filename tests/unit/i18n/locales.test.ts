import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SuggestionKind } from '../../../src/model/settings';
import { LANGUAGE_TAG_KEY, primaryLanguage } from '../../../src/shared/locale';
import { TEMPLATE_KEY } from '../../../src/shared/templates';

/**
 * Every catalogue in public/_locales against the English one: the same keys, the same
 * placeholders, valid JSON, and text that was really translated. A browser shows the English
 * message for any key a catalogue lacks, so a gap here is English on a French screen.
 */

const ROOT = 'public/_locales';
type Entry = { message: string; description?: string; placeholders?: Record<string, { content: string }> };
type Catalogue = Record<string, Entry>;

/** Parsed here rather than imported, so a malformed file fails with its name instead of a build error. */
function read(locale: string): Catalogue {
  const text = readFileSync(join(ROOT, locale, 'messages.json'), 'utf8');
  try {
    return JSON.parse(text) as Catalogue;
  } catch (cause) {
    throw new Error(`${locale}/messages.json is not valid JSON: ${(cause as Error).message}`);
  }
}

const en = read('en');
const LOCALES = readdirSync(ROOT).filter((name) => name !== 'en');

/** Plural forms English does not need but a language may (`_few`, `_many`…). */
const EXTRA_PLURALS = ['zero', 'two', 'few', 'many'] as const;

/**
 * Messages that are rightly the same as English. Text with no letters once placeholders are
 * removed ("$STATUS$ · $DAYS$") needs no entry.
 */
const SAME_AS_ENGLISH: Record<string, readonly string[]> = {
  // InMail is LinkedIn's product name; "E-mail" is written so in most of these languages.
  all: ['Lapse', 'Ada Lovelace', 'InMail'],
  de: ['Limit $LIMIT$'],
  fr: ['$COUNT$ invitation', '$COUNT$ invitations', 'Invitations', 'E-mail'],
  it: ['Backup', 'E-mail'],
  nl: ['$COUNT$ week', 'E-mail'],
  pt_BR: ['E-mail'],
  pt_PT: ['E-mail'],
};

/** The Chrome Web Store shows at most 132 characters of a description. */
const DESCRIPTION_MAX = 132;

const namedPlaceholders = (text: string) =>
  [...text.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();
const templateFields = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const englishOf = (key: string): Entry | undefined => en[key] ?? en[key.replace(/_[a-z]+$/, '_other')];

describe.each(LOCALES)('the %s catalogue', (locale) => {
  const messages = read(locale);
  const tag = locale.replace('_', '-');
  const categories = new Intl.PluralRules(tag).resolvedOptions().pluralCategories;

  it('has every English key', () => {
    expect(Object.keys(en).filter((key) => !(key in messages))).toEqual([]);
  });

  it('has no key English lacks, except plural forms its language uses', () => {
    const extra = Object.keys(messages).filter((key) => {
      if (key in en) return false;
      const form = EXTRA_PLURALS.find((f) => key.endsWith(`_${f}`));
      return !(form && categories.includes(form) && `${key.slice(0, -form.length)}other` in en);
    });
    expect(extra).toEqual([]);
  });

  it('keeps every placeholder of the English message, with the same meaning', () => {
    const wrong = Object.entries(messages).flatMap(([key, entry]) => {
      const english = englishOf(key);
      if (!english) return [];
      const same =
        JSON.stringify(namedPlaceholders(entry.message)) === JSON.stringify(namedPlaceholders(english.message)) &&
        JSON.stringify(entry.placeholders ?? {}) === JSON.stringify(english.placeholders ?? {}) &&
        JSON.stringify(templateFields(entry.message)) === JSON.stringify(templateFields(english.message));
      return same ? [] : [`${key}: "${entry.message}"`];
    });
    expect(wrong).toEqual([]);
  });

  it('is translated: no message is the English text unless that is right in this language', () => {
    const allowed = new Set([...SAME_AS_ENGLISH.all!, ...(SAME_AS_ENGLISH[locale] ?? [])]);
    const untranslated = Object.entries(messages)
      .filter(([key, entry]) => entry.message === en[key]?.message)
      .filter(([, entry]) => /\p{L}/u.test(entry.message.replace(/\$[A-Za-z0-9_@]+\$/g, '')))
      .filter(([, entry]) => !allowed.has(entry.message))
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
  });

  it('names its own language, which sets <html lang> and how numbers are written', () => {
    const own = messages[LANGUAGE_TAG_KEY]?.message ?? '';
    expect(own).toBe(tag);
    expect(Intl.getCanonicalLocales(own)).toEqual([tag]);
    expect(primaryLanguage(own)).toBe(primaryLanguage(locale));
  });

  it('has a store description short enough to be shown whole, and no message left empty', () => {
    expect(messages.extDescription?.message.length).toBeLessThanOrEqual(DESCRIPTION_MAX);
    expect(Object.keys(messages).filter((key) => !messages[key]!.message.trim())).toEqual([]);
  });

  it('greets by first name in every default message template', () => {
    for (const kind of SuggestionKind.options) {
      const key = TEMPLATE_KEY[kind];
      if (key) expect(messages[key]?.message, key).toContain('{firstName}');
    }
  });
});

describe('the English catalogue', () => {
  it('has a short enough store description, its own language tag, and a template for every kind but none', () => {
    expect(en.extDescription?.message.length).toBeLessThanOrEqual(DESCRIPTION_MAX);
    expect(en[LANGUAGE_TAG_KEY]?.message).toBe('en');
    for (const kind of SuggestionKind.options) {
      const key = TEMPLATE_KEY[kind];
      if (key) expect(en[key]?.message, key).toContain('{firstName}');
    }
  });

  it('every plural message has its _other form, the one every language falls back to', () => {
    const orphans = Object.keys(en).filter((key) => key.endsWith('_one') && !(`${key.slice(0, -4)}_other` in en));
    expect(orphans).toEqual([]);
  });

  it('ships the seven languages Lapse reads on LinkedIn', () => {
    expect([...LOCALES].sort()).toEqual(['de', 'es', 'fr', 'it', 'nl', 'pt_BR', 'pt_PT']);
  });
});
