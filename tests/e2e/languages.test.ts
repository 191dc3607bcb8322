import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DEPTH } from '../../src/content/dom-read';
import { type FixtureLanguage, type FixturePerson, renderSentPage } from '../fixtures/sent-page';
import { artifactsOnFailure, idOf, type Lapse, launchLapse, POPUP_FILTERS, popupList } from './harness';
import { person } from './pages';
import { deepSentPage } from './spa-pages';

/**
 * Chromium started in French, then in German: every page Lapse draws speaks that language. Each
 * text a user can see or hear (text nodes, placeholders, labels, titles) is searched for the
 * literal words of the English catalogue; words the language's own catalogue also uses ("Limit"
 * in German) and brand names are not evidence of English.
 */

type Catalogue = Record<string, { message: string }>;
const catalogue = (locale: string) =>
  JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Catalogue;
const english = catalogue('en');

/** Names and file names that read the same in every language. */
const BRANDS = /\b(?:Lapse|LinkedIn|CSV|JSON|UTC|Invitations\.csv|Connections\.csv|\.zip|Ada Lovelace)\b/g;

/** Neutral names and headlines: the fixture's own English words would be user data, not Lapse's. */
const PEOPLE: FixturePerson[] = [
  person('zoe-martin', 'Zoé Martin', { kind: 'today' }, 'Acme'),
  person('lukas-vogel', 'Lukas Vogel', { kind: 'ago', count: 4, unit: 'week' }, 'Acme'),
  person('ines-duarte', 'Inês Duarte', { kind: 'ago', count: 2, unit: 'month' }, 'Acme'),
  person('marta-rossi', 'Marta Rossi', { kind: 'ago', count: 5, unit: 'month' }, 'Acme'),
  person('joost-bakker', 'Joost Bakker', { kind: 'ago', count: 7, unit: 'month' }, 'Acme'),
];
const USER_DATA = [...PEOPLE.flatMap((p) => [p.name, p.headline ?? '']), 'Acme'].filter(Boolean);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordIn = (word: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'iu');

/** The literal pieces of every English message that would give English away in `locale`. */
function englishEvidence(locale: string): RegExp[] {
  const own = Object.values(catalogue(locale)).map((e) => e.message);
  const pieces = new Set<string>();
  for (const { message } of Object.values(english)) {
    for (const piece of message.replace(BRANDS, '|').split(/\$[A-Za-z0-9_@]+\$|\{\w+\}|\|/)) {
      const trimmed = piece.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
      if (/\p{L}{3}/u.test(trimmed)) pieces.add(trimmed);
    }
  }
  return [...pieces].filter((piece) => !own.some((text) => wordIn(piece).test(text))).map(wordIn);
}

/** Every text a user meets on the page: text nodes, and the labels that stand for text. */
function textsOf(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, [hidden]')) continue;
      if (node.textContent?.trim()) texts.push(node.textContent.trim());
    }
    for (const el of document.querySelectorAll('[placeholder], [aria-label], [title], [alt]')) {
      for (const name of ['placeholder', 'aria-label', 'title', 'alt']) {
        const value = el.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    return texts;
  });
}

function englishIn(texts: readonly string[], evidence: readonly RegExp[]): string[] {
  return texts.flatMap((text) => {
    let rest = text.replace(BRANDS, ' ');
    for (const data of USER_DATA) rest = rest.replaceAll(data, ' ');
    const found = evidence.find((word) => word.test(rest));
    return found ? [`"${text}" (${found.source.replace(/\(\?<?!\[\\p\{L\}\\p\{N\}\]\)/g, '')})`] : [];
  });
}

async function expectLanguage(page: Page, tag: string): Promise<void> {
  expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
    tag,
    'ltr',
  ]);
}

describe.each<{ locale: FixtureLanguage; tag: string }>([
  { locale: 'fr', tag: 'fr' },
  { locale: 'de', tag: 'de' },
])('Chromium in $locale', ({ locale, tag }) => {
  let lapse: Lapse | undefined;
  const evidence = englishEvidence(locale);
  const own = catalogue(locale);

  beforeAll(async () => {
    lapse = await launchLapse({ uiLanguage: locale });
    // A French user's LinkedIn is in French too: the rows show LinkedIn's own labels, in its words.
    const page = await lapse.openLinkedIn(renderSentPage({ people: PEOPLE, lang: locale }));
    // expect.poll is for tests only: wait here for the content script to record everyone.
    for (let tries = 0; (await lapse.ledger()).records.length < PEOPLE.length; tries++) {
      if (tries > 100) throw new Error('The Sent page fixture was not recorded');
      await page.waitForTimeout(200);
    }
    await page.close();
    // One of each kind of row: accepted and withdrawn as well as the pending ages above.
    await lapse.send({ type: 'set-status', id: idOf(PEOPLE[1]!), status: 'accepted' });
    await lapse.send({ type: 'set-status', id: idOf(PEOPLE[2]!), status: 'withdrawn' });
  });
  afterAll(async () => {
    await lapse?.close();
  });
  artifactsOnFailure(() => lapse);

  it('the popup, in every list, has no English and says which language it is in', async () => {
    const popup = await lapse!.openPopup();
    await popup.waitForSelector('li.row');
    await expectLanguage(popup, tag);
    expect(await popup.title()).toBe(own.extName!.message);
    const texts: string[] = [];
    for (const filter of POPUP_FILTERS) {
      await popupList(popup, filter);
      texts.push(...(await textsOf(popup)));
    }
    // The page really was drawn in this language: its "Scan all" button, in its words.
    expect(texts).toContain(own.scan_all!.message);
    expect(englishIn(texts, evidence)).toEqual([]);
    await popup.close();
  });

  it('the options page has no English', async () => {
    const options = await lapse!.openOptions();
    await options.waitForSelector('#templates-title');
    await expectLanguage(options, tag);
    const texts = await textsOf(options);
    expect(texts).toContain(own.options_title!.message);
    // The default message templates are this language's too, not the English ones.
    const templates = await options
      .locator('textarea')
      .evaluateAll((areas) => areas.map((a) => (a as HTMLTextAreaElement).value));
    expect(templates).toContain(own.template_thank!.message);
    expect(englishIn([...texts, ...templates], evidence)).toEqual([]);
    await options.close();
  });

  it('says why a file of LinkedIn’s export cannot be imported in the language, naming file and row', async () => {
    const options = await lapse!.openOptions();
    const invitations = [
      'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl',
      'Zoé Martin,Lukas Vogel,5 March,,OUTGOING,https://www.linkedin.com/in/zoe,https://www.linkedin.com/in/lukas-vogel',
    ].join('\n');
    await options
      .getByRole('button', { name: own.import_choose!.message })
      .setInputFiles({ name: 'Invitations.csv', mimeType: 'text/csv', buffer: Buffer.from(invitations) });
    const alert = options.locator('p[role="alert"]');
    await expect.poll(() => alert.textContent(), { timeout: 15_000 }).toContain('5 March');
    const message = (await alert.textContent()) ?? '';
    // The row as a spreadsheet numbers it, in the language's words for "row".
    expect(message).toContain(
      own.import_problem_in_row!.message.split('$ROW$')[0]!.replace('$FILE$', 'Invitations.csv'),
    );
    expect(englishIn([message.replace('5 March', ' ')], evidence)).toEqual([]);
    await options.close();
  });

  it('Insights has no English, and writes its numbers the language’s way', async () => {
    const insights = await lapse!.context.newPage();
    await insights.goto(`chrome-extension://${lapse!.extensionId}/src/insights/index.html`);
    await insights.waitForSelector('section[aria-labelledby="acceptance-title"]');
    await expectLanguage(insights, tag);
    const texts = await textsOf(insights);
    expect(texts).toContain(own.insights_title!.message);
    expect(englishIn(texts, evidence)).toEqual([]);
    // The pending cap's hint is a number in text; the field's value as the language writes it.
    expect(texts.join('\n')).not.toMatch(/\d,\d{3}\b/);
    await insights.close();
  });

  it('the toolbar tooltip speaks the language too', async () => {
    const { title } = await lapse!.badge();
    expect(title.length).toBeGreaterThan(0);
    expect(englishIn([title], evidence)).toEqual([]);
  });

  // Last: it leaves the ledger's last reading a failed one.
  it('says why a reading failed in the language, its numbers written the language’s way', async () => {
    const page = await lapse!.openLinkedIn(deepSentPage(MAX_DEPTH + 500, locale));
    await expect.poll(async () => (await lapse!.ledger()).lastReading?.failed, { timeout: 20_000 }).toBe(true);
    await page.close();
    const popup = await lapse!.openPopup();
    const alert = popup.locator('[role="alert"]').first();
    await expect.poll(() => alert.textContent()).toContain(own.reading_failed!.message);
    expect(await alert.textContent()).toContain(new Intl.NumberFormat(tag).format(MAX_DEPTH));
    expect(englishIn(await textsOf(popup), evidence)).toEqual([]);
    await popup.close();
  });
});
