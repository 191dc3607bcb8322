import browser from 'webextension-polyfill';

/** Every key in the English catalogue; a typo in a key is a type error, not a blank label. */
export type MessageKey = keyof typeof import('../../public/_locales/en/messages.json');

type Substitution = string | number;

/** The translated text for `key`, with `$1`… placeholders filled. Falls back to the key itself. */
export function t(key: MessageKey, substitutions?: Substitution | readonly Substitution[]): string {
  const subs =
    substitutions === undefined
      ? undefined
      : Array.isArray(substitutions)
        ? substitutions.map(String)
        : String(substitutions);
  return browser.i18n.getMessage(key, subs) || key;
}

/**
 * Singular or plural form: `<base>_one` when `count` is 1, `<base>_other` otherwise; the count is
 * the first substitution. browser.i18n has no plural rules, so English needs just these two.
 */
export function tCount(base: string, count: number, more: readonly Substitution[] = []): string {
  const key = (count === 1 ? `${base}_one` : `${base}_other`) as MessageKey;
  return t(key, [count, ...more]);
}
