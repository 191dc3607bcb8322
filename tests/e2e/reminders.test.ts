import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { addMonths, subDays } from 'date-fns';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, extensionArgs } from '../../scripts/lib/chromium.mjs';
import { renderSentPage } from '../fixtures/sent-page';
import { artifactsOnFailure, type Lapse, launchLapse } from './harness';
import { ageLabelFor, archive } from './outreach-pages';
import { person } from './pages';

/** The `chrome` global inside the service worker, for `evaluate`. */
declare const chrome: {
  permissions: { contains(p: object): Promise<boolean> };
  alarms: { get(name: string): Promise<{ periodInMinutes?: number } | undefined> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

/**
 * Reminders in a real Chromium: the options page asks for the optional notifications permission
 * when the user turns them on, and the worker shows one notification when invitations cross into
 * "act this week". A browser gives no way to read notifications, so this runs the test build
 * (`npm run build:test` → dist-test/), whose worker also lists what it showed.
 */
const DIST_TEST = resolve('dist-test');
const NOTIFICATIONS = { permissions: ['notifications'] };

/**
 * A profile in which the user once granted Lapse notifications: Chromium then grants a later
 * request without its dialog, which a headless browser could not show. The permission is not
 * active until Lapse asks for it again.
 */
async function profileThatGrantedNotificationsBefore(): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), 'lapse-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: extensionArgs(DIST_TEST, true),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  await context.close();
  const file = join(profile, 'Default', 'Preferences');
  const preferences = JSON.parse(readFileSync(file, 'utf8'));
  preferences.extensions.settings[id].runtime_granted_permissions = {
    api: ['notifications'],
    explicit_host: [],
    manifest_permissions: [],
    scriptable_host: [],
  };
  writeFileSync(file, JSON.stringify(preferences));
  return profile;
}

/** LinkedIn's export writes "3/5/26, 1:45 AM", in UTC. */
function exportDate(at: number): string {
  const d = new Date(at);
  const hours = d.getUTCHours();
  const minutes = String(d.getUTCMinutes()).padStart(2, '0');
  const clock = `${hours % 12 === 0 ? 12 : hours % 12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`;
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${String(d.getUTCFullYear()).slice(2)}, ${clock}`;
}

/** Sent so that its six-month window closes `closesInDays` days after `now`, to the minute. */
const sentClosingIn = (now: number, closesInDays: number) =>
  Math.floor(addMonths(subDays(now, -closesInDays), -6).getTime() / 60_000) * 60_000;

/** Listed on the Sent page (so pending), then pinned to its minute by the data export. */
const PEOPLE = [
  { slug: 'already-near', name: 'Already Near', closesInDays: 5 },
  { slug: 'amara-okafor', name: 'Amara Okafor', closesInDays: 20 },
  { slug: 'li-wei', name: 'Li Wei', closesInDays: 22 },
];

function exportRow(name: string, slug: string, sent: number): string {
  return `Grace Hopper,${name},"${exportDate(sent)}",,OUTGOING,https://www.linkedin.com/in/grace-hopper,https://www.linkedin.com/in/${slug}`;
}

let lapse: Lapse | undefined;
beforeAll(async () => {
  if (!existsSync(join(DIST_TEST, 'manifest.json'))) {
    throw new Error(`${DIST_TEST} is missing: build it with "npm run build:test" (npm test does this).`);
  }
  lapse = await launchLapse({ dist: DIST_TEST, profile: await profileThatGrantedNotificationsBefore() });
});
afterAll(async () => {
  await lapse?.close();
});
artifactsOnFailure(() => lapse);

/**
 * What the worker showed, asked of the test build's hook from an extension page (the hook is no
 * part of the message protocol, so the harness's typed sender does not know it).
 */
async function shown(): Promise<{ title: string; message: string }[]> {
  const page = (lapse as Lapse).context.pages().find((p) => p.url().startsWith('chrome-extension://'));
  if (!page) throw new Error('No extension page open to ask the test hook from');
  const reply = (await page.evaluate(() => chrome.runtime.sendMessage({ type: 'lapse-test-notifications' }))) as {
    ok: boolean;
    value?: { title: string; message: string }[];
    error?: string;
  };
  if (!reply.ok || !reply.value) throw new Error(`The test hook did not answer: ${reply.error}`);
  return reply.value;
}

describe('reminders', () => {
  it('ask for the permission when turned on, and notify once when invitations cross into "act this week"', async () => {
    const l = lapse as Lapse;
    const mayNotify = () => l.worker.evaluate((p) => chrome.permissions.contains(p), NOTIFICATIONS);
    expect(await mayNotify()).toBe(false);

    // Already within the 14-day warning; 20 and 22 days left: not yet.
    const now = Date.now();
    const people = PEOPLE.map((p) => ({ ...p, sent: sentClosingIn(now, p.closesInDays) }));
    const page = await l.openLinkedIn(
      renderSentPage({
        people: people.map((p) => person(p.slug, p.name, ageLabelFor(p.sent, now))),
        signedIn: { slug: 'grace-hopper' },
      }),
    );
    await expect.poll(async () => (await l.ledger()).records.length, { timeout: 20_000 }).toBe(people.length);
    await page.close();
    const csv = [
      'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl',
      ...people.map((p) => exportRow(p.name, p.slug, p.sent)),
    ].join('\n');
    const options = await l.openOptions();
    await options
      .getByRole('button', { name: /Choose export files/ })
      .setInputFiles(archive({ 'Invitations.csv': csv, 'Profile.csv': 'First Name,Last Name\nGrace,Hopper\n' }));
    await expect
      .poll(() => options.locator('.report[role="status"]').textContent(), { timeout: 15_000 })
      .toContain('Imported from');

    // A click, not check(): the choice shows as made only once the permission request has answered.
    const daily = options.getByRole('radio', { name: 'At most one a day' });
    await daily.click();
    await expect.poll(() => daily.isChecked()).toBe(true);
    await expect.poll(mayNotify).toBe(true);
    const alarm = await l.worker.evaluate(() => chrome.alarms.get('lapse-reminders'));
    expect(alarm?.periodInMinutes).toBe(60);
    // Turned on: what already needs acting on is known; nothing is announced.
    await expect
      .poll(() => l.worker.evaluate(() => chrome.storage.local.get('reminderState')))
      .toMatchObject({ reminderState: { announced: ['already-near'] } });
    expect(await shown()).toEqual([]);

    // A wider warning window: Amara and Li now could lapse within it.
    const warning = options.getByLabel('Warn before expiry');
    await warning.fill('30');
    await expect.poll(shown, { timeout: 10_000 }).toHaveLength(1);
    expect(await shown()).toEqual([
      expect.objectContaining({
        title: '2 invitations to act on this week',
        message: 'Could lapse within 30 days: Amara Okafor and Li Wei',
      }),
    ]);

    // Another change, and the worker checks again: the same crossing is not announced twice.
    await warning.fill('31');
    await expect
      .poll(() => l.worker.evaluate(() => chrome.storage.local.get('reminderState')))
      .toMatchObject({ reminderState: { announced: expect.arrayContaining(['amara-okafor', 'li-wei']) } });
    await options.waitForTimeout(1_000);
    expect(await shown()).toHaveLength(1);
  });
});
