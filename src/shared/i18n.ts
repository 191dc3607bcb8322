import browser from 'webextension-polyfill';
import { counted, LANGUAGE_TAG_KEY, numberText, textDirection, textLocale, type Words } from './locale';

/** Every key in the English catalogue; a typo in a key is a type error, not a blank label. */
export type MessageKey = keyof typeof import('../../public/_locales/en/messages.json');

type Substitution = string | number;

let locale: string | null = null;

/**
 * The locale of the text on screen (see textLocale): plurals, numbers and dates follow it, not
 * the browser's default locale, so a French page never shows "1,250" or an English month.
 */
export function uiLocale(): string {
  locale ??= textLocale(browser.i18n.getMessage(LANGUAGE_TAG_KEY), browser.i18n.getUILanguage());
  return locale;
}

/** The catalogue and its locale, for code that stays pure (badge-count.ts) and for tCount. */
export function words(): Words {
  return { translate: (key, subs) => browser.i18n.getMessage(key, subs), locale: uiLocale() };
}

const asText = (s: Substitution) => (typeof s === 'number' ? numberText(uiLocale(), s) : s);

/**
 * The translated text for `key`, with `$1`… placeholders filled (numbers written the locale's
 * way). Falls back to the key itself.
 */
export function t(key: MessageKey, substitutions?: Substitution | readonly Substitution[]): string {
  const subs =
    substitutions === undefined
      ? undefined
      : Array.isArray(substitutions)
        ? substitutions.map(asText)
        : asText(substitutions as Substitution);
  return browser.i18n.getMessage(key, subs) || key;
}

/**
 * The form of `<base>_…` that fits `count` in the UI language (Intl.PluralRules: `_one`, `_few`,
 * `_many`… falling back to `_other`); the count is the first substitution.
 */
export function tCount(base: string, count: number, more: readonly Substitution[] = []): string {
  return counted(words(), base, count, more.map(asText)) || base;
}

/**
 * `<html lang dir>` and the tab's title in the UI language, before the first render: screen
 * readers, hyphenation and line breaking follow `lang`. Each page's main.tsx calls it.
 */
export function localizePage(titleKey: MessageKey, doc: Document = document): void {
  const current = uiLocale();
  doc.documentElement.lang = current;
  doc.documentElement.dir = textDirection(current);
  doc.title = t(titleKey);
}
