// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseSentPage } from '../../../src/content/parse';
import { LANGUAGES, type Language } from '../../../src/content/phrases';
import { readLoadMore } from '../../../src/content/sent/list-state';
import { withdrawNameFrom } from '../../../src/content/sent/withdraw-control';

/**
 * The hand-written page of each language (tests/fixtures/sent-current-<language>.html), graded
 * against expectations typed here, not worked out with Intl as the parser does. Where each
 * phrase comes from is noted in the page and in docs/linkedin-pages.md.
 */
const AT = new Date('2026-03-15T12:00:00Z');
const DAY = 86_400_000;

/** [name, label as shown, the age it says in days]. */
type Card = [string, string, number];
const EXPECTED: Record<Language, { total: number; loadMore: string; cards: Card[] }> = {
  en: {
    total: 1100,
    loadMore: 'Load more',
    cards: [
      ['Zoë Nguyễn 🚀', 'Sent 3 days ago', 3],
      ['<img src=x onerror=alert(1)>', 'Sent a month ago', 30],
      ['Jean-François O’Brien', 'Sent 15 minutes ago', 15 / 1440],
      ['Priya Sharma, PhD', 'Sent 1 year ago', 365],
    ],
  },
  fr: {
    total: 1234,
    loadMore: 'Charger plus',
    cards: [
      ['Amélie Poulain', 'Envoyé il y a 1 mois', 30],
      ['Jean Valjean', 'Envoyée il y a 3 jours', 3],
      ['Cosette Fauchelevent', 'Envoyé hier', 1],
      ['Marius Pontmercy', 'Envoyé il y a 2 semaines', 14],
    ],
  },
  pt: {
    total: 1234,
    loadMore: 'Carregar mais',
    cards: [
      ['João Silva', 'Enviado há 2 semanas', 14],
      ['Maria Souza', 'Enviado há 3 dias', 3],
      ['Ana Lima', 'Enviado ontem', 1],
      ['Rui Costa', 'Enviado há 1 mês', 30],
    ],
  },
  es: {
    total: 1234,
    loadMore: 'Cargar más',
    cards: [
      ['Lucía García', 'Enviada hace 2 semanas', 14],
      ['Pablo Ruiz', 'Enviada hace 5 días', 5],
      ['Carmen López', 'Enviada ayer', 1],
      ['Diego Martín', 'Enviada hace 1 año', 365],
    ],
  },
  de: {
    total: 1234,
    loadMore: 'Mehr laden',
    cards: [
      ['Jürgen Müller', 'Gesendet vor 3 Tagen', 3],
      ['Anna Schmidt', 'Gesendet vor einem Monat', 30],
      ['Lena Wagner', 'Gesendet gestern', 1],
      ['Max Becker', 'Gesendet vor 2 Wochen', 14],
    ],
  },
  it: {
    total: 1234,
    loadMore: 'Carica altro',
    cards: [
      ['Giulia Rossi', 'Inviato 3 giorni fa', 3],
      ['Marco Bianchi', 'Inviato un’ora fa', 1 / 24],
      ['Sofia Ricci', 'Inviato ieri', 1],
      ['Luca Ferrari', 'Inviato 2 settimane fa', 14],
    ],
  },
  nl: {
    total: 2001,
    loadMore: 'Meer laden',
    cards: [
      ['Daan de Vries', 'Verzonden 2 weken geleden', 14],
      ['Sanne Jansen', 'Verzonden 4 dagen geleden', 4],
      ['Femke Bakker', 'Verzonden gisteren', 1],
      ['Bram Visser', 'Verzonden 3 maanden geleden', 91],
    ],
  },
};

const page = (language: Language) =>
  new DOMParser().parseFromString(
    readFileSync(resolve('tests/fixtures', `sent-current-${language}.html`), 'utf8'),
    'text/html',
  );

test('every language Lapse reads has a hand-written page here', () => {
  expect(Object.keys(EXPECTED).sort()).toEqual([...LANGUAGES].sort());
});

describe.each(LANGUAGES)('%s', (language) => {
  const doc = page(language);
  const parsed = parseSentPage(doc, AT);
  const expected = EXPECTED[language];

  test('the language, the People count and every card', () => {
    expect(parsed.language).toBe(language);
    expect(parsed.total).toBe(expected.total);
    expect(parsed.unreadable).toBe(0);
    expect(parsed.invitations.map((i) => [i.name, i.sentLabel])).toEqual(expected.cards.map(([n, l]) => [n, l]));
  });

  test('each label means the ages it says', () => {
    parsed.invitations.forEach((invitation, i) => {
      const [, label, days] = expected.cards[i] as Card;
      const sentAt = AT.getTime() - days * DAY;
      expect(invitation.sent?.earliest, label).toBeLessThanOrEqual(sentAt);
      expect(invitation.sent?.latest, label).toBeGreaterThanOrEqual(sentAt);
    });
  });

  test('Load more, and each Withdraw control names its person', () => {
    expect(readLoadMore(doc)?.element.textContent?.trim()).toBe(expected.loadMore);
    const labels = [...doc.querySelectorAll('[role="listitem"] a[aria-label]')].map((a) =>
      a.getAttribute('aria-label'),
    );
    const names = labels.map(withdrawNameFrom);
    expect(names).toEqual(expect.arrayContaining(expected.cards.map(([name]) => name)));
  });
});
