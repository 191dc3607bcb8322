// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseSentLabel, parseSentPage } from '../../../src/content/parse';
import { readLoadMore } from '../../../src/content/sent/list-state';
import { expectedProfileUrl, type FixturePerson, renderSentPage, samplePeople } from '../../fixtures/sent-page';

const OBSERVED = new Date('2026-03-15T12:00:00Z');
const DAY = 86_400_000;

function load(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}
const fixture = (name: string) => load(readFileSync(resolve('tests/fixtures', name), 'utf8'));

describe('era D page (hand-written, English)', () => {
  const page = parseSentPage(fixture('sent-current-en.html'), OBSERVED);
  const byName = (name: string) => page.invitations.find((i) => i.name === name);

  test('reads each person once, with canonical profile URLs, and nobody from the sidebar or header', () => {
    expect(page.invitations.map((i) => i.profileUrl)).toEqual([
      'https://www.linkedin.com/in/zoë-nguyễn-8a7b6c/',
      'https://www.linkedin.com/in/xss-tester-42/',
      'https://www.linkedin.com/in/Jean-François-O’Brien/',
      'https://www.linkedin.com/in/priya-sharma-0b1c2d/',
    ]);
  });

  test('names come without "’s profile picture", "View … profile" or HTML interpreted', () => {
    expect(page.invitations.map((i) => i.name)).toEqual([
      'Zoë Nguyễn 🚀',
      '<img src=x onerror=alert(1)>',
      'Jean-François O’Brien',
      'Priya Sharma, PhD',
    ]);
  });

  test('headlines as written (a formula stays text), missing ones null', () => {
    expect(byName('Zoë Nguyễn 🚀')?.headline).toBe('Product Manager | B2B SaaS | Ex-Google');
    expect(byName('<img src=x onerror=alert(1)>')?.headline).toBe('=HYPERLINK("http://evil.example","click me")');
    expect(byName('Jean-François O’Brien')?.headline).toBeNull();
    expect(byName('Priya Sharma, PhD')?.headline).toBe('Head of Sales, EMEA');
  });

  test('the label is the one that is wholly a label, never the note that mentions "Sent … ago"', () => {
    const zoe = byName('Zoë Nguyễn 🚀')!;
    expect(zoe.sentLabel).toBe('Sent 3 days ago');
    expect(zoe.inviteMessage).toBe('Hi Zoë! Sent you this after your talk 3 days ago — would love to');
    const priya = byName('Priya Sharma, PhD')!;
    expect(priya.sentLabel).toBe('Sent 1 year ago'); // the <time>, not the note's "Sent 2 weeks ago"
    expect(priya.inviteMessage).toBe('Sent 2 weeks ago — just kidding, it was a year ago.');
    expect((OBSERVED.getTime() - priya.sent!.latest) / DAY).toBeGreaterThan(300);
  });

  test('sent intervals match the labels', () => {
    const zoe = byName('Zoë Nguyễn 🚀')!.sent!;
    expect((OBSERVED.getTime() - zoe.latest) / DAY).toBeLessThanOrEqual(3);
    expect((OBSERVED.getTime() - zoe.earliest) / DAY).toBeGreaterThanOrEqual(3);
    const jf = byName('Jean-François O’Brien')!.sent!;
    expect(OBSERVED.getTime() - jf.earliest).toBeLessThan(DAY / 24);
  });

  test('the Page and the e-mail invitation are skipped; the skeleton is not counted', () => {
    expect(page.skipped).toBe(2);
    expect(page.unreadable).toBe(0);
  });

  test('total, language, and the Load more control', () => {
    expect(page.total).toBe(1100);
    expect(page.language).toBe('en');
    expect(page.hasMore).toBe(true);
    expect(page.layout).toBe('list');
  });

  test('the note’s "…more" button is not mistaken for Load more', () => {
    const doc = fixture('sent-current-en.html');
    expect(readLoadMore(doc)?.element.textContent).toBe('Load more');
    doc.querySelector('._7e8f9a0b button')?.remove();
    expect(readLoadMore(doc)).toBeNull();
  });
});

describe('era B page (hand-written)', () => {
  const page = parseSentPage(fixture('sent-classic-en.html'), OBSERVED);
  test('reads names, headlines, labels with and without "Sent", and the custom message', () => {
    expect(page.invitations.map((i) => [i.name, i.headline, i.sentLabel])).toEqual([
      ['Bjørn Larsen', 'Senior Software Engineer at Acme', 'Sent 2 weeks ago'],
      ['Inès Dubois', 'Directrice marketing', '1 month ago'],
      ['Chidi Okafor', null, 'Sent yesterday'],
    ]);
    expect(page.invitations[0]?.inviteMessage).toBe('Sent from the conference app — we met 2 weeks ago at the booth.');
    expect(page.invitations[2]?.profileUrl).toBe('https://www.linkedin.com/in/chidi-okafor-🌍/');
    expect(page.total).toBe(3);
    expect(page.hasMore).toBe(false);
  });
});

describe('a page LinkedIn redesigned', () => {
  test('shows a total but no recognisable list: nothing read, layout null', () => {
    const page = parseSentPage(fixture('sent-broken.html'), OBSERVED);
    expect(page.invitations).toEqual([]);
    expect(page.layout).toBeNull();
    expect(page.total).toBe(42);
  });
});

describe('generated pages in every language and both layouts', () => {
  const people: FixturePerson[] = [
    ...samplePeople(25, 7),
    {
      kind: 'event',
      slug: '7012345678',
      name: 'TS Meetup',
      headline: 'Event',
      age: { kind: 'ago', count: 2, unit: 'day' },
    },
    {
      kind: 'newsletter',
      slug: 'weekly-ts',
      name: 'Weekly TS',
      headline: null,
      age: { kind: 'ago', count: 3, unit: 'day' },
    },
    { kind: 'email', slug: 'x@example.org', name: 'x@example.org', headline: null, age: { kind: 'today' } },
  ];
  const persons = people.filter((p) => !p.kind);
  for (const layout of ['current', 'classic'] as const) {
    for (const lang of ['en', 'fr', 'pt', 'es', 'de', 'it', 'nl'] as const) {
      test(`${layout} / ${lang}`, () => {
        const page = parseSentPage(load(renderSentPage({ people, layout, lang, total: 1234 })), OBSERVED);
        expect(page.language).toBe(lang);
        expect(page.total).toBe(1234);
        expect(page.skipped).toBe(3);
        expect(page.unreadable).toBe(0);
        expect(page.invitations.map((i) => i.profileUrl)).toEqual(persons.map(expectedProfileUrl));
        expect(page.invitations.map((i) => i.name)).toEqual(persons.map((p) => p.name));
        expect(page.invitations.map((i) => i.headline)).toEqual(persons.map((p) => p.headline));
        expect(page.invitations.map((i) => i.inviteMessage)).toEqual(persons.map((p) => p.note ?? null));
        expect(page.invitations.every((i) => i.sent !== null)).toBe(true);
      });
    }
  }

  test('an unknown UI language yields no dates and counts every item unreadable', () => {
    const html = renderSentPage({ people: persons.slice(0, 5), lang: 'en', htmlLang: 'ja' }).replace(
      /Sent(?:\u00a0|&nbsp;)/g,
      '送信済み ',
    );
    const page = parseSentPage(load(html.replace(/ago/g, '前')), OBSERVED);
    expect(page.invitations).toHaveLength(5);
    expect(page.invitations.every((i) => i.sent === null)).toBe(true);
    expect(page.unreadable).toBe(5);
    expect(page.language).toBeNull();
  });

  test('a missing lang attribute: the language is found from the labels', () => {
    const page = parseSentPage(
      load(renderSentPage({ people: persons.slice(0, 3), lang: 'de', htmlLang: '' })),
      OBSERVED,
    );
    expect(page.language).toBe('de');
    expect(page.invitations.every((i) => i.sent !== null)).toBe(true);
  });

  test('1,000 items: every one read, none merged or lost', () => {
    // Speed (well under 50 ms in Chromium) is measured by the benchmark; happy-dom is ~100× slower.
    const people = samplePeople(1000, 3);
    const page = parseSentPage(load(renderSentPage({ people })), OBSERVED);
    expect(page.invitations.map((i) => i.profileUrl)).toEqual(people.map(expectedProfileUrl));
    expect(page.unreadable).toBe(0);
  }, 60_000); // a correctness test: happy-dom on a loaded 2-core machine can take seconds
});

describe('controls (hand-written cards): never the card’s text, and their labels name the person', () => {
  const card = (body: string) => `<div role="listitem">${body}</div>`;
  const withdrawLink = (name: string, text = 'Withdraw') =>
    `<a href="https://www.linkedin.com/feed/" aria-label="Withdraw invitation sent to ${name}"><span>${text}</span></a>`;
  const page = parseSentPage(
    load(`<html lang="en"><body><main><div data-testid="lazy-column">
      ${card(`<a href="/in/ada-lovelace-1/" aria-hidden="true"><img alt=""></a><p><a href="/in/ada-lovelace-1/"></a></p>
        <p>Analyst at Engines</p><p>Sent 2 weeks ago</p>${withdrawLink('Ada Lovelace')}`)}
      ${card(`<p><a href="/in/grace-hopper-2/"> </a></p><p>Rear admiral</p><p>Sent 1 week ago</p>
        <button type="button" aria-label="Withdraw invitation sent to Grace Hopper">Withdraw</button>`)}
      ${card(`<p><a href="/in/alan-turing-3/">Alan Turing</a></p><button type="button">Remind</button>
        <p>Mathematician</p><p>Sent 3 days ago</p>${withdrawLink('Alan Turing')}`)}
      ${card(`<p><a href="/in/edsger-dijkstra-4/">Edsger Dijkstra</a></p><p>Professor</p><p>Sent 1 month ago</p>
        ${withdrawLink('Edsger Dijkstra', 'Cancel invitation')}`)}
    </div></main></body></html>`),
    OBSERVED,
  );
  const byUrl = (slug: string) => page.invitations.find((i) => i.profileUrl.endsWith(`/in/${slug}/`));

  test('a card whose link gives no name is named by its Withdraw control, a link or a button', () => {
    expect(byUrl('ada-lovelace-1')?.name).toBe('Ada Lovelace');
    expect(byUrl('grace-hopper-2')?.name).toBe('Grace Hopper');
    expect(page.unreadable).toBe(0);
  });

  test('a button’s words are never the headline, a Withdraw link’s never the note', () => {
    expect(byUrl('alan-turing-3')?.headline).toBe('Mathematician');
    expect(byUrl('edsger-dijkstra-4')).toMatchObject({ headline: 'Professor', inviteMessage: null });
  });
});

describe('a note the markup marks (era B)', () => {
  test('stays the note on a card with no headline and no label, never becoming the headline', () => {
    const page = parseSentPage(
      load(`<html lang="en"><body><ul class="mn-invitation-list"><li class="invitation-card">
        <a href="/in/bjorn-larsen-7/"><span>Bjørn Larsen</span></a>
        <div class="invitation-card__custom-message-container">
          <p class="invitation-card__custom-message">Great to meet you at the booth.</p></div>
        <button class="invitation-card__action-btn" aria-label="Withdraw invitation sent to Bjørn Larsen">Withdraw</button>
      </li></ul></body></html>`),
      OBSERVED,
    );
    expect(page.invitations).toEqual([
      expect.objectContaining({
        name: 'Bjørn Larsen',
        headline: null,
        inviteMessage: 'Great to meet you at the booth.',
      }),
    ]);
  });
});

describe('cards with the page’s ugly parts (hand-written)', () => {
  const page = parseSentPage(
    load(`<html lang="en"><body><main><div data-testid="lazy-column">
      <div role="listitem"><p><a href="/in/ada-lovelace-1/"><svg><title>Premium member</title></svg><span>Ada Lovelace</span></a></p>
        <p>Analyst at Engines</p><p>Sent 2 weeks ago</p></div>
      <div role="listitem"><p><a href="/in/grace-hopper-2/">Grace Hopper</a></p><p>Rear admiral</p>
        <p><a href="/in/howard-aiken-9/">Howard Aiken</a> is a mutual connection</p><p>Sent 1 week ago</p></div>
      <div role="listitem"><p><a href="/in/alan-turing-3/">Alan Turing</a></p><p>Mathematician</p>
        <p><span aria-hidden="true">Sent 3 days ago</span><span class="visually-hidden">Sent 3 days ago</span></p></div>
      <div role="listitem"><p><a href="/in/edsger-dijkstra-4/">Edsger Dijkstra</a></p><p>Professor</p>
        <p>Sent <b>3</b> weeks ago</p></div>
    </div></main></body></html>`),
    OBSERVED,
  );
  const byUrl = (slug: string) => page.invitations.find((i) => i.profileUrl.endsWith(`/in/${slug}/`));

  test('an icon’s title inside the name link is not the name', () => {
    expect(byUrl('ada-lovelace-1')?.name).toBe('Ada Lovelace');
  });

  test('another member linked in the card is neither the person nor hides the headline', () => {
    expect(page.invitations.map((i) => i.name)).not.toContain('Howard Aiken');
    expect(byUrl('grace-hopper-2')?.headline).toBe('Rear admiral');
  });

  test('a label repeated for screen readers is the label once, not also a note', () => {
    expect(byUrl('alan-turing-3')).toMatchObject({ sentLabel: 'Sent 3 days ago', inviteMessage: null });
  });

  test('a label split over elements ("Sent <b>3</b> weeks ago") is still read', () => {
    const edsger = byUrl('edsger-dijkstra-4');
    expect(edsger?.sentLabel).toBe('Sent 3 weeks ago');
    // The same interval as the label written whole (what the label means is tested in labels.test.ts).
    expect(edsger?.sent).toEqual(parseSentLabel('Sent 3 weeks ago', 'en', OBSERVED));
    expect(edsger?.sent).not.toBeNull();
    expect(page.unreadable).toBe(0);
  });
});

describe('the list around the cards (hand-written)', () => {
  const card = (slug: string, name: string, extra = '') =>
    `<p><a href="/in/${slug}/">${name}</a></p><p>Engineer</p>${extra}<p>Sent 2 weeks ago</p>`;

  test.each([
    ['disabled', '<button disabled>Load more</button>'],
    ['aria-disabled', '<button aria-disabled="true">Show more results</button>'],
  ])('a %s "Load more" is not offered: Scan all never clicks it', (_, button) => {
    const doc = load(`<html lang="en"><body><div data-testid="lazy-column"></div>${button}</body></html>`);
    expect(readLoadMore(doc)).toBeNull();
    expect(
      readLoadMore(load(`<html lang="en"><body>${button.replace(/ (aria-)?disabled(="true")?/, '')}</body></html>`)),
    ).not.toBeNull();
  });

  test('the count is read from a later match when the first carries none', () => {
    const page = parseSentPage(
      load(`<html lang="en"><body><nav><a href="/mynetwork/invitation-manager/sent/CONNECTION/">Sent</a></nav>
        <a href="/mynetwork/invitation-manager/sent/CONNECTION/">People (12)</a>
        <div data-testid="lazy-column"><div role="listitem">${card('ada-1', 'Ada')}</div></div></body></html>`),
      OBSERVED,
    );
    expect(page.total).toBe(12);
  });

  test('a known list whose items lost their markup: its plain <li>s are the cards', () => {
    const page = parseSentPage(
      load(`<html lang="en"><body><ul class="mn-invitation-list"><li>${card('ada-1', 'Ada')}</li>
        <li>${card('grace-2', 'Grace')}</li></ul></body></html>`),
      OBSERVED,
    );
    expect(page).toMatchObject({ layout: 'list', unreadable: 0 });
    expect(page.invitations.map((i) => i.name)).toEqual(['Ada', 'Grace']);
  });

  test('a list item nested inside a card is part of that card, not a card of its own', () => {
    // The card's actions as a list of their own, the Withdraw control in an item.
    const nested =
      '<div role="list"><div role="listitem"><a href="/feed/" aria-label="Withdraw invitation sent to Ada">Withdraw</a></div></div>';
    const page = parseSentPage(
      load(`<html lang="en"><body><div data-testid="lazy-column">
        <div role="listitem">${card('ada-1', 'Ada', nested)}</div></div></body></html>`),
      OBSERVED,
    );
    expect(page).toMatchObject({ unreadable: 0, skipped: 0 });
    expect(page.invitations).toEqual([expect.objectContaining({ name: 'Ada', headline: 'Engineer' })]);
  });
});
