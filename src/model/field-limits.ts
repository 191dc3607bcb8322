/**
 * The longest text Lapse keeps in each kind of field: schemas refuse longer, readers cut to it,
 * editors warn before it. In a module of its own so that the content scripts import the numbers
 * without the schemas.
 */
export const FIELD_LIMITS = {
  /** A person's name. */
  name: 500,
  /** A person's headline under their name. */
  headline: 2000,
  /** A short label read from the page ("Sent 2 weeks ago", "Connected on …"). */
  label: 200,
  /** The user's own note, and the message sent with an invitation. */
  note: 5000,
  /** A follow-up message template. */
  template: 2000,
  /** A page address. */
  url: 2000,
  /** An error's own message, kept as the technical detail of a failure. */
  reason: 500,
} as const;
