// @ts-check
/**
 * Keeps public/_locales in step with the English catalogue.
 *
 *   node scripts/locales.mjs                      lists, per language, the English keys it lacks
 *   node scripts/locales.mjs merge fr new.json    writes the messages of new.json ({ key: text })
 *                                                 into fr, in English key order
 *
 * Only the message text is translated: each entry's placeholders are copied from English (they
 * are the interface between the code and the text), and English descriptions are left out (they
 * are for translators, who read them in en). Plural forms English lacks (`_few`, `_many`…) are
 * kept after the key's `_other`. tests/unit/i18n/locales.test.ts checks the result.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** @typedef {{ message: string, description?: string, placeholders?: Record<string, { content: string }> }} Entry */
/** @typedef {Record<string, Entry>} Catalogue a messages.json */

const ROOT = 'public/_locales';
/** @type {(locale: string) => Catalogue} */
const read = (locale) => JSON.parse(readFileSync(join(ROOT, locale, 'messages.json'), 'utf8'));
const EXTRA_PLURALS = ['zero', 'two', 'few', 'many'];

/**
 * `entries` in English order, each with English's placeholders; extra plural forms after `_other`.
 * @param {Catalogue} en
 * @param {Record<string, string>} entries key → message
 * @returns {Catalogue}
 */
function ordered(en, entries) {
  /** @type {Catalogue} */
  const out = {};
  /** @type {(key: string, message: string) => Entry} */
  const entry = (key, message) => {
    // An extra plural form (`_few`) takes the placeholders of the English `_other`.
    const english = en[key] ?? en[key.replace(/_[a-z]+$/, '_other')];
    const placeholders = english?.placeholders;
    return placeholders ? { message, placeholders } : { message };
  };
  for (const key of Object.keys(en)) {
    const message = entries[key];
    if (message !== undefined) out[key] = entry(key, message);
    if (!key.endsWith('_other')) continue;
    const base = key.slice(0, -'_other'.length);
    for (const form of EXTRA_PLURALS) {
      const extra = `${base}_${form}`;
      const extraMessage = entries[extra];
      if (extraMessage !== undefined && !(extra in en)) out[extra] = entry(extra, extraMessage);
    }
  }
  return out;
}

/**
 * @param {string} locale
 * @param {Catalogue} messages
 */
function write(locale, messages) {
  writeFileSync(join(ROOT, locale, 'messages.json'), `${JSON.stringify(messages, null, 2)}\n`);
}

const en = read('en');
const [command, locale, file] = process.argv.slice(2);
if (command === 'merge') {
  if (!locale || !file) throw new Error('Usage: node scripts/locales.mjs merge <locale> <file.json>');
  const current = Object.fromEntries(Object.entries(read(locale)).map(([k, v]) => [k, v.message]));
  /** @type {Record<string, string>} key → message */
  const incoming = JSON.parse(readFileSync(file, 'utf8'));
  const unknown = Object.keys(incoming).filter((k) => !(k in en) && !EXTRA_PLURALS.some((f) => k.endsWith(`_${f}`)));
  if (unknown.length) throw new Error(`Not in the English catalogue: ${unknown.join(', ')}`);
  write(locale, ordered(en, { ...current, ...incoming }));
  console.log(`${locale}: ${Object.keys(incoming).length} messages merged`);
} else {
  let missing = 0;
  for (const code of readdirSync(ROOT).filter((d) => d !== 'en' && !d.includes('.'))) {
    const keys = Object.keys(en).filter((k) => !(k in read(code)));
    missing += keys.length;
    console.log(`${code}: ${keys.length ? `${keys.length} missing: ${keys.join(' ')}` : 'complete'}`);
  }
  process.exitCode = missing ? 1 : 0;
}
