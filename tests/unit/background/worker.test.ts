import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../../../src/store/backup';
import { backupBlob } from '../../../src/store/backup-stream';
import { closeSharedDb, getDb } from '../../../src/store/db';
import { DAY, person, reading, T0 } from '../store/builders';
import { createFakeBrowser, type FakeBrowser, LINKEDIN_SENDER, POPUP_SENDER } from './fake-browser';

const fake = vi.hoisted(() => ({ browser: null as unknown as FakeBrowser }));
vi.mock('webextension-polyfill', () => ({
  default: new Proxy({}, { get: (_, key) => (fake.browser as unknown as Record<string | symbol, unknown>)[key] }),
}));

const { handleMessage } = await import('../../../src/background/handlers');
const { BADGE_COLORS } = await import('../../../src/background/badge-count');
const { saveSettings } = await import('../../../src/shared/settings-store');

const send = (message: unknown, sender: object = POPUP_SENDER) => handleMessage(message, sender as never);
const ledger = async () => {
  const reply = await send({ type: 'get-ledger' });
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as { records: { id: string; status: string }[]; scan: unknown };
};

/** Sent 24–25 weeks ago: older than 3 weeks, and six months run out within the 14-day warning. */
const nearing = (slug: string) =>
  person(slug, T0, { sent: { earliest: T0 - 175 * DAY, latest: T0 - 170 * DAY }, sentLabel: 'Sent 5 months ago' });
const fresh = (slug: string) =>
  person(slug, T0, { sent: { earliest: T0 - 2 * DAY, latest: T0 - DAY }, sentLabel: 'Sent 2 days ago' });
const month = (slug: string) =>
  person(slug, T0, { sent: { earliest: T0 - 50 * DAY, latest: T0 - 30 * DAY }, sentLabel: 'Sent 1 month ago' });

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  fake.browser = createFakeBrowser();
  globalThis.indexedDB = new IDBFactory();
  closeSharedDb();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  closeSharedDb();
  vi.useRealTimers();
  warn.mockRestore();
});

describe('who may send what', () => {
  it('merges a reading from the content script on LinkedIn', async () => {
    const reply = await send({ type: 'reading', reading: reading(T0, [fresh('ada')]) }, LINKEDIN_SENDER);
    expect(reply).toEqual({ ok: true, value: { added: 1, updated: 0, markedGone: 0, ignored: false } });
    expect((await ledger()).records.map((r) => r.id)).toEqual(['ada']);
  });

  it('rejects a reading sent from an extension page, naming the field, and stores nothing', async () => {
    const reply = await send({ type: 'reading', reading: reading(T0, [fresh('ada')]) }, POPUP_SENDER);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(/type/);
    expect((await ledger()).records).toEqual([]);
    expect(warn).toHaveBeenCalled();
  });

  it.each([
    ['another site', { ...LINKEDIN_SENDER, url: 'https://evil.example/mynetwork/' }],
    ['a look-alike host', { ...LINKEDIN_SENDER, url: 'https://www.linkedin.com.evil.example/' }],
    ['another extension', { ...LINKEDIN_SENDER, id: 'someone-else' }],
    ['no tab', { id: 'lapse-test-id', url: LINKEDIN_SENDER.url }],
  ])('rejects and logs a reading from %s, and stores nothing', async (_, sender) => {
    const reply = await send({ type: 'reading', reading: reading(T0, [fresh('ada')]) }, sender);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^Rejected/) });
    expect(warn).toHaveBeenCalled();
    expect((await ledger()).records).toEqual([]);
  });

  it('never lets a LinkedIn page delete, read or restore the ledger', async () => {
    await send({ type: 'reading', reading: reading(T0, [fresh('ada')]) }, LINKEDIN_SENDER);
    expect((await send({ type: 'delete-all' }, LINKEDIN_SENDER)).ok).toBe(false);
    expect((await send({ type: 'get-ledger' }, LINKEDIN_SENDER)).ok).toBe(false);
    const backup = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: T0, invitations: [], readings: [] };
    expect((await send({ type: 'import-backup', backup }, LINKEDIN_SENDER)).ok).toBe(false);
    expect((await ledger()).records).toHaveLength(1);
  });

  it('rejects a malformed reading with an error naming the bad field', async () => {
    const bad = { ...reading(T0, [fresh('ada')]), observedAt: 'yesterday' };
    const reply = await send({ type: 'reading', reading: bad }, LINKEDIN_SENDER);
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('reading.observedAt') });
    expect((await ledger()).records).toEqual([]);
  });
});

describe('open popups hear about every change', () => {
  const version = async () => (await fake.browser.storage.local.get('ledgerVersion')).ledgerVersion;

  it('an edit of an invitation deleted meanwhile (another window) fails in words, and changes nothing', async () => {
    await send({ type: 'reading', reading: reading(T0, [fresh('ada')]) }, LINKEDIN_SENDER);
    await send({ type: 'delete-all' });
    const reply = await send({ type: 'set-note', id: 'ada', note: 'met at the meetup' });
    expect(reply).toEqual({ ok: false, error: 'This invitation is no longer in your ledger.' });
    expect((await ledger()).records).toEqual([]);
  });

  it('a snooze or follow-up whose date went by while its form was open is refused in words', async () => {
    await send({ type: 'reading', reading: reading(T0, [fresh('ada')]) }, LINKEDIN_SENDER);
    expect(await send({ type: 'snooze', id: 'ada', until: T0 - DAY })).toEqual({
      ok: false,
      error: 'A snooze must end in the future.',
    });
    expect(await send({ type: 'log-follow-up', id: 'ada', followUp: { at: T0 + 2 * DAY } })).toEqual({
      ok: false,
      error: 'A follow-up cannot be dated in the future.',
    });
  });

  it('bumps the ledger version after a reading, a user edit and a delete, so an open popup re-reads', async () => {
    expect(await version()).toBeUndefined();
    await send({ type: 'reading', reading: reading(T0, [fresh('ada')]) }, LINKEDIN_SENDER);
    const afterReading = await version();
    expect(afterReading).toEqual(expect.any(Number));

    vi.setSystemTime(T0 + 1000);
    await send({ type: 'set-note', id: 'ada', note: 'met at the meetup' });
    const afterNote = await version();
    expect(afterNote).not.toEqual(afterReading);

    vi.setSystemTime(T0 + 2000);
    await send({ type: 'delete-all' });
    expect(await version()).not.toEqual(afterNote);
  });
});

describe('badge', () => {
  it('counts pending invitations older than 3 weeks, turns amber when one is nearing, and says so', async () => {
    await send({ type: 'reading', reading: reading(T0, [nearing('ada'), month('bob'), fresh('cy')]) }, LINKEDIN_SENDER);
    expect(fake.browser.badge).toEqual({
      text: '2',
      color: BADGE_COLORS.warning,
      title: '2 pending invitations older than 3 weeks · 1 to act on this week (could lapse within 14 days)',
    });
  });

  it('is empty and calm when nothing is old enough, and follows user edits', async () => {
    await send({ type: 'reading', reading: reading(T0, [month('bob'), fresh('cy')]) }, LINKEDIN_SENDER);
    expect(fake.browser.badge).toMatchObject({
      text: '1',
      color: BADGE_COLORS.normal,
      title: '1 pending invitation older than 3 weeks',
    });
    await send({ type: 'set-status', id: 'bob', status: 'accepted' });
    // An edit is answered once stored; the badge follows it.
    await vi.waitFor(() =>
      expect(fake.browser.badge).toMatchObject({ text: '', title: 'Lapse: no pending invitation older than 3 weeks' }),
    );
  });

  it('recounts when the settings change, in any context', async () => {
    await import('../../../src/background/index');
    await send({ type: 'reading', reading: reading(T0, [month('bob'), fresh('cy')]) }, LINKEDIN_SENDER);
    expect(fake.browser.badge.text).toBe('1');
    await saveSettings({ badgeWeeks: 8 });
    await vi.waitFor(() => expect(fake.browser.badge.title).toBe('Lapse: no pending invitation older than 8 weeks'));
    expect(fake.browser.badge.text).toBe('');
  });

  it('creates the daily recount alarm once, at install', async () => {
    vi.resetModules(); // registers the listeners on this test's browser
    await import('../../../src/background/index');
    fake.browser.runtime.onInstalled.fire({ reason: 'install' });
    await vi.waitFor(() => expect(fake.browser.alarms.create).toHaveBeenCalledTimes(1));
    fake.browser.runtime.onStartup.fire();
    await vi.waitFor(() => expect(fake.browser.alarms.get).toHaveBeenCalledTimes(2));
    expect(fake.browser.alarms.create).toHaveBeenCalledTimes(1);
  });
});

describe('after every ledger change', () => {
  const badgeText = () => fake.browser.badge.text;
  const version = async () => (await fake.browser.storage.local.get('ledgerVersion')).ledgerVersion;

  it('bumps the version that tells open pages to re-read, and redraws the badge from the new counts', async () => {
    await send({ type: 'reading', reading: reading(T0, [nearing('ada'), month('bob'), fresh('cy')]) }, LINKEDIN_SENDER);
    expect(await version()).toBe(T0);
    // Older than 3 weeks: ada and bob.
    expect(badgeText()).toBe('2');
    vi.setSystemTime(T0 + 1000);
    await send({ type: 'set-status', id: 'ada', status: 'accepted' });
    // An edit is answered once stored; the version and the badge follow it.
    await vi.waitFor(async () => expect(await version()).toBe(T0 + 1000));
    await vi.waitFor(() => expect(badgeText()).toBe('1'));
  });

  it('ends with the newest ledger when changes overlap, however slow an earlier badge write is', async () => {
    await send({ type: 'reading', reading: reading(T0, [nearing('ada'), month('bob')]) }, LINKEDIN_SENDER);
    // The test decides when each step has run as far as it can: fake-indexeddb's tasks
    // (setImmediate) go on the fake clock too, so a step is over when no fake timer is left —
    // no polling, no guess at a duration.
    vi.useFakeTimers({ toFake: ['Date', 'setImmediate'] });
    const setBadgeText = fake.browser.action.setBadgeText.getMockImplementation()!;
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    fake.browser.action.setBadgeText.mockImplementationOnce(async (details) => {
      await held;
      return setBadgeText(details);
    });
    vi.setSystemTime(T0 + 1000);
    const first = send({ type: 'set-note', id: 'ada', note: 'met at the meetup' });
    await vi.runAllTimersAsync();
    // The first change is written and its badge (ada still pending: "2") is on its way, held.
    expect(fake.browser.action.setBadgeText).toHaveBeenCalledTimes(2);
    vi.setSystemTime(T0 + 2000);
    const second = send({ type: 'set-status', id: 'ada', status: 'accepted' });
    await vi.runAllTimersAsync();
    release();
    await vi.runAllTimersAsync();
    await Promise.all([first, second]);
    await vi.runAllTimersAsync();
    expect(fake.browser.action.setBadgeText).toHaveBeenCalledTimes(3);
    expect(await version()).toBe(T0 + 2000);
    expect(badgeText()).toBe('1');
  });
});

describe('scan all', () => {
  it('opens the Sent page when the user is elsewhere and hands that tab the request exactly once', async () => {
    expect(await send({ type: 'start-scan', tabId: null })).toEqual({ ok: true, value: { tabId: 77 } });
    expect(fake.browser.tabs.create).toHaveBeenCalledWith({
      url: 'https://www.linkedin.com/mynetwork/invitation-manager/sent/',
      active: true,
    });
    const other = { ...LINKEDIN_SENDER, tab: { id: 5 } };
    expect(await send({ type: 'scan-requested' }, other)).toEqual({ ok: true, value: { scan: false } });
    const opened = { ...LINKEDIN_SENDER, tab: { id: 77 } };
    expect(await send({ type: 'scan-requested' }, opened)).toEqual({ ok: true, value: { scan: true } });
    expect(await send({ type: 'scan-requested' }, opened)).toEqual({ ok: true, value: { scan: false } });
  });

  it('shows progress on the badge and to the popup, and cancels through the scanning tab', async () => {
    await send({ type: 'start-scan', tabId: 12 });
    expect(fake.browser.tabs.sendMessage).toHaveBeenCalledWith(12, { type: 'scan-start' });
    const progress = { state: 'running', read: 40, total: 120, startedAt: T0, updatedAt: T0, message: null };
    await send({ type: 'scan-progress', progress }, LINKEDIN_SENDER);
    expect(fake.browser.badge).toMatchObject({ text: '…', title: 'Scanning 40 of 120' });
    expect((await ledger()).scan).toEqual(progress);

    fake.browser.tabs.sendMessage.mockResolvedValueOnce({ ok: true, value: null });
    await send({ type: 'cancel-scan' });
    expect(fake.browser.tabs.sendMessage).toHaveBeenLastCalledWith(12, { type: 'scan-cancel' });
    expect((await ledger()).scan).toMatchObject({ state: 'cancelled', read: 40 });
    expect(fake.browser.badge.text).toBe('');
  });

  it.each([
    ['not-sent-page', 'The tab no longer shows your Sent invitations: open the Sent page and try again.'],
    ['already-running', 'A scan is already running on the Sent page.'],
  ])('reports why the Sent page could not start (%s), in the user’s words', async (reason, error) => {
    fake.browser.tabs.sendMessage.mockResolvedValueOnce({ ok: true, value: { started: false, reason } });
    expect(await send({ type: 'start-scan', tabId: 12 })).toEqual({ ok: false, error });
  });
});

describe('backup and delete all', () => {
  it('backup (as the options page writes it) → delete all → import gives back the same ledger', async () => {
    await send({ type: 'reading', reading: reading(T0, [nearing('ada'), month('bob')]) }, LINKEDIN_SENDER);
    await send({ type: 'set-note', id: 'bob', note: 'Coffee in May' });
    const file = await backupBlob(await getDb(), { settings: {}, now: T0 });
    const before = await ledger();

    expect(await send({ type: 'delete-all' })).toEqual({ ok: true, value: { deleted: 2 } });
    expect((await ledger()).records).toEqual([]);

    const reply = await send({ type: 'import-backup', backup: await file.text() });
    expect(reply).toEqual({ ok: true, value: { imported: 2, unchanged: 0, rejected: [] } });
    expect(await ledger()).toEqual({ ...before, scan: null });
  });

  it('delete all removes the settings and the scan state too', async () => {
    await saveSettings({ badgeWeeks: 6 });
    await send({ type: 'start-scan', tabId: 12 });
    await send({ type: 'delete-all' });
    expect(fake.browser.storage.sync.data.size).toBe(0);
    expect(fake.browser.storage.session.data.size).toBe(0);
  });
});
