import type { InvitationRecord } from '../model/invitation';
import { type Settings, WINDOW_DAYS_MAX } from '../model/settings';
import type { Interval } from '../model/time';
import { addExpiryWindow, type ResolvedSettings, type WindowSettings, wholeDaysBetween } from './expiry';

/**
 * The expiry window against the evidence. LinkedIn publishes no window; what its Sent page lists
 * is the only evidence there is: an invitation it listed had not lapsed then.
 */

/**
 * When the Sent page last listed this invitation, or null when no reading ever did. A reading
 * sets `lastSeenAt` and the label it read; a record made from LinkedIn's data export or from the
 * Connections page has no label until a reading lists it, so its `lastSeenAt` is no sighting.
 */
export function lastListedAt(record: InvitationRecord): number | null {
  return record.sentLabel === null ? null : record.lastSeenAt;
}

/** One invitation LinkedIn listed when a window would have had it lapsed. */
export interface WindowEvidence {
  record: InvitationRecord & { sent: Interval };
  /** When LinkedIn last listed it. */
  seenAt: number;
  /** Its youngest and oldest possible ages then, in whole days. */
  youngestDaysWhenSeen: number;
  oldestDaysWhenSeen: number;
}

/** Its youngest possible age, in whole days, when LinkedIn last listed it. */
export function youngestDaysListed(sent: Interval, seenAt: number): number {
  return Math.max(0, wholeDaysBetween(sent.latest, seenAt));
}

function evidenceOf(record: InvitationRecord): WindowEvidence | null {
  const seenAt = lastListedAt(record);
  const sent = record.sent;
  if (seenAt === null || sent === null) return null;
  return {
    record: { ...record, sent },
    seenAt,
    youngestDaysWhenSeen: youngestDaysListed(sent, seenAt),
    oldestDaysWhenSeen: Math.max(0, wholeDaysBetween(sent.earliest, seenAt)),
  };
}

/** The sighting with the greatest youngest possible age: what the learned window rests on. */
export function oldestListed(records: readonly InvitationRecord[]): WindowEvidence | null {
  let oldest: WindowEvidence | null = null;
  for (const record of records) {
    const evidence = evidenceOf(record);
    if (evidence && (oldest === null || evidence.youngestDaysWhenSeen > oldest.youngestDaysWhenSeen)) {
      oldest = evidence;
    }
  }
  return oldest;
}

/**
 * The learned window in days: one day longer than the youngest possible age of the oldest
 * invitation LinkedIn listed (so it surely had not lapsed at that age), never below the user's
 * floor. It only grows as readings list invitations for longer. Every status under it is
 * therefore something short of `past-window`.
 */
export function learnedWindowDays(records: readonly InvitationRecord[], floorDays: number): number {
  const oldest = oldestListed(records);
  return Math.max(floorDays, oldest === null ? 0 : oldest.youngestDaysWhenSeen + 1);
}

/** learnedWindowDays from the facts the store keeps of a ledger (model/count-facts.ts): the same days. */
export function learnedWindowFromFacts(
  groups: Iterable<{ facts: { listedDays: number | null } }>,
  floorDays: number,
): number {
  let oldest = -1;
  for (const { facts } of groups) {
    if (facts.listedDays !== null) oldest = Math.max(oldest, facts.listedDays);
  }
  return Math.max(floorDays, oldest + 1);
}

/** The window as the user chose it, with a learned one worked out from `learnedDays`. */
export function resolveWith(settings: Settings, learnedDays: number): ResolvedSettings {
  if (settings.expiryWindow !== 'learned') return { ...settings, expiryWindow: settings.expiryWindow };
  return { ...settings, expiryWindow: 'custom', customWindowDays: learnedDays };
}

/** The settings every rule works with: a learned window learned from these records. */
export function resolveSettings(settings: Settings, records: readonly InvitationRecord[]): ResolvedSettings {
  if (settings.expiryWindow !== 'learned') return resolveWith(settings, settings.customWindowDays);
  return resolveWith(settings, learnedWindowDays(records, settings.learnedFloorDays));
}

export interface WindowCheck {
  /** Pending invitations LinkedIn listed after this window had surely closed, oldest first. */
  evidence: WindowEvidence[];
  /** A window a person would pick that covers all of them; null when none is needed or fits. */
  suggestion: WindowSettings | null;
}

/** Listed at or after the window surely closed: the status `past-window`. */
function pastWindowAt(evidence: WindowEvidence, settings: WindowSettings): boolean {
  return evidence.seenAt >= addExpiryWindow(evidence.record.sent.latest, settings);
}

/**
 * Whether the window is shorter than what LinkedIn lists: the pending invitations it listed after
 * the window had surely closed (hidden ones too: LinkedIn listed them all the same), and the
 * window that would make every one of them fit.
 */
export function windowCheck(records: readonly InvitationRecord[], settings: WindowSettings): WindowCheck {
  const evidence: WindowEvidence[] = [];
  for (const record of records) {
    if (record.status !== 'pending') continue;
    const found = evidenceOf(record);
    if (found && pastWindowAt(found, settings)) evidence.push(found);
  }
  evidence.sort((a, b) => b.youngestDaysWhenSeen - a.youngestDaysWhenSeen);
  return { evidence, suggestion: suggestWindow(evidence, settings) };
}

/**
 * Six months when that covers every sighting and is longer than the window in use; otherwise
 * whole weeks just past the oldest sighting's youngest possible age, so that after switching no
 * invitation LinkedIn listed is past the window. Null past the longest window a user can set.
 */
function suggestWindow(evidence: readonly WindowEvidence[], settings: WindowSettings): WindowSettings | null {
  if (evidence.length === 0) return null;
  const covers = (window: WindowSettings) => evidence.every((e) => !pastWindowAt(e, window));
  const sixMonths: WindowSettings = { expiryWindow: 'six-months', customWindowDays: settings.customWindowDays };
  if (settings.expiryWindow !== 'six-months' && covers(sixMonths)) return sixMonths;
  let days = 0;
  for (const e of evidence) days = Math.max(days, e.youngestDaysWhenSeen + 1);
  days = Math.ceil(days / 7) * 7;
  if (days > WINDOW_DAYS_MAX) return null;
  return { expiryWindow: 'custom', customWindowDays: days };
}
