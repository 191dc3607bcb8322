// @vitest-environment happy-dom
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Alternative, Fixture } from '../../../src/content/selectors';
import * as selectors from '../../../src/content/selectors';

/**
 * Every selector Lapse uses must match the hand-written pages it names: a selector no page
 * matches is either dead or guessed, and either way nothing shows that it works.
 */
const FIXTURES = resolve('tests/fixtures');
const pages = new Map<string, Document>();
function page(name: Fixture): Document {
  let doc = pages.get(name);
  if (!doc) {
    doc = new DOMParser().parseFromString(readFileSync(resolve(FIXTURES, name), 'utf8'), 'text/html');
    pages.set(name, doc);
  }
  return doc;
}

const isAlternative = (value: unknown): value is Alternative =>
  typeof value === 'object' && value !== null && 'css' in value && 'seen' in value && 'fixtures' in value;
const named = Object.entries(selectors).filter(
  (entry): entry is [string, readonly Alternative[]] => Array.isArray(entry[1]) && entry[1].every(isAlternative),
);

test('the module holds the selectors (a renamed export would otherwise go untested)', () => {
  expect(named.map(([name]) => name)).toEqual(
    expect.arrayContaining(['SENT_LIST', 'SENT_CARD', 'WITHDRAW_CONTROL', 'PEOPLE_COUNT', 'CONNECTION_CARD']),
  );
  expect(named.length).toBeGreaterThanOrEqual(20);
});

describe.each(named)('%s', (_name, alternatives) => {
  test.each(alternatives.map((a) => [a.css, a]))('%s matches every page it names', (_css, alternative) => {
    expect(alternative.seen, 'when it was seen').not.toBe('');
    expect(alternative.fixtures.length, 'a page it must match').toBeGreaterThan(0);
    for (const fixture of alternative.fixtures) {
      expect(existsSync(resolve(FIXTURES, fixture)), fixture).toBe(true);
      expect(
        page(fixture).querySelectorAll(alternative.css).length,
        `${alternative.css} in ${fixture}`,
      ).toBeGreaterThan(0);
    }
  });
});

test('every hand-written page is named by some selector', () => {
  const used = new Set(named.flatMap(([, alternatives]) => alternatives.flatMap((a) => a.fixtures)));
  const html = readdirSync(FIXTURES).filter((file) => file.endsWith('.html'));
  expect(html.filter((file) => !used.has(file as Fixture))).toEqual([]);
});
