import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { defaultSettings, Settings, SuggestionKind } from '../../../src/model/settings';
import { parseOrThrow } from '../../../src/model/validate';
import { englishTemplate } from '../../support/templates';

// The store module talks to browser.storage; only its pure normaliseSettings is under test.
vi.mock('webextension-polyfill', () => ({ default: {} }));
const { normaliseSettings } = await import('../../../src/shared/settings-store');

const DEFAULTS = {
  expiryWindow: 'six-months',
  customWindowDays: 120,
  learnedFloorDays: 90,
  badgeWeeks: 3,
  warningDays: 14,
  followUpDays: 21,
  followUpWaitDays: 7,
  weeklyLimit: 100,
  pendingCap: 1250,
  reminders: 'off',
  templates: {},
};

describe('settings defaults', () => {
  it('six calendar months, badge at 3 weeks, warning 14 days, follow-up at 21 days, reminders off, default templates', () => {
    expect(defaultSettings()).toEqual(DEFAULTS);
  });

  it('fills in whatever is missing', () => {
    expect(Settings.parse({ badgeWeeks: 5 })).toEqual({ ...DEFAULTS, badgeWeeks: 5 });
  });

  it('has a default message for every suggestion but those that advise waiting, greeting by first name', () => {
    const silent = ['none', 'awaiting-reply', 'let-it-run'];
    for (const kind of SuggestionKind.options) {
      if (silent.includes(kind)) expect(englishTemplate(kind)).toBe('');
      else expect(englishTemplate(kind)).toContain('{firstName}');
    }
  });
});

describe('settings validation', () => {
  it.each([
    ['badgeWeeks', 1, true],
    ['badgeWeeks', 26, true],
    ['badgeWeeks', 0, false],
    ['badgeWeeks', 27, false],
    ['badgeWeeks', 2.5, false],
    ['badgeWeeks', '3', false],
    ['customWindowDays', 1, true],
    ['customWindowDays', 730, true],
    ['customWindowDays', 0, false],
    ['customWindowDays', 731, false],
    ['warningDays', 0, false],
    ['followUpDays', 366, false],
    ['followUpWaitDays', 1, true],
    ['followUpWaitDays', 60, true],
    ['followUpWaitDays', 0, false],
    ['followUpWaitDays', 61, false],
    ['followUpWaitDays', 7.5, false],
    ['expiryWindow', '90-days', true],
    ['expiryWindow', 'custom', true],
    ['expiryWindow', 'forever', false],
    ['weeklyLimit', 1, true],
    ['weeklyLimit', 1000, true],
    ['weeklyLimit', 0, false],
    ['weeklyLimit', 1001, false],
    ['pendingCap', 5000, true],
    ['pendingCap', 0, false],
    ['pendingCap', 5001, false],
  ] as const)('%s = %j is %s', (field, value, valid) => {
    const parse = () => parseOrThrow(Settings, { [field]: value }, 'settings');
    if (valid) expect(parse()[field]).toBe(value);
    else expect(parse).toThrow(new RegExp(`^Invalid settings: ${field}: `));
  });

  it('says what range is allowed', () => {
    expect(() => parseOrThrow(Settings, { badgeWeeks: 27 }, 'settings')).toThrow(
      'badgeWeeks: must be a whole number from 1 to 26',
    );
    expect(() => parseOrThrow(Settings, { customWindowDays: 0 }, 'settings')).toThrow(
      'customWindowDays: must be a whole number from 1 to 730',
    );
  });

  it('rejects a template that is not text, or for a suggestion that does not exist', () => {
    expect(() => parseOrThrow(Settings, { templates: { thank: 5 } }, 'settings')).toThrow(/templates/);
    expect(() => parseOrThrow(Settings, { templates: { shout: 'HEY' } }, 'settings')).toThrow(/templates/);
  });
});

describe('normaliseSettings: what is stored is never trusted, and never all thrown away', () => {
  it.each([
    ['nothing stored', undefined],
    ['null', null],
    ['a string', 'six-months'],
    ['a number', 42],
    ['an array', [1, 2]],
    ['an empty object', {}],
  ])('%s gives the defaults', (_, stored) => {
    expect(normaliseSettings(stored)).toEqual(DEFAULTS);
  });

  it('keeps valid settings as they are', () => {
    const stored = { ...DEFAULTS, expiryWindow: 'custom', customWindowDays: 200, templates: { thank: 'Cheers!' } };
    expect(normaliseSettings(stored)).toEqual(stored);
  });

  it('resets only the broken fields and keeps the rest', () => {
    expect(normaliseSettings({ badgeWeeks: 99, warningDays: 30, expiryWindow: '90-days' })).toEqual({
      ...DEFAULTS,
      warningDays: 30,
      expiryWindow: '90-days',
    });
    expect(normaliseSettings({ customWindowDays: '90', followUpDays: 10 })).toEqual({ ...DEFAULTS, followUpDays: 10 });
  });

  it('drops fields it does not know', () => {
    expect(normaliseSettings({ badgeWeeks: 4, legacyTheme: 'dark' })).toEqual({ ...DEFAULTS, badgeWeeks: 4 });
  });

  it("keeps each of the user's templates that is still valid when another one is broken or retired", () => {
    const stored = {
      badgeWeeks: 5,
      templates: { engage: 'Hi {firstName}, loved your talk.', 'act-now': 42, 'old-kind-from-v0': 'bye' },
    };
    expect(normaliseSettings(stored)).toEqual({
      ...DEFAULTS,
      badgeWeeks: 5,
      templates: { engage: 'Hi {firstName}, loved your talk.' },
    });
  });

  it('property: whatever is stored, the result is valid settings and keeps every field that was valid on its own', () => {
    const field = fc.record(
      {
        expiryWindow: fc.oneof(fc.constantFrom('six-months', '90-days', 'custom'), fc.anything()),
        customWindowDays: fc.oneof(fc.integer({ min: -5, max: 800 }), fc.anything()),
        badgeWeeks: fc.oneof(fc.integer({ min: -1, max: 30 }), fc.double()),
        warningDays: fc.integer({ min: 0, max: 130 }),
        followUpDays: fc.anything(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(field, (stored) => {
        const result = normaliseSettings(stored);
        expect(Settings.safeParse(result).success).toBe(true);
        for (const [key, value] of Object.entries(stored)) {
          const alone = Settings.safeParse({ [key]: value });
          if (alone.success && value !== undefined) expect(result[key as keyof Settings]).toEqual(value);
        }
      }),
    );
  });
});
