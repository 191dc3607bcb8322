/**
 * Which language a page is in, and how to write numbers and dates in it. Pure: the browser's
 * answers are passed in, so the worker, the pages and the tests share it.
 */

/** `browser.i18n.getMessage`'s shape: '' for a key the catalogue does not have. */
export type Translate = (key: string, substitutions?: string[]) => string;

/** What every piece of text for people needs: the catalogue, and the locale to format numbers in. */
export interface Words {
  translate: Translate;
  /** A BCP 47 tag (`fr`, `pt-BR`, `en-GB`): plural rules, numbers and dates follow it. */
  locale: string;
}

/** The catalogue key holding each catalogue's own BCP 47 tag (`fr`, `pt-BR`). */
export const LANGUAGE_TAG_KEY = 'language_tag';

/** Languages written right to left (CLDR's right-to-left scripts, by primary language). */
const RTL_LANGUAGES = new Set(['ar', 'ckb', 'dv', 'fa', 'he', 'ks', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** `pt` for `pt-BR`, `pt_PT` or `PT`. */
export function primaryLanguage(tag: string): string {
  return (tag.split(/[-_]/)[0] ?? '').toLowerCase();
}

/**
 * The locale the text is written in: the browser's UI language when the catalogue the browser
 * chose speaks it (so `en-GB` keeps British dates, `pt-PT` European number spacing), else the
 * catalogue's own tag: a browser in Polish reads the English catalogue, and its numbers and
 * plurals must then be English too, not a Polish mix.
 */
export function textLocale(catalogueTag: string, uiLanguage: string): string {
  const catalogue = catalogueTag.trim() || 'en';
  const ui = uiLanguage.trim().replace(/_/g, '-');
  if (ui && primaryLanguage(ui) === primaryLanguage(catalogue) && Intl.PluralRules.supportedLocalesOf(ui).length) {
    return ui;
  }
  return catalogue;
}

export function textDirection(locale: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(primaryLanguage(locale)) ? 'rtl' : 'ltr';
}

/** Building an Intl object costs far more than using one, and a list formats every row. */
function cached<T>(make: (locale: string) => T): (locale: string) => T {
  const made = new Map<string, T>();
  return (locale) => {
    const found = made.get(locale);
    if (found !== undefined) return found;
    const fresh = make(locale);
    made.set(locale, fresh);
    return fresh;
  };
}
const numberFormat = cached((locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }));
const pluralRules = cached((locale) => new Intl.PluralRules(locale));

export function numberText(locale: string, value: number): string {
  return numberFormat(locale).format(value);
}

/** zero, one, two, few, many or other: the plural category of `count` in `locale`. */
export function pluralCategory(locale: string, count: number): Intl.LDMLPluralRule {
  return pluralRules(locale).select(count);
}

/**
 * `<base>_<category>` for `count` in the words' locale (French and Brazilian Portuguese read 0
 * as singular, English does not), falling back to `<base>_other` where the catalogue has no
 * message for that category. The count, written the locale's way, is the first substitution.
 */
export function counted(words: Words, base: string, count: number, more: readonly string[] = []): string {
  const category = pluralCategory(words.locale, count);
  const subs = [numberText(words.locale, count), ...more];
  return (
    (category !== 'other' && words.translate(`${base}_${category}`, subs)) || words.translate(`${base}_other`, subs)
  );
}
