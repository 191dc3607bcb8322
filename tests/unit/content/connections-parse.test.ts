// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readConnectedLabel } from '../../../src/content/connections/connected-label';
import { parseConnectionsPage } from '../../../src/content/connections/parse';
import { toConnectionsReading } from '../../../src/content/connections/reader';
import { labelToInterval } from '../../../src/rules/label-interval';

const OBSERVED = new Date('2026-03-15T12:00:00Z');
const AT = OBSERVED.getTime();
const HOUR = 3_600_000;

const load = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const fixtureHtml = (name: string) => readFileSync(resolve('tests/fixtures', name), 'utf8');
const fixture = (name: string) => load(fixtureHtml(name));

/** A written day as the interval that holds in every time zone (UTC−12 … UTC+14). */
const anyZoneDay = (y: number, m: number, d: number) => ({
  earliest: Date.UTC(y, m - 1, d) - 14 * HOUR,
  latest: Date.UTC(y, m - 1, d) + 36 * HOUR - 1,
});
const ago = (count: number, unit: 'day' | 'week' | 'month') => labelToInterval({ kind: 'ago', count, unit }, AT);

describe('a "Connected …" label, language by language', () => {
  test.each([
    ['en', 'Connected 2 weeks ago', ago(2, 'week')],
    ['en', 'Connected a month ago', ago(1, 'month')],
    ['en', 'Connected\u00a03\u00a0days ago', ago(3, 'day')],
    ['en', 'Connected today', labelToInterval({ kind: 'today' }, AT)],
    ['en', 'Connected on March 5, 2026', anyZoneDay(2026, 3, 5)],
    ['en', 'Connected on Mar 5, 2026', anyZoneDay(2026, 3, 5)],
    ['en', 'Connected on 5 March 2026', anyZoneDay(2026, 3, 5)],
    ['fr', 'Connecté(e) il y a 2 semaines', ago(2, 'week')],
    ['fr', 'Connecté(e) le 5 mars 2026', anyZoneDay(2026, 3, 5)],
    ['fr', 'Connectée le 1er février 2026', anyZoneDay(2026, 2, 1)],
    ['fr', 'Connecté(e) hier', labelToInterval({ kind: 'yesterday' }, AT)],
    ['pt', 'Conectado em 5 de março de 2026', anyZoneDay(2026, 3, 5)],
    ['pt', 'Conectado há 3 dias', ago(3, 'day')],
    ['de', 'Vernetzt am 5. März 2026', anyZoneDay(2026, 3, 5)],
    ['es', 'Conectado el 5 de marzo de 2026', anyZoneDay(2026, 3, 5)],
  ])('%s: "%s"', (language, text, expected) => {
    expect(readConnectedLabel(text, language, AT)).toEqual({ connected: expected });
  });

  test('a day today is cut at the moment of the look (no acceptance in the future)', () => {
    expect(readConnectedLabel('Connected on March 15, 2026', 'en', AT)?.connected?.latest).toBe(AT);
  });

  test.each([
    ['en', 'Connected on February 30, 2026', 'no such day'],
    ['en', 'Connected on March 20, 2026', 'a day still to come'],
    ['en', 'Connected on 03/05/2026', 'day and month order unknown'],
    ['en', 'Connected on Smarch 5, 2026', 'not a month'],
    ['en', 'Connected on March 5', 'no year'],
    ['en', 'Connected', 'no time at all'],
    ['fr', 'Connecté(e) le 5 march 2026', 'an English month in French'],
  ])('%s: "%s" is a label whose date is unknown (%s), never a guess', (language, text) => {
    expect(readConnectedLabel(text, language, AT)).toEqual({ connected: null });
  });

  test.each([
    ['en', 'Sent 2 weeks ago'],
    ['en', 'Analyst · Connected thinking since 2 weeks ago'],
    ['en', '2 weeks ago'],
    ['fr', 'Connected 2 weeks ago'],
    ['xx', 'Connected 2 weeks ago'],
    ['pl', 'Połączono 2 tygodnie temu'],
  ])('%s: "%s" is not a connected label', (language, text) => {
    expect(readConnectedLabel(text, language, AT)).toBeNull();
  });
});

describe('era D page (hand-written, English)', () => {
  const page = parseConnectionsPage(fixture('connections-current-en.html'), OBSERVED);
  const byName = (name: string) => page.people.find((p) => p.name === name);

  test('reads each connection once with a canonical profile URL, and nobody from the suggestions rail or header', () => {
    expect(page.people.map((p) => p.profileUrl)).toEqual([
      'https://www.linkedin.com/in/ada-lovelace-0815/',
      'https://www.linkedin.com/in/grace-hopper/',
      'https://www.linkedin.com/in/émile-zola-42/',
      'https://www.linkedin.com/in/no-name-photo/',
    ]);
    expect(page.language).toBe('en');
  });

  test('names without "’s profile picture" or "View profile"; the avatar alt when there is no name link', () => {
    expect(page.people.map((p) => p.name)).toEqual(['Ada Lovelace', 'Grace Hopper', 'Émile Zola', 'Linus Pauling']);
  });

  test('relative and absolute dates, a label split over spans, and an unreadable date as null', () => {
    expect(byName('Ada Lovelace')).toMatchObject({
      connectedLabel: 'Connected 2 weeks ago',
      connected: ago(2, 'week'),
    });
    expect(byName('Grace Hopper')?.connected).toEqual(anyZoneDay(2026, 3, 5));
    expect(byName('Émile Zola')?.connected).toEqual(ago(3, 'day'));
    expect(byName('Linus Pauling')).toMatchObject({ connectedLabel: 'Connected on Smarch 40, 2026', connected: null });
    expect(page.unreadable).toBe(1);
  });

  test('becomes a reading that is not failed', () => {
    const reading = toConnectionsReading(page, 'https://www.linkedin.com/mynetwork/invite-connect/connections/', AT);
    expect(reading).toMatchObject({ failed: false, unreadable: 1, language: 'en' });
    expect(reading?.people).toHaveLength(4);
  });
});

describe('era D page in French', () => {
  const page = parseConnectionsPage(fixture('connections-current-fr.html'), OBSERVED);

  test('reads the French words and month names', () => {
    expect(page.language).toBe('fr');
    expect(page.people.map((p) => [p.name, p.connected])).toEqual([
      ['Marie Curie', ago(2, 'week')],
      ['Jean Jaurès', anyZoneDay(2026, 3, 5)],
      ['Simone Weil', labelToInterval({ kind: 'yesterday' }, AT)],
    ]);
    expect(page.unreadable).toBe(0);
  });

  test('a wrong lang attribute does not stop it: the words decide', () => {
    const doc = load(fixtureHtml('connections-current-fr.html').replace('lang="fr-FR"', 'lang="en"'));
    expect(parseConnectionsPage(doc, OBSERVED).language).toBe('fr');
  });
});

describe('era B page (hand-written, 2019–2024 classes, no lang attribute)', () => {
  const page = parseConnectionsPage(fixture('connections-classic-en.html'), OBSERVED);

  test('the name is the first line of the link, not the occupation; the time badge is the date', () => {
    expect(page.language).toBe('en');
    expect(page.people.map((p) => [p.profileUrl, p.name, p.connected])).toEqual([
      ['https://www.linkedin.com/in/alan-turing/', 'Alan Turing', ago(1, 'month')],
      ['https://www.linkedin.com/in/kurt-godel/', 'Kurt Gödel', labelToInterval({ kind: 'today' }, AT)],
    ]);
  });
});

describe('a language Lapse does not know', () => {
  const html = fixtureHtml('connections-current-fr.html')
    .replace('lang="fr-FR"', 'lang="pl"')
    .replaceAll('Connecté(e) il y a 2&nbsp;semaines', 'Połączono 2 tygodnie temu')
    .replaceAll('Connecté(e) le 5 mars 2026', 'Połączono 5 marca 2026')
    .replaceAll('Connecté(e) hier', 'Połączono wczoraj');
  const page = parseConnectionsPage(load(html), OBSERVED);

  test('people are read, but every date is null, and the reading fails', () => {
    expect(page.language).toBeNull();
    expect(page.people.map((p) => p.connected)).toEqual([null, null, null]);
    const reading = toConnectionsReading(page, 'https://www.linkedin.com/mynetwork/invite-connect/connections/', AT);
    expect(reading?.failed).toBe(true);
  });
});

test('a page still rendering (no cards) gives no reading at all', () => {
  const page = parseConnectionsPage(load('<main><div data-testid="lazy-column"></div></main>'), OBSERVED);
  expect(toConnectionsReading(page, 'https://www.linkedin.com/mynetwork/invite-connect/connections/', AT)).toBeNull();
});

describe('cards the markup no longer marks (hand-written)', () => {
  const card = (slug: string, name: string, label: string) =>
    `<div class="x1"><a href="/in/${slug}/"><span>${name}</span></a><p>Engineer</p><time>${label}</time></div>`;

  test('are found around their profile links, each person once however often listed', () => {
    const page = parseConnectionsPage(
      load(`<html lang="en"><body><main><section>
        ${card('ada-1', 'Ada Lovelace', 'Connected 2 weeks ago')}
        ${card('grace-2', 'Grace Hopper', 'Connected 3 days ago')}
        ${card('ada-1', 'Ada Lovelace', 'Connected 2 weeks ago')}
      </section></main></body></html>`),
      OBSERVED,
    );
    expect(page.people.map((p) => [p.name, p.connected])).toEqual([
      ['Ada Lovelace', ago(2, 'week')],
      ['Grace Hopper', ago(3, 'day')],
    ]);
    expect(page.unreadable).toBe(0);
  });
});
