import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InvitationRecord } from '../../../src/model/invitation';
import type { ExportedConnection, ExportedInvitation, LinkedInExport } from '../../../src/model/linkedin-export';
import { mergeExport } from '../../../src/store/export-merge';
import { record } from '../store/builders';
import { DAY, MINUTE } from './fixtures';

/**
 * Random ledgers (some records edited by the user) against random exports of the same few
 * people: the merge's promises hold whatever the mix.
 */
const SLUGS = ['ada', 'bob', 'cy', 'dee', 'eve'];
const BASE = Date.UTC(2026, 0, 1);

const recordArb = (slug: string): fc.Arbitrary<InvitationRecord> =>
  fc
    .record({
      sentDay: fc.integer({ min: 0, max: 60 }),
      width: fc.integer({ min: 0, max: 30 }),
      status: fc.constantFrom('pending', 'gone', 'accepted', 'withdrawn'),
      setBy: fc.constantFrom('scan', 'user', 'import'),
      note: fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: null }),
      hidden: fc.boolean(),
    })
    .map(({ sentDay, width, status, setBy, note, hidden }) =>
      record(slug, {
        sent: { earliest: BASE + sentDay * DAY, latest: BASE + (sentDay + width) * DAY },
        status,
        statusSetBy: setBy,
        note,
        hidden,
      }),
    );

const ledgerArb = fc
  .tuple(...SLUGS.map((slug) => fc.option(recordArb(slug), { nil: undefined })))
  .map((records) => new Map(records.filter((r) => r !== undefined).map((r) => [r.id, r])));

const invitationArb: fc.Arbitrary<ExportedInvitation> = fc
  .record({
    slug: fc.constantFrom(...SLUGS),
    minute: fc.integer({ min: 0, max: 100 * 24 * 60 }),
    message: fc.option(fc.string({ maxLength: 30 }), { nil: null }),
  })
  .map(({ slug, minute, message }, i = 0) => ({
    row: 2 + i,
    profileUrl: `https://www.linkedin.com/in/${slug}/`,
    name: slug,
    sent: { earliest: BASE + minute * MINUTE, latest: BASE + minute * MINUTE + MINUTE - 1 },
    message,
  }));

const connectionArb: fc.Arbitrary<ExportedConnection> = fc
  .record({ slug: fc.constantFrom(...SLUGS, 'stranger'), day: fc.integer({ min: 0, max: 120 }) })
  .map(({ slug, day }) => ({
    row: 2,
    profileUrl: `https://www.linkedin.com/in/${slug}/`,
    name: slug,
    connected: { earliest: BASE + day * DAY, latest: BASE + (day + 1) * DAY - 1 },
  }));

const exportArb: fc.Arbitrary<LinkedInExport> = fc.record({
  invitations: fc.array(invitationArb, { maxLength: 8 }),
  connections: fc.array(connectionArb, { maxLength: 6 }),
  skipped: fc.constant([]),
});

const NOW = BASE + 200 * DAY;

function apply(ledger: Map<string, InvitationRecord>, upserts: InvitationRecord[]): Map<string, InvitationRecord> {
  const next = new Map(ledger);
  for (const r of upserts) next.set(r.id, r);
  return next;
}

describe('merging an export: properties', () => {
  it('is idempotent, keeps notes, hidden and user-set statuses, and adds only invited people', () => {
    fc.assert(
      fc.property(ledgerArb, exportArb, (ledger, data) => {
        const first = mergeExport(ledger, data, NOW);
        const after = apply(ledger, first.upserts);
        expect(mergeExport(after, data, NOW + DAY).upserts).toEqual([]);

        const invited = new Set(data.invitations.map((i) => i.name));
        for (const [id, result] of after) {
          const before = ledger.get(id);
          if (!before) {
            expect(invited.has(id)).toBe(true);
            continue;
          }
          expect(result.note).toBe(before.note);
          expect(result.hidden).toBe(before.hidden);
          if (before.statusSetBy === 'user') {
            expect(result.status).toBe(before.status);
            expect(result.statusSetBy).toBe('user');
          }
          if (before.status === 'accepted' || result.status === 'accepted') expect(result.status).toBe('accepted');
        }
        expect(after.has('stranger')).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
