// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { parseSentPage } from '../../../src/content/parse';
import { toReading } from '../../../src/content/reading';
import { ContentMessage } from '../../../src/model/messages';
import { MAX_READ_INVITATIONS } from '../../../src/model/reading-limits';
import { renderReceivedBody } from '../../fixtures/received-page';
import { renderSentBody, samplePeople } from '../../fixtures/sent-page';

const URL = 'https://www.linkedin.com/mynetwork/invitation-manager/sent/';
const NOW = new Date('2026-11-20T10:00:00Z');
const DAY = 86_400_000;

function readingOf(html: string) {
  document.body.innerHTML = html;
  return toReading(parseSentPage(document, NOW), URL, NOW.getTime(), NOW.getTime());
}

describe('which readings may later mark invitations gone', () => {
  it('an empty list with only "no invitations" words is not complete: they may belong to the page being left', () => {
    const reading = readingOf('<main><h2>No pending invitations received.</h2></main>');
    // Either nothing is sent, or what is sent can mark nobody gone.
    expect(reading?.complete ?? false).toBe(false);
  });

  it('an empty Sent list that says so without a count is recorded but not complete', () => {
    const reading = readingOf('<main><h2>No sent invitations</h2><p>Invitations you send appear here.</p></main>');
    expect(reading).not.toBeNull();
    expect(reading?.invitations).toEqual([]);
    expect(reading?.complete).toBe(false);
    expect(reading?.failed).toBe(false);
  });

  it('an empty list is complete when LinkedIn counts zero', () => {
    const reading = readingOf('<main><a href="/mynetwork/invitation-manager/sent/CONNECTION/">People (0)</a></main>');
    expect(reading?.total).toBe(0);
    expect(reading?.complete).toBe(true);
  });

  it('a list that read as many people as its total is complete; fewer is partial', () => {
    const people = samplePeople(12, 4);
    expect(readingOf(renderSentBody({ people, total: 12 }))?.complete).toBe(true);
    expect(readingOf(renderSentBody({ people, total: 30 }))?.complete).toBe(false);
  });
});

describe('pages that are not the Sent list, or too much to read', () => {
  it('the Received list (names, "People (2)", no Sent labels) is no reading at all', () => {
    document.documentElement.lang = 'en';
    expect(readingOf(renderReceivedBody(samplePeople(2, 5)))).toBeNull();
    // In a language Lapse does not know, it cannot tell: a failed reading, which changes nothing.
    document.documentElement.lang = 'ja';
    expect(readingOf(renderReceivedBody(samplePeople(2, 5)))).toMatchObject({ failed: true, complete: false });
    document.documentElement.removeAttribute('lang');
  });

  it('a page of 20,001 invitations is a failed reading with a reason, which the worker accepts', () => {
    const parsed = parseSentPage(document, NOW);
    const one = (i: number) => ({
      profileUrl: `https://www.linkedin.com/in/someone-${i}/`,
      name: `Someone ${i}`,
      headline: null,
      sentLabel: 'Sent 2 weeks ago',
      sent: { earliest: NOW.getTime() - 20 * DAY, latest: NOW.getTime() - 10 * DAY },
      inviteMessage: null,
    });
    const huge = {
      ...parsed,
      invitations: Array.from({ length: 20_001 }, (_, i) => one(i)),
      total: 20_001,
      layout: 'list' as const,
      language: 'en' as const,
    };
    const reading = toReading(huge, URL, NOW.getTime(), NOW.getTime());
    expect(reading).toMatchObject({ failed: true, complete: false, total: 20_001 });
    expect(reading?.failure).toEqual({ code: 'too-many', read: 20_001, max: MAX_READ_INVITATIONS });
    expect(z.safeParse(ContentMessage, { type: 'reading', reading }).success).toBe(true);
  });
});

describe('a list with no count (hand-written)', () => {
  const card = (slug: string, name: string) =>
    `<div role="listitem"><p><a href="/in/${slug}/">${name}</a></p><p>Engineer</p><p>Sent 2 weeks ago</p></div>`;
  const unreadable =
    '<div role="listitem"><p>Sent 1 week ago</p><a href="/feed/" aria-label="Withdraw invitation sent to someone">Withdraw</a></div>';

  it('is not complete while a card in it could not be read, even with nothing more to load', () => {
    const reading = readingOf(
      `<main><div data-testid="lazy-column">${card('ada-1', 'Ada')}${card('grace-2', 'Grace')}${unreadable}</div></main>`,
    );
    expect(reading).toMatchObject({ failed: false, unreadable: 1, complete: false });
    expect(reading?.invitations).toHaveLength(2);
  });

  it('is complete once every card is read and nothing more can be loaded', () => {
    const reading = readingOf(`<main><div data-testid="lazy-column">${card('ada-1', 'Ada')}</div></main>`);
    expect(reading).toMatchObject({ failed: false, unreadable: 0, complete: true });
  });

  it('the Received tab’s "No pending invitations received" says nothing about the Sent list', () => {
    expect(readingOf('<main><h2>No pending invitations received</h2></main>')).toBeNull();
  });
});
