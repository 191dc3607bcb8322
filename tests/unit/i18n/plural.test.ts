import { describe, expect, it } from 'vitest';
import { badgeTitle } from '../../../src/background/badge-count';
import { counted, numberText, textDirection, textLocale, type Words } from '../../../src/shared/locale';

/** A catalogue of `key → message`, `$1`… filled in the way browser.i18n does; '' for a missing key. */
function words(locale: string, messages: Record<string, string>): Words {
  return {
    locale,
    translate: (key, subs = []) => messages[key]?.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '') ?? '',
  };
}

const DAYS = { days_one: '$1 jour', days_other: '$1 jours' };

describe('plural forms through Intl.PluralRules', () => {
  it('French reads 0 and 1 as singular; English reads 0 as plural', () => {
    const fr = words('fr', DAYS);
    expect([0, 1, 2].map((n) => counted(fr, 'days', n))).toEqual(['0 jour', '1 jour', '2 jours']);
    const en = words('en', { days_one: '$1 day', days_other: '$1 days' });
    expect([0, 1, 2].map((n) => counted(en, 'days', n))).toEqual(['0 days', '1 day', '2 days']);
  });

  it('Brazilian Portuguese reads 0 as singular, European Portuguese does not', () => {
    const messages = { dias_one: '$1 dia', dias_other: '$1 dias' };
    expect(counted(words('pt-BR', messages), 'dias', 0)).toBe('0 dia');
    expect(counted(words('pt-PT', messages), 'dias', 0)).toBe('0 dias');
  });

  it('uses a category the catalogue has (Polish few/many) and falls back to other where it has none', () => {
    const pl = words('pl', { d_one: '$1 dzień', d_few: '$1 dni (few)', d_other: '$1 dni' });
    expect([1, 3, 5, 22].map((n) => counted(pl, 'd', n))).toEqual(['1 dzień', '3 dni (few)', '5 dni', '22 dni (few)']);
    // French "many" (a million) has no key of its own: the plural form is used. French groups
    // digits with a narrow no-break space.
    expect(counted(words('fr', DAYS), 'days', 1_000_000)).toBe('1\u202f000\u202f000 jours');
  });

  it('writes the count the way the language does, and passes further substitutions through', () => {
    const fr = words('fr', { older_one: '$1 invitation de plus de $2', older_other: '$1 invitations de plus de $2' });
    expect(counted(fr, 'older', 1250, ['3 semaines'])).toBe('1\u202f250 invitations de plus de 3 semaines');
    expect(numberText('de', 1250.5)).toBe('1.250,5');
  });

  it('the badge tooltip uses the same rules: 0 weeks reads singular in French', () => {
    const fr = words('fr', {
      badge_weeks_one: '$1 semaine',
      badge_weeks_other: '$1 semaines',
      badge_nothing: 'Lapse : aucune invitation en attente depuis plus de $1',
    });
    const summary = {
      weeks: 1,
      olderCount: 0,
      nearingCount: 0,
      pastWindowCount: 0,
      warningDays: 14,
      text: '',
      tone: 'normal',
    } as const;
    expect(badgeTitle(summary, fr)).toBe('Lapse : aucune invitation en attente depuis plus de 1 semaine');
  });
});

describe('the locale of the text', () => {
  it('is the UI language when the catalogue speaks it, else the catalogue’s own', () => {
    expect(textLocale('en', 'en-GB')).toBe('en-GB');
    expect(textLocale('fr', 'fr-CA')).toBe('fr-CA');
    expect(textLocale('en', 'pl')).toBe('en');
    expect(textLocale('fr', 'en-US')).toBe('fr');
    expect(textLocale('', 'de')).toBe('en');
    expect(textLocale('pt-BR', 'pt_BR')).toBe('pt-BR');
  });

  it('right to left for Arabic, Hebrew and Persian; left to right for the shipped languages', () => {
    expect(['ar', 'he-IL', 'fa'].map(textDirection)).toEqual(['rtl', 'rtl', 'rtl']);
    expect(['en', 'fr', 'pt-BR', 'de'].map(textDirection)).toEqual(['ltr', 'ltr', 'ltr', 'ltr']);
  });
});
