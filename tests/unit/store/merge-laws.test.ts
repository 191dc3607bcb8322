import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type InvitationRecord, InvitationRecord as RecordSchema } from '../../../src/model/invitation';
import type { LinkedInExport } from '../../../src/model/linkedin-export';
import type { ConnectionsReading, ReadInvitation, ReadingLogEntry, SentPageReading } from '../../../src/model/reading';
import { mergeImportedRecord } from '../../../src/store/backup';
import { mergeConnections } from '../../../src/store/connections-merge';
import { mergeExport } from '../../../src/store/export-merge';
import { applyWithdraw, mergeReading } from '../../../src/store/merge';
import { MAX_CONFLICTS, sameRecord } from '../../../src/store/merge-core';
import { BASE, DAY, FIELD_NAMES, intervalArb, ledgerArb, recordArb, SLUGS } from './record-arbitraries';

/**
 * The laws every merge path keeps, for records drawn from the schema (every field, optional ones
 * present and absent), and over long random histories mixing every path.
 */
type Ledger = Map<string, InvitationRecord>;
const HOUR = 3_600_000;
const url = (slug: string) => `https://www.linkedin.com/in/${slug}/`;
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value));

const FACT_FIELDS = ['sent', 'acceptedAt', 'inviteMessage', 'sentLabel', 'note'] as const;
const conflictText = (c: unknown) => JSON.stringify(c);

/**
 * What `before` knew that `after` lost (user edits aside, which may clear a note), or null.
 * Plain checks rather than expect(): the history test runs them millions of times.
 */
function lostFact(before: InvitationRecord, after: InvitationRecord, newerEdit: boolean): string | null {
  for (const field of FIELD_NAMES as (keyof InvitationRecord)[]) {
    if (before[field] !== undefined && after[field] === undefined) return `${field} dropped`;
  }
  for (const field of FACT_FIELDS) {
    if (before[field] != null && after[field] == null && !(field === 'note' && newerEdit)) return `${field} lost`;
  }
  if (before.sentExact && !after.sentExact) return 'exactness lost';
  if (after.firstSeenAt > before.firstSeenAt) return 'firstSeenAt moved later';
  if (after.lastSeenAt < before.lastSeenAt) return 'lastSeenAt moved back';
  if (after.conflicts.length < MAX_CONFLICTS) {
    const kept = new Set(after.conflicts.map(conflictText));
    if (before.conflicts.some((c) => !kept.has(conflictText(c)))) return 'conflict lost';
  }
  return null;
}

/** `newerEdit`: the other side holds a newer user edit of the note, which may clear it. */
function expectNoFactLost(before: InvitationRecord, after: InvitationRecord, what: string, newerEdit = false): void {
  const lost = lostFact(before, after, newerEdit);
  if (lost) expect.fail(`${what}: ${lost}\nbefore ${JSON.stringify(before)}\nafter ${JSON.stringify(after)}`);
}

function expectLedgerKept(before: Ledger, after: Ledger, what: string): void {
  if (before === after) return;
  for (const [id, record] of before) {
    const now = after.get(id);
    if (!now) expect.fail(`${what}: ${id} disappeared`);
    if (now === record) continue;
    expectNoFactLost(record, now, what);
    if (!RecordSchema.safeParse(now).success) expect.fail(`${what}: ${id} invalid: ${JSON.stringify(now)}`);
  }
}

const withUpserts = (ledger: Ledger, upserts: readonly InvitationRecord[]): Ledger => {
  const next = new Map(ledger);
  for (const record of upserts) next.set(record.id, record);
  return next;
};

/** Restores `backup` records onto the ledger as importBackup does; returns how many changed. */
function restore(ledger: Ledger, backup: readonly InvitationRecord[]): { ledger: Ledger; imported: number } {
  const next = new Map(ledger);
  let imported = 0;
  for (const incoming of backup) {
    const current = next.get(incoming.id);
    const merged = mergeImportedRecord(current, clone(incoming));
    if (current && sameRecord(merged, current)) continue;
    next.set(merged.id, merged);
    imported++;
  }
  return { ledger: next, imported };
}

describe('records drawn from the schema', () => {
  it('cover every field of the schema, and every one validates', () => {
    expect([...FIELD_NAMES].sort()).toEqual(Object.keys(RecordSchema.shape).sort());
    fc.assert(
      fc.property(recordArb('ada'), (r) => {
        expect(RecordSchema.safeParse(r).success).toBe(true);
      }),
    );
  });
});

describe('backup restore: laws for any two records of one person', () => {
  const pair = fc.tuple(recordArb('ada'), recordArb('ada'));

  it('drops no field, is idempotent, and a record restored onto itself is unchanged', () => {
    fc.assert(
      fc.property(pair, ([local, incoming]) => {
        const merged = mergeImportedRecord(local, incoming);
        const later = (a?: number, b?: number) => a !== undefined && (b === undefined || a > b);
        expectNoFactLost(local, merged, 'local', later(incoming.noteChangedAt, local.noteChangedAt));
        expectNoFactLost(incoming, merged, 'backup', later(local.noteChangedAt, incoming.noteChangedAt));
        expect(sameRecord(mergeImportedRecord(merged, incoming), merged)).toBe(true);
        expect(sameRecord(mergeImportedRecord(local, clone(local)), local)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('never lets a backup revert a user edit made after it', () => {
    fc.assert(
      fc.property(pair, ([local, incoming]) => {
        const merged = mergeImportedRecord(local, incoming);
        if (local.hiddenChangedAt !== undefined && local.hiddenChangedAt > (incoming.hiddenChangedAt ?? -1)) {
          expect(merged.hidden).toBe(local.hidden);
        }
        if (local.noteChangedAt !== undefined && local.noteChangedAt > (incoming.noteChangedAt ?? -1)) {
          expect(merged.note).toBe(local.note);
        }
        if (
          local.statusSetBy === 'user' &&
          local.statusChangedAt > incoming.statusChangedAt &&
          incoming.statusSetBy !== 'scan'
        ) {
          expect(merged.status).toBe(local.status);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

const readingArb = (at: number): fc.Arbitrary<SentPageReading> =>
  fc
    .record({
      present: fc.subarray([...SLUGS]),
      sent: fc.option(intervalArb, { nil: null }),
      kind: fc.constantFrom('complete', 'partial', 'failed'),
      lag: fc.constantFrom(0, 0, 0, 3 * DAY),
    })
    .map(({ present, sent, kind, lag }) =>
      sentReading(
        at,
        at - lag,
        present.map((slug) => card(slug, sent)),
        kind,
      ),
    );

function card(slug: string, sent: ReadInvitation['sent']): ReadInvitation {
  return { profileUrl: url(slug), name: `${slug} name`, headline: null, sentLabel: 'Sent 1 week ago', sent };
}

function sentReading(at: number, loadedAt: number, cards: ReadInvitation[], kind: string): SentPageReading {
  return {
    url: 'https://www.linkedin.com/mynetwork/invitation-manager/sent/',
    observedAt: at,
    loadedAt,
    language: 'en',
    invitations: kind === 'failed' ? [] : cards,
    total: kind === 'complete' ? cards.length : null,
    skipped: 0,
    unreadable: 0,
    complete: kind === 'complete',
    failed: kind === 'failed',
    failure: kind === 'failed' ? { code: 'none-read', total: 3 } : null,
  };
}

const exportArb: fc.Arbitrary<LinkedInExport> = fc
  .record({ invited: fc.subarray([...SLUGS]), connected: fc.subarray([...SLUGS]), sent: intervalArb, day: intervalArb })
  .map(({ invited, connected, sent, day }) => ({
    invitations: invited.map((slug) => ({
      row: 2,
      profileUrl: url(slug),
      name: slug,
      sent: { earliest: sent.earliest, latest: sent.earliest + 59_999 },
      message: `hello ${slug}`,
    })),
    connections: connected.map((slug) => ({
      row: 2,
      profileUrl: url(slug),
      name: slug,
      connected: { earliest: day.latest, latest: day.latest + DAY - 1 },
    })),
    skipped: [],
  }));

const connectionsArb = (at: number): fc.Arbitrary<ConnectionsReading> =>
  fc.record({ people: fc.subarray([...SLUGS]), connected: intervalArb }).map(({ people, connected }) => ({
    url: 'https://www.linkedin.com/mynetwork/invite-connect/connections/',
    observedAt: at,
    language: 'en',
    people: people.map((slug) => ({ profileUrl: url(slug), name: slug, connectedLabel: 'Connected', connected })),
    unreadable: 0,
    failed: false,
    failureReason: null,
  }));

const ledgerMapArb = ledgerArb.map((records) => new Map(records.map((r) => [r.id, r])));
const NOW = BASE + 400 * DAY;

describe('every merge path: no field dropped, and the same input twice changes nothing', () => {
  it('Sent-page readings', () => {
    fc.assert(
      fc.property(ledgerMapArb, readingArb(BASE + 200 * DAY), (ledger, reading) => {
        const once = withUpserts(ledger, mergeReading(ledger, reading, null, NOW).upserts);
        expectLedgerKept(ledger, once, 'reading');
        expect(mergeReading(once, reading, null, NOW).upserts).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('LinkedIn’s data export', () => {
    fc.assert(
      fc.property(ledgerMapArb, exportArb, (ledger, data) => {
        const once = withUpserts(ledger, mergeExport(ledger, data, NOW).upserts);
        expectLedgerKept(ledger, once, 'export');
        expect(mergeExport(once, data, NOW + HOUR).upserts).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('the Connections page', () => {
    fc.assert(
      fc.property(ledgerMapArb, connectionsArb(BASE + 300 * DAY), (ledger, reading) => {
        const once = withUpserts(ledger, mergeConnections(ledger, reading).upserts);
        expectLedgerKept(ledger, once, 'connections');
        expect(mergeConnections(once, reading).upserts).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('withdrawals seen on LinkedIn', () => {
    fc.assert(
      fc.property(recordArb('ada'), (record) => {
        const next = applyWithdraw(record, { profileUrl: url('ada'), name: 'Ada', at: NOW - HOUR }, NOW) ?? record;
        expectNoFactLost(record, next, 'withdraw');
        expect(applyWithdraw(next, { profileUrl: url('ada'), name: 'Ada', at: NOW - HOUR }, NOW)).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });

  it('backups: a ledger restored onto itself changes nothing and reports every record unchanged', () => {
    fc.assert(
      fc.property(ledgerMapArb, (ledger) => {
        const { ledger: after, imported } = restore(ledger, [...ledger.values()]);
        expect(imported).toBe(0);
        expect([...after.values()]).toEqual([...ledger.values()]);
      }),
      { numRuns: 1000 },
    );
  });
});

/* ── random histories across every merge path ─────────────────────────────────────────────── */

type Step =
  | {
      kind: 'reading';
      present: string[];
      label: 'honest' | 'wrong' | 'none';
      complete: boolean;
      stale: boolean;
      clockAhead: boolean;
    }
  | { kind: 'withdraw'; slug: string }
  | { kind: 'edit'; slug: string; what: 'accept' | 'pending' | 'hide' | 'note' | 'clear-note' }
  | { kind: 'backup' }
  | { kind: 'restore'; which: number }
  | { kind: 'export'; slug: string; connected: boolean }
  | { kind: 'connections'; slug: string }
  | { kind: 'reinvite'; slug: string };

const slugArb = fc.constantFrom(...SLUGS);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('reading' as const),
      present: fc.subarray([...SLUGS]),
      label: fc.constantFrom('honest' as const, 'honest' as const, 'wrong' as const, 'none' as const),
      complete: fc.boolean(),
      stale: fc.boolean(),
      clockAhead: fc.boolean(),
    }),
    weight: 4,
  },
  fc.record({ kind: fc.constant('withdraw' as const), slug: slugArb }),
  fc.record({
    kind: fc.constant('edit' as const),
    slug: slugArb,
    what: fc.constantFrom('accept', 'pending', 'hide', 'note', 'clear-note'),
  }),
  fc.record({ kind: fc.constant('backup' as const) }),
  fc.record({ kind: fc.constant('restore' as const), which: fc.nat(5) }),
  fc.record({ kind: fc.constant('export' as const), slug: slugArb, connected: fc.boolean() }),
  fc.record({ kind: fc.constant('connections' as const), slug: slugArb }),
  fc.record({ kind: fc.constant('reinvite' as const), slug: slugArb }),
);

interface World {
  ledger: Ledger;
  lastComplete: ReadingLogEntry | null;
  backups: { at: number; records: InvitationRecord[] }[];
  /** When each person was truly (last) invited. */
  truth: Map<string, number>;
  now: number;
  edits: number;
}

function labelFor(world: World, slug: string, at: number, label: string): ReadInvitation['sent'] {
  const truth = world.truth.get(slug)!;
  if (label === 'none') return null;
  if (label === 'wrong') return { earliest: truth - 300 * DAY, latest: truth - 200 * DAY };
  return { earliest: truth - DAY, latest: Math.max(truth - DAY, Math.min(at, truth + DAY)) };
}

function userEdit(record: InvitationRecord, what: string, at: number): InvitationRecord {
  if (what === 'accept') return { ...record, status: 'accepted', statusChangedAt: at, statusSetBy: 'user' };
  if (what === 'pending') return { ...record, status: 'pending', statusChangedAt: at, statusSetBy: 'user' };
  if (what === 'hide') return { ...record, hidden: !record.hidden, hiddenChangedAt: at };
  return { ...record, note: what === 'note' ? `note ${at}` : null, noteChangedAt: at };
}

/** Applies one step, checks its laws (nothing lost, the same input again changes nothing), returns the world after. */
function step(world: World, s: Step): void {
  world.now += 6 * HOUR;
  const at = world.now;
  const before = world.ledger;
  let again: () => number = () => 0;
  switch (s.kind) {
    case 'reading': {
      const observedAt = s.clockAhead ? at + 30 * DAY : at;
      const cards = s.present.map((slug) => card(slug, labelFor(world, slug, at, s.label)));
      const reading = sentReading(
        observedAt,
        s.stale ? at - 2 * DAY : observedAt,
        cards,
        s.complete ? 'complete' : 'partial',
      );
      // A clock ahead on both sides goes unseen at the time; the worker's `now` is the same clock.
      const workerNow = observedAt;
      const result = mergeReading(before, reading, world.lastComplete, workerNow);
      world.ledger = withUpserts(before, result.upserts);
      const entry = result.logEntry;
      if (
        entry.complete &&
        !entry.failed &&
        (!world.lastComplete || (entry.loadedAt ?? 0) >= (world.lastComplete.loadedAt ?? 0))
      ) {
        world.lastComplete = entry;
      }
      again = () => mergeReading(world.ledger, reading, world.lastComplete, workerNow).upserts.length;
      break;
    }
    case 'withdraw': {
      const record = before.get(s.slug);
      const withdraw = { profileUrl: url(s.slug), name: s.slug, at };
      const next = record ? applyWithdraw(record, withdraw, at) : null;
      if (next) world.ledger = withUpserts(before, [next]);
      again = () => {
        const current = world.ledger.get(s.slug);
        return current && applyWithdraw(current, withdraw, at) ? 1 : 0;
      };
      break;
    }
    case 'edit': {
      const record = before.get(s.slug);
      if (!record) return;
      world.ledger = withUpserts(before, [userEdit(record, s.what, at)]);
      world.edits++;
      return; // a user's edit is the one thing allowed to clear what was there
    }
    case 'backup':
      world.backups.push({ at, records: clone([...before.values()]) });
      return;
    case 'restore': {
      const backup = world.backups[s.which % Math.max(1, world.backups.length)];
      if (!backup) return;
      world.ledger = restore(before, backup.records).ledger;
      again = () => restore(world.ledger, backup.records).imported;
      break;
    }
    case 'export': {
      const truth = world.truth.get(s.slug)!;
      const data: LinkedInExport = {
        invitations: [
          {
            row: 2,
            profileUrl: url(s.slug),
            name: s.slug,
            sent: { earliest: truth, latest: truth + 59_999 },
            message: 'hi',
          },
        ],
        connections: s.connected
          ? [{ row: 2, profileUrl: url(s.slug), name: s.slug, connected: { earliest: at - DAY, latest: at - 1 } }]
          : [],
        skipped: [],
      };
      world.ledger = withUpserts(before, mergeExport(before, data, at).upserts);
      again = () => mergeExport(world.ledger, data, at + HOUR).upserts.length;
      break;
    }
    case 'connections': {
      const reading: ConnectionsReading = {
        url: 'https://www.linkedin.com/mynetwork/invite-connect/connections/',
        observedAt: at,
        language: 'en',
        people: [
          {
            profileUrl: url(s.slug),
            name: s.slug,
            connectedLabel: 'Connected 1 day ago',
            connected: { earliest: at - 2 * DAY, latest: at },
          },
        ],
        unreadable: 0,
        failed: false,
      };
      world.ledger = withUpserts(before, mergeConnections(before, reading).upserts);
      again = () => mergeConnections(world.ledger, reading).upserts.length;
      break;
    }
    case 'reinvite':
      world.truth.set(s.slug, at - HOUR);
      return;
  }
  expectLedgerKept(before, world.ledger, s.kind);
  if (again() !== 0) expect.fail(`${s.kind} applied twice changed something`);
}

/** The laws that hold at the end of any history. */
function finalLaws(world: World): void {
  // A backup of the ledger restored onto it: nothing changes, every record reported unchanged.
  const self = restore(world.ledger, clone([...world.ledger.values()]));
  expect(self.imported).toBe(0);
  // User edits newer than every backup survive restoring each of them.
  const backup = world.backups[0];
  if (!backup) return;
  const edited = [...world.ledger.values()].map((r) =>
    userEdit(userEdit(r, 'hide', world.now + HOUR), 'clear-note', world.now + HOUR),
  );
  const ledger = new Map(edited.map((r) => [r.id, r]));
  const after = restore(ledger, backup.records).ledger;
  for (const record of edited) expect(after.get(record.id)).toMatchObject({ hidden: record.hidden, note: null });
}

const HISTORY_RUNS = 10_000;

describe('random ledger histories across every merge path', () => {
  it(`loses no fact and keeps every idempotency law over ${HISTORY_RUNS} histories`, { timeout: 120_000 }, () => {
    let steps = 0;
    const started = performance.now();
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 4, maxLength: 14 }), (history) => {
        const world: World = {
          ledger: new Map(),
          lastComplete: null,
          backups: [],
          truth: new Map(SLUGS.map((slug, i) => [slug, BASE - (5 + 20 * i) * DAY])),
          now: BASE,
          edits: 0,
        };
        // Everyone is on the page once, so later steps have records to work on.
        step(world, {
          kind: 'reading',
          present: [...SLUGS],
          label: 'honest',
          complete: true,
          stale: false,
          clockAhead: false,
        });
        for (const s of history) step(world, s);
        finalLaws(world);
        steps += history.length + 1;
      }),
      { numRuns: HISTORY_RUNS },
    );
    console.info(`${HISTORY_RUNS} histories, ${steps} steps, ${Math.round(performance.now() - started)} ms`);
  });
});
