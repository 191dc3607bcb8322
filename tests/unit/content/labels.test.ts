import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseSentLabel } from '../../../src/content/parse';
import { LANGUAGES, PHRASES } from '../../../src/content/phrases';
import { knownLanguage, parseCount, recognisePeopleCount } from '../../../src/content/words';

const OBSERVED = new Date('2026-03-15T12:00:00Z');
const DAY = 86_400_000;
const ageDays = (at: number) => (OBSERVED.getTime() - at) / DAY;

describe('parseSentLabel reads the real labels', () => {
  // [label, language, expected age range in days that the interval must include]
  const cases: [string, string | null, number][] = [
    ['Sent 3 days ago', 'en', 3],
    ['Sent\u00a03\u00a0days\u00a0ago', 'en', 3],
    ['Sent a month ago', 'en', 40],
    ['Sent 1 month ago', 'en', 30],
    ['Sent an hour ago', 'en', 1 / 24],
    ['Sent 15 minutes ago', 'en', 15 / 1440],
    ['Sent 2 weeks ago', 'en', 14],
    ['Sent 1 year ago', 'en', 400],
    ['Sent today', 'en', 0.2],
    ['Sent yesterday', 'en', 1],
    ['1 month ago', 'en', 45], // era B labels lacked "Sent"
    ['Enviado há 2 semanas', 'pt', 14],
    ['Enviado há 3 dias', 'pt', 3],
    ['Enviado há 1 mês', 'pt', 30],
    ['Enviado ontem', 'pt', 1],
    ['Envoyé il y a 1 mois', 'fr', 30],
    ['Envoyée il y a 3\u00a0jours', 'fr', 3],
    ['Envoyée aujourd’hui', 'fr', 0.1],
    ['Gesendet vor 3 Tagen', 'de', 3],
    ['Gesendet vor einem Monat', 'de', 35],
    ['Enviada hace 2 semanas', 'es', 14],
    ['Enviada ayer', 'es', 1],
    ['Inviato 3 giorni fa', 'it', 3],
    ['Inviato un’ora fa', 'it', 1 / 24],
    ['Verzonden 2 weken geleden', 'nl', 14],
    ['Verzonden gisteren', 'nl', 1],
    ['Sent 3 days ago', null, 3], // language detected from the words
    ['Gesendet vor 2 Wochen', null, 14],
  ];
  test.each(cases)('%s (%s)', (label, language, days) => {
    const interval = parseSentLabel(label, language, OBSERVED);
    expect(interval).not.toBeNull();
    expect(ageDays(interval!.latest)).toBeLessThanOrEqual(days);
    expect(ageDays(interval!.earliest)).toBeGreaterThanOrEqual(days);
  });

  test('units are told apart: 3 days is younger than 3 weeks, 3 months and 3 years', () => {
    const oldest = (l: string) => ageDays(parseSentLabel(l, 'en', OBSERVED)!.earliest);
    expect(oldest('Sent 3 days ago')).toBeLessThan(5);
    expect(oldest('Sent 3 weeks ago')).toBeLessThan(30);
    expect(oldest('Sent 3 weeks ago')).toBeGreaterThan(20);
    expect(oldest('Sent 3 months ago')).toBeGreaterThan(110);
    expect(oldest('Sent 3 years ago')).toBeGreaterThan(1400);
  });
});

test('every form Intl writes for a table language is read, in capitals and with no-break spaces too', () => {
  for (const code of LANGUAGES) {
    const { sent } = PHRASES[code];
    for (const style of ['long', 'short'] as const) {
      const rtf = new Intl.RelativeTimeFormat(code, { style, numeric: 'always' });
      for (const unit of ['minute', 'hour', 'day', 'week', 'month', 'year'] as const) {
        for (const n of [1, 2, 3, 5, 11, 21, 100]) {
          for (const label of [`${sent[0]} ${rtf.format(-n, unit)}`, `${rtf.format(-n, unit)} ${sent[0]}`]) {
            for (const text of [label, label.toUpperCase(), label.replace(/ /g, '\u00a0')]) {
              expect(parseSentLabel(text, code, OBSERVED), `${code}: ${text}`).not.toBeNull();
            }
          }
        }
      }
    }
  }
});

describe('parseSentLabel refuses what it does not know', () => {
  test.each([
    ['Sent 3 days ago', 'ja'], // a language without a table: never a guess
    ['3日前に送信', 'ja'],
    ['3日前に送信', null],
    ['Hi! Sent you this after your talk 3 days ago', 'en'], // a note is not a label
    ['Sent 3 days ago', 'fr'], // English words under the French table
    ['Product Manager', 'en'],
    ['', 'en'],
  ])('%s (%s) → null', (label, language) => {
    expect(parseSentLabel(label, language, OBSERVED)).toBeNull();
  });
});

describe('"People (N)" counts in each language’s digits', () => {
  test.each([
    ['People (1,100)', 'en', 1100],
    ['People\u00a0(309)', 'en', 309],
    ['Personnes (1\u202f234)', 'fr', 1234],
    ['Personnes (1\u00a0234)', 'fr', 1234],
    ['Pessoas (1.234)', 'pt', 1234],
    ['Personas (1234)', 'es', 1234],
    ['Personen (1.234)', 'de', 1234],
    ['Persone (12)', 'it', 12],
    ['Personen (2.001)', 'nl', 2001],
  ] as const)('%s', (text, language, total) => {
    expect(recognisePeopleCount(text, language)).toBe(total);
  });
  test('malformed or foreign counts are refused', () => {
    expect(recognisePeopleCount('People (1,23)', 'en')).toBeNull();
    expect(recognisePeopleCount('Pages (12)', 'en')).toBeNull();
    expect(recognisePeopleCount('People (12)', 'fr')).toBeNull();
    expect(parseCount('12a', 'en')).toBeNull();
  });
  test('language tags are reduced to their base', () => {
    expect(knownLanguage('pt-BR')).toBe('pt');
    expect(knownLanguage('en_US')).toBe('en');
    expect(knownLanguage('ja')).toBeNull();
    expect(knownLanguage('')).toBeNull();
  });
});

/** English labels as LinkedIn-style formatters write them: the largest whole unit, its count floored or rounded. */
const UNITS = [
  ['minute', 60_000],
  ['hour', 3_600_000],
  ['day', DAY],
  ['week', 7 * DAY],
  ['month', 30.44 * DAY],
  ['year', 365.25 * DAY],
] as const;
function englishLabel(ageMs: number, rounding: 'floor' | 'round'): string {
  if (ageMs < 60_000) return 'Sent 1 minute ago';
  let unit: (typeof UNITS)[number] = UNITS[0];
  for (const u of UNITS) if (ageMs >= u[1]) unit = u;
  const n = Math.max(1, rounding === 'floor' ? Math.floor(ageMs / unit[1]) : Math.round(ageMs / unit[1]));
  return n === 1 ? `Sent ${unit[0] === 'hour' ? 'an' : 'a'} ${unit[0]} ago` : `Sent ${n} ${unit[0]}s ago`;
}

test('a label written from a known send time reads back to an interval containing it', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 60_000, max: 3 * 365 * DAY }),
      fc.constantFrom('floor' as const, 'round' as const),
      (ageMs, rounding) => {
        const label = englishLabel(ageMs, rounding);
        const sentAt = OBSERVED.getTime() - ageMs;
        const interval = parseSentLabel(label, 'en', OBSERVED);
        expect(interval, label).not.toBeNull();
        expect(interval!.earliest, label).toBeLessThanOrEqual(sentAt);
        expect(interval!.latest, label).toBeGreaterThanOrEqual(sentAt);
      },
    ),
    { numRuns: 500 },
  );
});
