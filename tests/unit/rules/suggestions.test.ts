import { addDays, addMonths, subDays } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SuggestionKind } from '../../../src/model/settings';
import { describeAge } from '../../../src/rules/age';
import { assess } from '../../../src/rules/assess';
import type { ExpiryStatus } from '../../../src/rules/expiry';
import { fillTemplate, suggest, suggestionKind, templateFor } from '../../../src/rules/suggestions';
import { suggestedMessage } from '../../../src/shared/templates';
import { englishTemplate } from '../../support/templates';
import { at, between, record, settings } from './support';

const DAY = 86_400_000;
/** Local 10:00 on a date (months 1-based), in whichever zone the project runs. */
const local = (year: number, month: number, day: number, hour = 10) => new Date(year, month - 1, day, hour).getTime();
const NOW = local(2026, 3, 1);

describe('one next step per situation', () => {
  it.each([
    ['fresh', 'give-it-time'],
    ['waiting', 'engage'],
    ['follow-up', 'follow-up'],
    ['nearing', 'act-now'],
    ['maybe-expired', 'resend'],
    ['expired', 'resend'],
    ['unknown', 'engage'],
  ] as [ExpiryStatus, SuggestionKind][])('a pending invitation that is %s: %s', (expiry, kind) => {
    expect(suggestionKind(record(), expiry, NOW, settings())).toBe(kind);
    expect(suggest(record(), expiry, NOW, settings()).kind).toBe(kind);
  });

  it.each([
    ['gone', 'check-status'],
    ['accepted', 'thank'],
    ['withdrawn', 'reinvite-later'],
  ] as const)('an invitation that is %s: %s, whatever its age', (status, kind) => {
    for (const expiry of ['fresh', 'expired', null] as const) {
      expect(suggestionKind(record({ status }), expiry, NOW, settings())).toBe(kind);
    }
  });

  it('withdrawn: re-inviting is possible three weeks after the withdrawal, same time of day', () => {
    // 1 → 22 March crosses the change to summer time in America/Los_Angeles.
    const withdrawn = record({ status: 'withdrawn', statusChangedAt: local(2026, 3, 1) });
    expect(suggest(withdrawn, null, local(2026, 3, 5), settings()).reinviteFrom).toBe(local(2026, 3, 22));
  });

  it('act now: states the date re-inviting would be possible if withdrawn now', () => {
    expect(suggest(record(), 'nearing', local(2026, 3, 30, 15), settings())).toMatchObject({
      kind: 'act-now',
      reinviteFrom: local(2026, 4, 20, 15),
    });
  });

  it.each(['fresh', 'waiting', 'follow-up', 'expired'] as const)('%s: no re-invite date to show', (expiry) => {
    expect(suggest(record(), expiry, NOW, settings()).reinviteFrom).toBeNull();
  });
});

describe('assess: one place for everything shown about an invitation', () => {
  it('a pending invitation that may have expired five days ago: pessimistic days left, resend', () => {
    // Sent within 15 days: the earliest possible expiry was 5 days ago, the latest is in 10 days.
    const sent = between(addMonths(subDays(NOW, 5), -6), addMonths(addDays(NOW, 10), -6));
    const result = assess(record({ sent }), settings(), NOW);
    // Not listed since: it may have lapsed, so it is no longer counted as pending by the badge.
    expect(result).toMatchObject({ expiry: 'maybe-expired', standing: 'lapsed', daysLeft: -5, olderThanBadge: false });
    expect(result.suggestion.kind).toBe('resend');
  });

  it('an accepted invitation has no expiry, no days left and is not counted', () => {
    const result = assess(record({ sent: at(NOW - 200 * DAY), status: 'accepted' }), settings(), NOW);
    expect(result).toMatchObject({ expiry: null, daysLeft: null, olderThanBadge: false });
    expect(result.suggestion.kind).toBe('thank');
  });

  it('without a send time: unknown, and no age', () => {
    expect(assess(record({ sent: null }), settings(), NOW)).toMatchObject({ expiry: 'unknown', age: null });
  });
});

describe('fillTemplate', () => {
  const person = { name: 'Jane Doe', headline: 'Product designer at Acme' };

  it.each([
    ['{firstName}', person, 'Jane'],
    ['{name}', person, 'Jane Doe'],
    ['{headline}', person, 'Product designer at Acme'],
    ['Hi {firstName} ({name}), {headline}.', person, 'Hi Jane (Jane Doe), Product designer at Acme.'],
    ['{firstName} {firstName}', person, 'Jane Jane'],
    ['Unknown {placeholder} stays as written', person, 'Unknown {placeholder} stays as written'],
    ['  spaces  ', { name: '  Jane   Doe ', headline: null }, '  spaces  '],
    ['{firstName}', { name: '  Jane\u00a0Doe ', headline: null }, 'Jane'],
    ['{firstName}', { name: 'Jean-Luc Picard', headline: null }, 'Jean-Luc'],
    ['{firstName}', { name: "Seán O'Brien", headline: null }, 'Seán'],
    ['{firstName}', { name: 'Madonna', headline: null }, 'Madonna'],
  ])('%j', (template, who, expected) => {
    expect(fillTemplate(template, who)).toBe(expected);
  });

  it.each([
    ['an emoji before the name', '🚀 Jane Doe', 'Jane'],
    ['an emoji glued to the name', 'Jane🌍 Doe', 'Jane'],
    ['an emoji flag and a comma', '🇫🇷 Jane, PhD', 'Jane'],
    ['a name that is only emoji', '🦄', '🦄'],
    ['a name of several words, none with a letter: used whole, as written', '🦄 🌈', '🦄 🌈'],
  ])('greets by first name with %s', (_, name, firstName) => {
    expect(fillTemplate('Hi {firstName}!', { name, headline: null })).toBe(`Hi ${firstName}!`);
  });

  it('text from LinkedIn is inserted as written, never read as a placeholder or a replacement pattern', () => {
    expect(fillTemplate('{name}: {headline}', { name: 'Jane {headline} $& $1', headline: '{firstName} $`' })).toBe(
      'Jane {headline} $& $1: {firstName} $`',
    );
  });

  it('without a headline, drops the sentence about it rather than leave "your work as ,"', () => {
    for (const kind of ['follow-up', 'resend'] as const) {
      const message = fillTemplate(englishTemplate(kind), { name: 'Jane Doe', headline: null });
      expect(message).toMatch(/^Hi Jane, /);
      expect(message).not.toMatch(/work as|\s[,.]|\s{2}/);
      expect(message).toMatch(/[.!?]$/);
    }
    expect(fillTemplate('Hi {firstName}. Loved {headline}! Bye.', { name: 'Jane', headline: '  ' })).toBe(
      'Hi Jane. Bye.',
    );
  });

  it('a template that is only about the headline is left with the blank filled in', () => {
    expect(fillTemplate('Your work as {headline}', { name: 'Jane', headline: null })).toBe('Your work as ');
  });

  it('property: never throws, and never leaves a recognised placeholder behind', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), fc.option(fc.string(), { nil: null }), (t, name, h) => {
        const filled = fillTemplate(`${t}{firstName}{name}{headline}`, { name, headline: h });
        expect(filled.endsWith('{firstName}{name}{headline}')).toBe(false);
      }),
    );
  });
});

describe('templates from settings', () => {
  it('a template the user wrote replaces the default, for that kind only', () => {
    const mine = settings({ templates: { thank: 'Cheers {firstName}!' } });
    expect(templateFor('thank', mine, englishTemplate)).toBe('Cheers {firstName}!');
    expect(templateFor('engage', mine, englishTemplate)).toBe(englishTemplate('engage'));
    expect(suggestedMessage(record(), 'thank', mine, () => 'Default {firstName}')).toBe('Cheers Jane!');
  });

  it('the default message, from the catalogue given, is filled in for the person', () => {
    expect(suggestedMessage(record(), 'thank', settings(), (key) => `${key}: {firstName}`)).toBe(
      'template_thank: Jane',
    );
    expect(suggestedMessage(record(), 'none', settings(), (key) => key)).toBe('');
    expect(fillTemplate(englishTemplate('thank'), record())).toBe(
      'Hi Jane, thanks for connecting! Glad to be in touch.',
    );
  });
});

describe('describeAge', () => {
  it.each([
    ['exactly three weeks', at(NOW - 21 * DAY), { unit: 'week', min: 3, max: 3 }],
    ['three to four weeks', between(NOW - 29 * DAY, NOW - 21 * DAY), { unit: 'week', min: 3, max: 4 }],
    [
      '"3 weeks ago" as read (17.5–28 days): 2–3 weeks',
      between(NOW - 28 * DAY + 1, NOW - 17.5 * DAY),
      { unit: 'week', min: 2, max: 3 },
    ],
    ['five days', at(NOW - 5 * DAY), { unit: 'day', min: 5, max: 5, minDays: 5, maxDays: 5 }],
    ['under a day', at(NOW - 3_600_000), { unit: 'day', min: 0, max: 0 }],
    ['13 days is still days', at(NOW - 13 * DAY), { unit: 'day', min: 13, max: 13 }],
    ['14 days reads as 2 weeks', at(NOW - 14 * DAY), { unit: 'week', min: 2, max: 2 }],
    ['62 days is still weeks', at(subDays(NOW, 62).getTime()), { unit: 'week', min: 8, max: 8 }],
    // Nine weeks is past two months (~61 days): from there the age reads in months.
    ['63 days reads as 2 months', at(subDays(NOW, 63).getTime()), { unit: 'month', min: 2, max: 2 }],
    ['two to three months', between(NOW - 95 * DAY, NOW - 62 * DAY), { unit: 'month', min: 2, max: 3 }],
    // An age never reads younger as it grows: "23 months" is followed by "2 years", not "1 year".
    ['730 days is still 23 months', at(subDays(NOW, 730).getTime()), { unit: 'month', min: 23, max: 23 }],
    ['731 days reads as 2 years', at(subDays(NOW, 731).getTime()), { unit: 'year', min: 2, max: 2 }],
    ['over two years', at(NOW - 800 * DAY), { unit: 'year', min: 2, max: 2 }],
    ['a send time in the future (clock skew) reads as 0 days', at(NOW + DAY), { unit: 'day', min: 0, max: 0 }],
  ] as const)('%s', (_, sent, expected) => {
    expect(describeAge(sent, NOW)).toMatchObject(expected);
  });

  it('counts calendar days: a week before at the same time of day is 7 days, DST or not', () => {
    // 1 → 8 March crosses nothing; 5 → 12 March crosses the US change (8 March 2026).
    expect(describeAge(at(local(2026, 3, 5)), local(2026, 3, 12)).minDays).toBe(7);
    expect(describeAge(at(local(2026, 3, 30)), local(2026, 4, 6)).minDays).toBe(7);
  });

  it('property: min ≤ max, in the unit of the oldest possible age', () => {
    const instant = fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2035, 0, 1) });
    fc.assert(
      fc.property(instant, fc.nat(400 * DAY), fc.nat(900 * DAY), (earliest, width, age) => {
        const sent = between(earliest, earliest + width);
        const d = describeAge(sent, sent.latest + age);
        expect(d.min).toBeLessThanOrEqual(d.max);
        expect(d.minDays).toBeLessThanOrEqual(d.maxDays);
        expect(d.minDays).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
