import * as z from 'zod/mini';

/** Follow-up suggestion kinds; each has a message template the user may edit. */
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
  'none',
]);
export type SuggestionKind = z.infer<typeof SuggestionKind>;

export const DEFAULT_TEMPLATES: Record<SuggestionKind, string> = {
  'give-it-time':
    'Hi {firstName}, I sent you a connection request a few days ago — no rush, looking forward to connecting.',
  engage:
    'Hi {firstName}, I enjoyed your recent post. I sent you a connection request and would be glad to stay in touch.',
  'follow-up':
    'Hi {firstName}, I reached out a few weeks ago to connect. Given your work as {headline}, I think we would have a lot to talk about.',
  'act-now':
    'Hi {firstName}, my connection request to you will soon lapse. I would still love to connect — is there a good moment to chat?',
  'withdraw-reinvite':
    'Hi {firstName}, I am reaching out again to connect — my earlier request has been waiting a long time. I would value being in touch.',
  resend:
    'Hi {firstName}, I tried to connect a while ago and the request lapsed. I would still be glad to connect. Your work as {headline} is close to mine.',
  'check-status':
    'Hi {firstName}, I noticed my connection request is no longer pending. If you missed it, I would still be glad to connect.',
  thank: 'Hi {firstName}, thanks for connecting! Glad to be in touch.',
  'reinvite-later': 'Hi {firstName}, I am reaching out again to connect — I would value being in touch.',
  none: '',
};

/**
 * Six calendar months, 90 days, a custom number of days, or learned from what LinkedIn still
 * lists (never shorter than `learnedFloorDays`; see rules/window.ts).
 */
export const ExpiryWindowKind = z.enum(['six-months', '90-days', 'custom', 'learned']);
export type ExpiryWindowKind = z.infer<typeof ExpiryWindowKind>;

/** A whole number in a range; the message says the range, for the options page and import reports. */
const intIn = (min: number, max: number) => {
  const error = `must be a whole number from ${min} to ${max}`;
  return z.number({ error }).check(z.int({ error }), z.gte(min, { error }), z.lte(max, { error }));
};

/** The longest window a user can set; LinkedIn's own page has listed invitations over a year old. */
export const WINDOW_DAYS_MAX = 730;

export const Settings = z.object({
  /** LinkedIn does not publish the window; six calendar months is the most cited figure. */
  expiryWindow: z._default(ExpiryWindowKind, 'six-months'),
  /** Used when expiryWindow is 'custom'. */
  customWindowDays: z._default(intIn(1, WINDOW_DAYS_MAX), 120),
  /** With the learned window: the shortest window the user accepts, whatever the evidence. */
  learnedFloorDays: z._default(intIn(1, WINDOW_DAYS_MAX), 90),
  /** The badge counts pending invitations at least this many weeks old. */
  badgeWeeks: z._default(intIn(1, 26), 3),
  /** "Nearing expiry" when the window could close within this many days. */
  warningDays: z._default(intIn(1, 120), 14),
  /** Suggest a follow-up once an invitation is this many days old. */
  followUpDays: z._default(intIn(1, 365), 21),
  /**
   * Invitations a week the Insights page measures against. LinkedIn does not publish its limit;
   * about 100 a week is the figure most often reported.
   */
  weeklyLimit: z._default(intIn(1, 1000), 100),
  /**
   * Pending invitations the Insights page measures against. LinkedIn does not publish a cap
   * either; about 1,250 is the figure one tool reports.
   */
  pendingCap: z._default(intIn(1, 5000), 1250),
  /** Only the templates the user changed; the rest fall back to DEFAULT_TEMPLATES. */
  templates: z._default(z.partialRecord(SuggestionKind, z.string().check(z.maxLength(2000))), {}),
});
export type Settings = z.infer<typeof Settings>;

/** Every setting at its default. */
export function defaultSettings(): Settings {
  return Settings.parse({});
}
