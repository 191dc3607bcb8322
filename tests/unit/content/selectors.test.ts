// @vitest-environment happy-dom
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Fixture, Seen } from '../../../src/content/selectors';
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

const seen: Record<string, Record<string, Seen>> = selectors.whereSeen();
/** Every selector the module exports: each a list of CSS alternatives. */
const named = Object.entries(selectors).filter(
  (entry): entry is [string, readonly string[]] =>
    Array.isArray(entry[1]) && entry[1].every((css) => typeof css === 'string'),
);

test('the module holds the selectors (a renamed export would otherwise go untested)', () => {
  expect(named.map(([name]) => name)).toEqual(
    expect.arrayContaining(['SENT_LIST', 'SENT_CARD', 'WITHDRAW_CONTROL', 'PEOPLE_COUNT', 'CONNECTION_CARD']),
  );
  expect(named.length).toBeGreaterThanOrEqual(20);
});

test('where each selector was seen is said for exactly the selectors there are', () => {
  expect(Object.keys(seen).sort()).toEqual(named.map(([name]) => name).sort());
});

describe.each(named)('%s', (name, alternatives) => {
  test('says where each of its alternatives was seen, and nothing else', () => {
    expect(Object.keys(seen[name] ?? {}).sort()).toEqual([...alternatives].sort());
  });

  test.each(alternatives)('%s matches every page it names', (css) => {
    const where = seen[name]?.[css];
    expect(where?.when, 'when it was seen').toBeTruthy();
    expect(where?.fixtures.length, 'a page it must match').toBeGreaterThan(0);
    for (const fixture of where?.fixtures ?? []) {
      expect(existsSync(resolve(FIXTURES, fixture)), fixture).toBe(true);
      expect(page(fixture).querySelectorAll(css).length, `${css} in ${fixture}`).toBeGreaterThan(0);
    }
  });
});

test('every hand-written page is named by some selector', () => {
  const used = new Set(
    Object.values(seen).flatMap((alternatives) => Object.values(alternatives).flatMap((where) => where.fixtures)),
  );
  const html = readdirSync(FIXTURES).filter((file) => file.endsWith('.html'));
  expect(html.filter((file) => !used.has(file as Fixture))).toEqual([]);
});
