// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseSentPage } from '../../../src/content/parse';
import { toReading } from '../../../src/content/reading';
import { readLoadMore } from '../../../src/content/sent/list-state';

/** The branches the parser takes on pages other than a plain, complete list. */
const AT = new Date('2026-03-15T12:00:00Z');
const fixture = (name: string) =>
  new DOMParser().parseFromString(readFileSync(resolve('tests/fixtures', name), 'utf8'), 'text/html');
const readingOf = (doc: Document) => toReading(parseSentPage(doc, AT), 'https://www.linkedin.com/x', 0, 0);

describe('era B numbered pages', () => {
  test('page 2 of 3 without a total: read, but never complete (the other pages are not on screen)', () => {
    const doc = fixture('sent-classic-paged-en.html');
    const page = parseSentPage(doc, AT);
    expect(page.invitations.map((i) => [i.name, i.sentLabel])).toEqual([
      ['Linus Torvalds', 'Sent 3 months ago'],
      ['Margaret Hamilton', '4 months ago'],
    ]);
    expect(page.total).toBeNull();
    expect(page.laterPage).toBe(true);
    expect(readingOf(doc)).toMatchObject({ failed: false, complete: false });
  });

  test('the last of several pages is still a later page: its end is not the list’s', () => {
    const doc = fixture('sent-classic-paged-en.html');
    doc.querySelector('.artdeco-pagination__button--next')?.setAttribute('disabled', '');
    const page = parseSentPage(doc, AT);
    expect(page.hasMore).toBe(false);
    expect(page.laterPage).toBe(true);
    expect(readingOf(doc)?.complete).toBe(false);
  });

  test('page 1 (Previous disabled) with Next enabled: more to come, offered as the next page', () => {
    const doc = fixture('sent-classic-paged-en.html');
    doc.querySelector('.artdeco-pagination__button--previous')?.setAttribute('disabled', '');
    expect(parseSentPage(doc, AT).laterPage).toBe(false);
    expect(readLoadMore(doc)).toMatchObject({ kind: 'next-page' });
    expect(readLoadMore(doc)?.element.textContent?.trim()).toBe('Next');
    expect(readingOf(doc)?.complete).toBe(false);
  });

  test('a single page (both disabled): the list visibly ended, so complete', () => {
    const doc = fixture('sent-classic-paged-en.html');
    for (const button of doc.querySelectorAll('.artdeco-pagination__button')) button.setAttribute('disabled', '');
    expect(readingOf(doc)).toMatchObject({ failed: false, complete: true });
  });

  test('the withdraw confirmation over the list is not a card', () => {
    const page = parseSentPage(fixture('sent-classic-paged-en.html'), AT);
    expect(page.layout).toBe('list');
    expect(page.invitations).toHaveLength(2);
  });
});

describe('cards found around their Withdraw controls (list markup unknown)', () => {
  const doc = fixture('sent-view-names-en.html');
  const page = parseSentPage(doc, AT);

  test('each card is read whole, with its name, headline and label', () => {
    expect(page.layout).toBe('withdraw-controls');
    expect(page.invitations.map((i) => [i.name, i.headline, i.sentLabel])).toEqual([
      ['Ada Lovelace', 'Analyst · Engines & Numbers', 'Sent 2 weeks ago'],
      ['Alan Turing', 'Mathematician', 'Sent 1 month ago'],
      ['Grace Hopper', null, 'Sent yesterday'],
    ]);
    expect(page.invitations.every((i) => i.sent !== null)).toBe(true);
    expect(page.unreadable).toBe(0);
  });

  test('and the reading can be believed: no Load more, nothing loading, so complete', () => {
    expect(readingOf(doc)).toMatchObject({ failed: false, complete: true });
  });

  test('a Withdraw control inside a dialog makes no card', () => {
    const dialogPage = fixture('sent-current-dialog-en.html');
    dialogPage.querySelector('[data-testid="lazy-column"]')?.removeAttribute('data-testid');
    for (const el of dialogPage.querySelectorAll('[componentkey]')) el.removeAttribute('componentkey');
    const parsed = parseSentPage(dialogPage, AT);
    expect(parsed.layout).toBe('withdraw-controls');
    expect(parsed.invitations.map((i) => i.name)).toEqual(['Tim Berners-Lee']);
    expect(parsed.unreadable).toBe(0);
  });
});

describe('loading and empty pages', () => {
  test.each(['sent-current-loading-en.html', 'sent-classic-loading-en.html'])(
    '%s: still loading, so not complete',
    (name) => {
      const doc = fixture(name);
      const page = parseSentPage(doc, AT);
      expect(page.invitations).toHaveLength(1);
      expect(page.loading).toBe(true);
      expect(readingOf(doc)).toMatchObject({ failed: false, complete: false });
    },
  );

  test('the page says it has no invitations: an empty reading (never complete without a count of 0)', () => {
    const doc = fixture('sent-current-empty-en.html');
    const page = parseSentPage(doc, AT);
    expect(page.emptyState).toBe(true);
    expect(readingOf(doc)).toMatchObject({ invitations: [], complete: false, failed: false });
  });
});
