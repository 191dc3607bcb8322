import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readExport } from '../../../src/import/read-export';
import type { InvitationRecord } from '../../../src/model/invitation';
import type { LinkedInExport, LinkedInImportReport } from '../../../src/model/linkedin-export';
import type { LapseDb } from '../../../src/store/db';
import { applyLinkedInExport as applyOrAsk } from '../../../src/store/export-import';
import { getAllRecords } from '../../../src/store/ledger';
import { record } from '../store/builders';
import { openTestDb } from '../store/open-test-db';
import { DAY, fixtureBytes, MINUTE } from './fixtures';

/** The import happens a few days after the export was made. */
const NOW = Date.UTC(2026, 2, 10, 9);
const ADA_SENT = Date.UTC(2026, 2, 5, 1, 45);
const ADA_MINUTE = { earliest: ADA_SENT, latest: ADA_SENT + MINUTE - 1 };
const ADA_CONNECTED = { earliest: Date.UTC(2026, 2, 7), latest: Date.UTC(2026, 2, 7) + DAY - 1 };

let db: LapseDb;
beforeEach(async () => {
  db = await openTestDb();
});
afterEach(() => db.close());

async function seed(...records: InvitationRecord[]): Promise<void> {
  const tx = db.transaction('invitations', 'readwrite');
  await Promise.all([...records.map((r) => tx.store.put({ ...r, account: '' })), tx.done]);
}

async function ledger(): Promise<Map<string, InvitationRecord>> {
  return new Map((await getAllRecords(db)).map((r) => [r.id, r]));
}

/** The sample export: Invitations.csv (Ada, Bob, Zoë out; Linus in) and Connections.csv (Ada, Linus). */
function sampleExport(): LinkedInExport {
  return readExport([
    { name: 'Invitations.csv', bytes: fixtureBytes('Invitations.csv') },
    { name: 'Connections.csv', bytes: fixtureBytes('Connections.csv') },
  ]);
}

/** Ada as the Sent page left her: "Sent 1 week ago" read on 8 March, with the user's own note. */
const adaFromScan = () =>
  record('ada-lovelace', {
    name: 'Ada Lovelace',
    headline: 'Mathematician',
    sentLabel: 'Sent 1 week ago',
    sent: { earliest: Date.UTC(2026, 1, 22), latest: Date.UTC(2026, 2, 5, 12) },
    firstSeenAt: Date.UTC(2026, 2, 8),
    lastSeenAt: Date.UTC(2026, 2, 8),
    statusChangedAt: Date.UTC(2026, 2, 8),
    note: 'Met at the engine society',
    hidden: true,
  });

/** These exports share people with the ledger, so they are never held to ask whose they are. */
async function applyLinkedInExport(...args: Parameters<typeof applyOrAsk>): Promise<LinkedInImportReport> {
  const report = await applyOrAsk(...args);
  if ('needsAccount' in report) throw new Error('asked whose export it is');
  return report;
}

describe("merging LinkedIn's export into the ledger", () => {
  it('pins the send time to the exported minute and keeps the invitation note, the user note and hidden', async () => {
    await seed(adaFromScan());
    const data = readExport([{ name: 'Invitations.csv', bytes: fixtureBytes('Invitations.csv') }]);
    const report = await applyLinkedInExport(db, data, NOW);
    const ada = (await ledger()).get('ada-lovelace');
    expect(ada).toMatchObject({
      sent: ADA_MINUTE,
      conflicts: [],
      inviteMessage: 'Hi Ada, loved your talk on engines 🚂\r\nWould be great to connect.',
      note: 'Met at the engine society',
      hidden: true,
      headline: 'Mathematician',
      status: 'pending',
    });
    expect(report).toMatchObject({ matched: 1, added: 2 });
  });

  it('lets the exact export win over a contradicting label, and records the contradiction', async () => {
    const wrongLabel = { earliest: Date.UTC(2026, 1, 1), latest: Date.UTC(2026, 1, 20) };
    await seed({ ...adaFromScan(), sent: wrongLabel });
    await applyLinkedInExport(db, sampleExport(), NOW);
    const ada = (await ledger()).get('ada-lovelace');
    expect(ada?.sent).toEqual(ADA_MINUTE);
    expect(ada?.conflicts).toEqual([{ at: NOW, kept: ADA_MINUTE, rejected: wrongLabel }]);
  });

  it('skips an exported invitation older than the one in the ledger (the person was invited again since)', async () => {
    const reinvited = { earliest: Date.UTC(2026, 2, 8), latest: Date.UTC(2026, 2, 9) };
    await seed({ ...adaFromScan(), sent: reinvited });
    const report = await applyLinkedInExport(db, sampleExport(), NOW);
    expect((await ledger()).get('ada-lovelace')?.sent).toEqual(reinvited);
    expect(report.skipped).toContainEqual({ reason: 'newer-in-ledger', count: 1 });
  });

  it('adds invitations the ledger never saw as gone, with their exact minute and message', async () => {
    const report = await applyLinkedInExport(db, sampleExport(), NOW);
    const zoe = (await ledger()).get('zoë-ærø');
    expect(zoe).toMatchObject({
      name: 'Zoë Ærø 🌟',
      profileUrl: 'https://www.linkedin.com/in/zoë-ærø/',
      status: 'gone',
      statusSetBy: 'scan',
      sent: { earliest: Date.UTC(2026, 0, 15, 12, 5), latest: Date.UTC(2026, 0, 15, 12, 5) + MINUTE - 1 },
      inviteMessage: 'Bonjour Zoë — ça va ?',
      note: null,
    });
    expect(report.added).toBe(3);
  });

  it('marks a connection accepted with the day connected, and reports what it skipped and why', async () => {
    await seed(adaFromScan());
    const report = await applyLinkedInExport(db, sampleExport(), NOW);
    const records = await ledger();
    expect(records.get('ada-lovelace')).toMatchObject({
      status: 'accepted',
      statusSetBy: 'import',
      statusChangedAt: NOW,
      acceptedAt: ADA_CONNECTED,
      sent: ADA_MINUTE,
    });
    // Linus invited the user: not added, though he is a connection.
    expect(records.has('linus')).toBe(false);
    expect(report).toEqual({
      matched: 2, // Ada's invitation and Ada's connection
      added: 2, // Bob and Zoë
      changed: 3,
      skipped: expect.arrayContaining([
        { reason: 'incoming', count: 1 },
        { reason: 'no-profile', count: 2 }, // the e-mail invitation, the connection without a URL
        { reason: 'not-in-ledger', count: 1 }, // Linus
      ]),
    });
    expect(report.skipped).toHaveLength(3);
  });

  it('keeps a status the user set; an accepted one gains the date', async () => {
    await seed(
      { ...adaFromScan(), status: 'withdrawn', statusSetBy: 'user', statusChangedAt: Date.UTC(2026, 2, 9) },
      record('linus', { status: 'accepted', statusSetBy: 'user', sent: null, statusChangedAt: Date.UTC(2026, 2, 3) }),
    );
    const report = await applyLinkedInExport(db, sampleExport(), NOW);
    const records = await ledger();
    expect(records.get('ada-lovelace')).toMatchObject({ status: 'withdrawn', statusSetBy: 'user' });
    expect(records.get('ada-lovelace')?.acceptedAt).toBeUndefined();
    expect(records.get('linus')).toMatchObject({
      status: 'accepted',
      statusSetBy: 'user',
      statusChangedAt: Date.UTC(2026, 2, 3),
      acceptedAt: { earliest: Date.UTC(2026, 2, 2), latest: Date.UTC(2026, 2, 2) + DAY - 1 },
    });
    expect(report.skipped).toContainEqual({ reason: 'user-status', count: 1 });
  });

  it('does not take a connection made before the invitation was sent as its acceptance', async () => {
    await seed(record('linus', { sent: { earliest: Date.UTC(2026, 2, 4), latest: Date.UTC(2026, 2, 6) } }));
    const report = await applyLinkedInExport(db, sampleExport(), NOW);
    expect((await ledger()).get('linus')).toMatchObject({ status: 'pending', statusSetBy: 'scan' });
    expect(report.skipped).toContainEqual({ reason: 'connected-before-sent', count: 1 });
  });

  it('takes the first connection after the send as the acceptance, whatever order the files come in', async () => {
    const day = (d: number) => ({ earliest: Date.UTC(2026, 2, d), latest: Date.UTC(2026, 2, d) + DAY - 1 });
    const connection = (d: number) => ({
      row: 2,
      profileUrl: 'https://www.linkedin.com/in/linus/',
      name: 'Linus',
      connected: day(d),
    });
    await seed(record('linus', { sent: { earliest: Date.UTC(2026, 2, 4), latest: Date.UTC(2026, 2, 6) } }));
    const data = { invitations: [], connections: [connection(9), connection(1), connection(6)], skipped: [] };
    await applyLinkedInExport(db, data, NOW);
    expect((await ledger()).get('linus')).toMatchObject({ status: 'accepted', acceptedAt: day(6) });
    const again = await applyLinkedInExport(db, { ...data, connections: [...data.connections].reverse() }, NOW + DAY);
    expect(again.changed).toBe(0);
  });

  it('keeps the latest of several invitations to one person', async () => {
    const at = (day: number) => ({ earliest: Date.UTC(2026, 0, day), latest: Date.UTC(2026, 0, day) + MINUTE - 1 });
    const invitation = (day: number) => ({
      row: day,
      profileUrl: 'https://www.linkedin.com/in/bob/',
      name: 'Bob',
      sent: at(day),
      message: null,
    });
    const report = await applyLinkedInExport(
      db,
      { invitations: [invitation(3), invitation(20), invitation(9)], connections: [], skipped: [] },
      NOW,
    );
    expect((await ledger()).get('bob')?.sent).toEqual(at(20));
    expect(report.skipped).toEqual([{ reason: 'older-invitation', count: 2 }]);
  });

  it('changes nothing when the same export is imported a second time', async () => {
    await seed({ ...adaFromScan(), sent: { earliest: Date.UTC(2026, 1, 1), latest: Date.UTC(2026, 1, 20) } });
    await applyLinkedInExport(db, sampleExport(), NOW);
    const first = await getAllRecords(db);
    const again = await applyLinkedInExport(db, sampleExport(), NOW + DAY);
    expect(await getAllRecords(db)).toEqual(first);
    // Ada, Bob and Zoë's invitations and Ada's connection are all found now; Linus still is not.
    expect(again).toMatchObject({ changed: 0, added: 0, matched: 4 });
  });

  it('writes nothing when one record turns out invalid: one transaction, all or nothing', async () => {
    await seed(adaFromScan());
    const before = await getAllRecords(db);
    const data = sampleExport();
    // A name the ledger refuses (over 500 characters) slipped past: the whole import must fail.
    const bad = {
      ...data,
      invitations: [
        ...data.invitations,
        { ...data.invitations[1]!, profileUrl: 'https://www.linkedin.com/in/x/', name: 'x'.repeat(501) },
      ],
    };
    await expect(applyLinkedInExport(db, bad, NOW)).rejects.toThrow(/Invalid invitation x: name/);
    expect(await getAllRecords(db)).toEqual(before);
  });
});
