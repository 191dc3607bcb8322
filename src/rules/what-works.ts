import type { InvitationRecord } from '../model/invitation';
import type { SuggestionKind } from '../model/settings';
import { recordExpiry, standingOf } from './counts';
import type { ResolvedSettings } from './expiry';
import { firstNameOf } from './suggestions';

/**
 * "What works" on the Insights page: which invitations get accepted — with a note or without,
 * per note template, after a follow-up or not. Only resolved invitations count (accepted, against
 * lapsed, withdrawn or gone); pending ones have not answered yet and are counted apart. Where
 * each invitation stands comes from counts.ts, the one truth every count uses.
 */

/** Below this many resolved invitations a group's rate says more about chance than about notes. */
export const WORKS_MIN_RESOLVED = 10;
/** The normal quantile for a two-sided 95% interval. */
const Z_95 = 1.959963984540054;

export interface RateInterval {
  low: number;
  high: number;
}

/**
 * The Wilson score interval for `accepted` of `resolved` (Wilson 1927): unlike the textbook
 * p ± z·√(p(1−p)/n), it stays within 0–1 and is honest for small groups and rates near 0 or 1.
 */
export function wilsonInterval(accepted: number, resolved: number, z = Z_95): RateInterval | null {
  if (resolved <= 0) return null;
  const p = accepted / resolved;
  const z2 = z * z;
  const denominator = 1 + z2 / resolved;
  const centre = (p + z2 / (2 * resolved)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / resolved + z2 / (4 * resolved * resolved))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface Rate {
  accepted: number;
  resolved: number;
  /** accepted / resolved; null when nothing is resolved. */
  rate: number | null;
  interval: RateInterval | null;
  /** At least WORKS_MIN_RESOLVED resolved: enough to show the rate rather than "too few to tell". */
  enough: boolean;
}

export function rateOf(accepted: number, resolved: number): Rate {
  return {
    accepted,
    resolved,
    rate: resolved > 0 ? accepted / resolved : null,
    interval: wilsonInterval(accepted, resolved),
    enough: resolved >= WORKS_MIN_RESOLVED,
  };
}

/** How one tracked invitation ended, as the counts have it; null for one the user stopped tracking. */
export type Outcome = 'accepted' | 'not-accepted' | 'pending';

export function outcomeOf(record: InvitationRecord, settings: ResolvedSettings, now: number): Outcome | null {
  if (record.hidden) return null;
  const standing = standingOf(record, recordExpiry(record, settings, now));
  if (standing === 'pending') return 'pending';
  return record.status === 'accepted' ? 'accepted' : 'not-accepted';
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const wordsOf = (text: string): string[] => text.normalize('NFC').toLowerCase().match(WORD) ?? [];

/**
 * The note with what differs between two sends of one template taken out: the recipient's names,
 * case, spacing and punctuation. "Hi Ada, loved your talk!" and "hi Bob — loved your talk" agree.
 */
export function noteTemplateKey(note: string, name: string): string {
  const names = new Set(wordsOf(name));
  return wordsOf(note)
    .filter((word) => !names.has(word))
    .join(' ');
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wholeWord = (word: string) =>
  new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{M}\\p{N}])`, 'giu');
/** A note template is shown by one of its notes, at most this long. */
const SAMPLE_CHARS = 160;

/** One note of a group, with the names as template placeholders: "Hi {firstName}, loved your talk". */
export function noteSample(note: string, name: string): string {
  const first = firstNameOf(name);
  let text = note.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (name.trim()) text = text.replace(wholeWord(name.trim()), '{name}');
  if (first) text = text.replace(wholeWord(first), '{firstName}');
  for (const word of new Set(name.match(WORD) ?? [])) {
    if (word !== first) text = text.replace(wholeWord(word), '…');
  }
  return text.length > SAMPLE_CHARS ? `${text.slice(0, SAMPLE_CHARS - 1)}…` : text;
}

export interface NoteGroup extends Rate {
  key: string;
  sample: string;
}

export interface FollowUpGroup extends Rate {
  /** The Lapse template copied for the follow-up; null: none recorded. */
  template: SuggestionKind | null;
}

export interface WhatWorks {
  /** Tracked invitations with an outcome: every group below is drawn from these. */
  resolved: number;
  /** Tracked invitations still pending: counted apart. */
  pending: number;
  withNote: Rate;
  withoutNote: Rate;
  /** The resolved invitations with a note, by note template, most resolved first. */
  notes: NoteGroup[];
  followedUp: Rate;
  notFollowedUp: Rate;
  /** Followed-up invitations by the template of their follow-ups (one may use several). */
  byFollowUpTemplate: FollowUpGroup[];
}

/** The latest moment a follow-up could still have come before the answer. */
function answeredBy(record: InvitationRecord): number {
  if (record.status === 'pending') return Number.POSITIVE_INFINITY; // lapsed: any follow-up counts
  return record.status === 'accepted' ? (record.acceptedAt?.latest ?? record.statusChangedAt) : record.statusChangedAt;
}

/** The follow-ups logged before the invitation was answered (one logged after cannot have helped). */
function followUpsBefore(record: InvitationRecord) {
  const by = answeredBy(record);
  return (record.followUps ?? []).filter((followUp) => followUp.at <= by);
}

class Tally<K> {
  private readonly counts = new Map<K, { accepted: number; resolved: number }>();
  add(key: K, accepted: boolean): void {
    const count = this.counts.get(key) ?? { accepted: 0, resolved: 0 };
    count.resolved++;
    if (accepted) count.accepted++;
    this.counts.set(key, count);
  }
  rate(key: K): Rate {
    const count = this.counts.get(key);
    return rateOf(count?.accepted ?? 0, count?.resolved ?? 0);
  }
  keys(): K[] {
    return [...this.counts.keys()];
  }
}

const mostResolvedFirst = (a: Rate, b: Rate) => b.resolved - a.resolved || b.accepted - a.accepted;

export function whatWorks(records: readonly InvitationRecord[], settings: ResolvedSettings, now: number): WhatWorks {
  let pending = 0;
  let resolved = 0;
  const byNote = new Tally<boolean>();
  const byFollowUp = new Tally<boolean>();
  const byTemplate = new Tally<string>();
  const samples = new Map<string, string>();
  const byKind = new Tally<SuggestionKind | null>();
  for (const record of records) {
    const outcome = outcomeOf(record, settings, now);
    if (outcome === null) continue;
    if (outcome === 'pending') {
      pending++;
      continue;
    }
    resolved++;
    const accepted = outcome === 'accepted';
    const note = record.inviteMessage?.trim() ? record.inviteMessage : null;
    byNote.add(note !== null, accepted);
    if (note !== null) {
      const key = noteTemplateKey(note, record.name);
      byTemplate.add(key, accepted);
      if (!samples.has(key)) samples.set(key, noteSample(note, record.name));
    }
    const followUps = followUpsBefore(record);
    byFollowUp.add(followUps.length > 0, accepted);
    for (const kind of new Set(followUps.map((followUp) => followUp.template ?? null))) byKind.add(kind, accepted);
  }
  return {
    resolved,
    pending,
    withNote: byNote.rate(true),
    withoutNote: byNote.rate(false),
    notes: byTemplate
      .keys()
      .map((key) => ({ key, sample: samples.get(key) ?? '', ...byTemplate.rate(key) }))
      .sort((a, b) => mostResolvedFirst(a, b) || a.key.localeCompare(b.key)),
    followedUp: byFollowUp.rate(true),
    notFollowedUp: byFollowUp.rate(false),
    byFollowUpTemplate: byKind
      .keys()
      .map((template) => ({ template, ...byKind.rate(template) }))
      .sort(mostResolvedFirst),
  };
}
