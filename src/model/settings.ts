import * as z from 'zod/mini';
import { FIELD_LIMITS } from './field-limits';

/**
 * Follow-up suggestion kinds; each but `none`, `awaiting-reply` and `let-it-run` has a message
 * template the user may edit (src/shared/templates.ts).
 */
export const SuggestionKind = z.enum([
  'give-it-time',
  'engage',
  'follow-up',
  'act-now',
  'withdraw-reinvite',
  'resend',
  'check-status',
  'thank',
  'reinvite-later',
  /** A follow-up was logged: give them time to answer (no message to send). */
  'awaiting-reply',
  /** Two follow-ups sent: no third nudge; let it run its course, or withdraw and re-invite later. */
  'let-it-run',
  'none',
]);
export type SuggestionKind = z.infer<typeof SuggestionKind>;

/**
 * Six calendar months, 90 days, a custom number of days, or learned from what LinkedIn still
 * lists (never shorter than `learnedFloorDays`; see rules/window.ts).
 */
export const ExpiryWindowKind = z.enum(['six-months', '90-days', 'custom', 'learned']);
export type ExpiryWindowKind = z.infer<typeof ExpiryWindowKind>;

/** Reminders (issue 19): off, at most one notification a day, or a weekly digest. */
export const ReminderCadence = z.enum(['off', 'daily', 'weekly']);
export type ReminderCadence = z.infer<typeof ReminderCadence>;

/** The longest window a user can set; LinkedIn's own page has listed invitations over a year old. */
export const WINDOW_DAYS_MAX = 730;

/** The bounds of each numeric setting: the schema below refuses anything else, the options page words them. */
export const SETTING_LIMITS = {
  customWindowDays: { min: 1, max: WINDOW_DAYS_MAX },
  learnedFloorDays: { min: 1, max: WINDOW_DAYS_MAX },
  badgeWeeks: { min: 1, max: 26 },
  warningDays: { min: 1, max: 120 },
  followUpDays: { min: 1, max: 365 },
  followUpWaitDays: { min: 1, max: 60 },
  weeklyLimit: { min: 1, max: 1000 },
  pendingCap: { min: 1, max: 5000 },
} as const satisfies Record<string, { min: number; max: number }>;
export type NumericSetting = keyof typeof SETTING_LIMITS;

/** A whole number in a range; the message says the range, for the options page and import reports. */
const intIn = ({ min, max }: { min: number; max: number }) => {
  const error = `must be a whole number from ${min} to ${max}`;
  return z.number({ error }).check(z.int({ error }), z.gte(min, { error }), z.lte(max, { error }));
};

export const Settings = z.object({
  /** LinkedIn does not publish the window; six calendar months is the most cited figure. */
  expiryWindow: z._default(ExpiryWindowKind, 'six-months'),
  /** Used when expiryWindow is 'custom'. */
  customWindowDays: z._default(intIn(SETTING_LIMITS.customWindowDays), 120),
  /** With the learned window: the shortest window the user accepts, whatever the evidence. */
  learnedFloorDays: z._default(intIn(SETTING_LIMITS.learnedFloorDays), 90),
  /** The badge counts pending invitations at least this many weeks old. */
  badgeWeeks: z._default(intIn(SETTING_LIMITS.badgeWeeks), 3),
  /** "Nearing expiry" when the window could close within this many days. */
  warningDays: z._default(intIn(SETTING_LIMITS.warningDays), 14),
  /** Suggest a follow-up once an invitation is this many days old. */
  followUpDays: z._default(intIn(SETTING_LIMITS.followUpDays), 21),
  /** After a logged follow-up, "waiting for a reply" this many days before the next step. */
  followUpWaitDays: z._default(intIn(SETTING_LIMITS.followUpWaitDays), 7),
  /**
   * Invitations a week the Insights page measures against. LinkedIn does not publish its limit;
   * about 100 a week is the figure most often reported.
   */
  weeklyLimit: z._default(intIn(SETTING_LIMITS.weeklyLimit), 100),
  /**
   * Pending invitations the Insights page measures against. LinkedIn does not publish a cap
   * either; about 1,250 is the figure one tool reports.
   */
  pendingCap: z._default(intIn(SETTING_LIMITS.pendingCap), 1250),
  /**
   * Only the templates the user changed; the rest fall back to the defaults in the UI language
   * (`template_*` in _locales, src/shared/templates.ts).
   */
  /** Off unless the user turns reminders on (and grants the optional `notifications` permission). */
  reminders: z._default(ReminderCadence, 'off'),
  templates: z._default(z.partialRecord(SuggestionKind, z.string().check(z.maxLength(FIELD_LIMITS.template))), {}),
});
export type Settings = z.infer<typeof Settings>;

/** Every setting at its default. */
export function defaultSettings(): Settings {
  return Settings.parse({});
}
