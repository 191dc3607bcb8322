import { addWeeks } from 'date-fns';
import type { InvitationRecord } from '../model/invitation';
import type { Settings, SuggestionKind } from '../model/settings';
import type { ExpiryStatus } from './expiry';
import { awaitingReplyUntil, followUpCount, NUDGES_MAX } from './follow-ups';

/** LinkedIn blocks re-inviting a person for up to 3 weeks after a withdrawal (its own dialog says so). */
export const REINVITE_BLOCK_WEEKS = 3;

/** When re-inviting becomes possible after withdrawing at `withdrawnAt`. */
export function reinviteFrom(withdrawnAt: number): number {
  return addWeeks(withdrawnAt, REINVITE_BLOCK_WEEKS).getTime();
}

export interface Suggestion {
  kind: SuggestionKind;
  /**
   * For act-now, withdraw-reinvite and let-it-run (if withdrawn today), reinvite-later: the first
   * day a new invitation can go.
   */
  reinviteFrom: number | null;
  /** For awaiting-reply: when the wait after the latest follow-up ends and the next step shows. */
  nextStepFrom: number | null;
}

/** What the ladder needs of the settings: how long to wait for a reply after a follow-up. */
export type LadderSettings = Pick<Settings, 'followUpWaitDays'>;

/** Advice that is itself a new invitation, not a nudge: it stays after two follow-ups. */
const REINVITING: ReadonlySet<SuggestionKind> = new Set(['withdraw-reinvite', 'resend']);

/**
 * One concrete next step per situation, drawn from the seed article and what is known of
 * LinkedIn's rules: most acceptances come in the first week; engage with their content; follow
 * up with a personal message after a few weeks; when nearing expiry act now or withdraw and
 * re-send later with a note; after expiry re-send with a personalised note. This is the ladder
 * before any follow-up is logged; suggestionKind adds what the log changes.
 */
export function ladderKind(record: InvitationRecord, expiry: ExpiryStatus | null): SuggestionKind {
  switch (record.status) {
    case 'accepted':
      return 'thank';
    case 'withdrawn':
      return 'reinvite-later';
    case 'gone':
      return 'check-status';
    case 'pending':
      break;
  }
  switch (expiry) {
    case 'fresh':
      return 'give-it-time';
    case 'waiting':
    case 'unknown':
    case null:
      return 'engage';
    case 'follow-up':
      return 'follow-up';
    case 'nearing':
      return 'act-now';
    case 'past-window':
      // LinkedIn still lists it long after the window: it will not lapse on its own schedule.
      return 'withdraw-reinvite';
    case 'maybe-expired':
    case 'expired':
      return 'resend';
  }
}

/**
 * The name to greet someone by: the first word that has a letter in it, without the emoji,
 * flags or punctuation LinkedIn names are often decorated with ("🚀 Jane", "Jane🌍", "Jane,").
 * Hyphens and apostrophes inside stay ("Jean-Luc", "O'Brien"). A name with no letters at all
 * is used as written.
 */
export function firstNameOf(name: string): string {
  const trimmed = name.trim();
  for (const word of trimmed.split(/\s+/u)) {
    // Starts and ends with a letter or digit: "Jane," and "O'Brien." lose what decorates them.
    const core = word.match(/[\p{L}\p{M}][\p{L}\p{M}\p{N}'’.-]*[\p{L}\p{M}\p{N}]|[\p{L}\p{M}]/u)?.[0];
    if (core) return core;
  }
  return trimmed;
}

const PLACEHOLDER = /\{(firstName|name|headline)\}/g;

/**
 * Replaces {firstName}, {name} and {headline}; unknown placeholders are left as written. Values
 * are inserted as text in one pass, so a name containing "{headline}" or "$&" stays as written.
 * Without a headline, each sentence that mentions {headline} is dropped ("Given your work as ,"
 * reads worse than nothing); if that would drop everything, the blank is filled with nothing.
 */
export function fillTemplate(template: string, person: Pick<InvitationRecord, 'name' | 'headline'>): string {
  const name = person.name.trim();
  const headline = person.headline?.trim() || '';
  const values: Record<string, string> = { firstName: firstNameOf(name), name, headline };
  let text = template;
  if (!headline && text.includes('{headline}')) {
    const kept = text
      .split(/(?<=[.!?])\s+/u)
      .filter((sentence) => !sentence.includes('{headline}'))
      .join(' ');
    if (kept.trim()) text = kept;
  }
  return text.replace(PLACEHOLDER, (_, key: string) => values[key] ?? '');
}

/**
 * The user's own template for `kind`, or the default one. The defaults are words in the UI
 * language, so they come in (src/shared/templates.ts) rather than living in the rules.
 */
export function templateFor(
  kind: SuggestionKind,
  settings: Pick<Settings, 'templates'>,
  defaults: (kind: SuggestionKind) => string,
): string {
  return settings.templates[kind] ?? defaults(kind);
}

/**
 * The ladder with the user's follow-ups: after one, "waiting for a reply" for the set number of
 * days, then the next step; after two, never a third nudge — let it run its course, or (past the
 * window, or lapsed) the re-invite the ladder already advises. Only pending invitations move.
 */
export function suggestionKind(
  record: InvitationRecord,
  expiry: ExpiryStatus | null,
  now: number,
  settings: LadderSettings,
): SuggestionKind {
  const base = ladderKind(record, expiry);
  const count = followUpCount(record);
  if (record.status !== 'pending' || count === 0) return base;
  if (now < (awaitingReplyUntil(record, settings) ?? now)) return 'awaiting-reply';
  return count >= NUDGES_MAX && !REINVITING.has(base) ? 'let-it-run' : base;
}

const WITHDRAW_TODAY: ReadonlySet<SuggestionKind> = new Set(['act-now', 'withdraw-reinvite', 'let-it-run']);

/** What to do next; the message to copy is words, filled in by the page (src/shared/templates.ts). */
export function suggest(
  record: InvitationRecord,
  expiry: ExpiryStatus | null,
  now: number,
  settings: LadderSettings,
): Suggestion {
  const kind = suggestionKind(record, expiry, now, settings);
  const from =
    kind === 'reinvite-later'
      ? reinviteFrom(record.statusChangedAt)
      : WITHDRAW_TODAY.has(kind)
        ? reinviteFrom(now)
        : null;
  const nextStepFrom = kind === 'awaiting-reply' ? awaitingReplyUntil(record, settings) : null;
  return { kind, reinviteFrom: from, nextStepFrom };
}
