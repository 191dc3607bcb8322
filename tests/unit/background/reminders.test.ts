import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeSharedDb } from '../../../src/store/db';
import { DAY, person, reading, T0 } from '../store/builders';
import { createFakeBrowser, type FakeBrowser, LINKEDIN_SENDER } from './fake-browser';

const fake = vi.hoisted(() => ({ browser: null as unknown as FakeBrowser & Record<string, unknown> }));
vi.mock('webextension-polyfill', () => ({
  default: new Proxy({}, { get: (_, key) => (fake.browser as unknown as Record<string | symbol, unknown>)[key] }),
}));

const { handleMessage } = await import('../../../src/background/handlers');
const { saveSettings } = await import('../../../src/shared/settings-store');

/** Sent ~24 weeks before T0: six months run out within the 14-day warning ("act this week"). */
const nearing = (slug: string, name: string) =>
  person(slug, T0, {
    name,
    sent: { earliest: T0 - 172 * DAY, latest: T0 - 171 * DAY },
    sentLabel: 'Sent 5 months ago',
  });

/** The browser's notifications and permissions, as the worker sees them once the user granted (or not). */
function withNotifications(granted: boolean) {
  const shown: { id: string; title: string; message: string }[] = [];
  fake.browser.permissions = {
    contains: vi.fn(async () => granted),
    onAdded: { addListener: vi.fn() },
  };
  fake.browser.notifications = granted
    ? {
        create: vi.fn(async (id: string, options: { title: string; message: string }) => {
          shown.push({ id, title: options.title, message: options.message });
          return id;
        }),
        clear: vi.fn(async () => true),
        onClicked: { addListener: vi.fn() },
      }
    : undefined;
  return shown;
}

/** A fresh worker: its modules loaded again, only storage, alarms and the database kept. */
async function freshWorker() {
  vi.resetModules();
  closeSharedDb();
  return import('../../../src/background/reminders');
}

async function scan(people: ReturnType<typeof person>[]) {
  const reply = await handleMessage(
    { type: 'reading', reading: reading(Date.now(), people) },
    LINKEDIN_SENDER as never,
  );
  if (!reply.ok) throw new Error(reply.error);
}

beforeEach(() => {
  fake.browser = createFakeBrowser() as FakeBrowser & Record<string, unknown>;
  globalThis.indexedDB = new IDBFactory();
  closeSharedDb();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
});
afterEach(() => {
  closeSharedDb();
  vi.useRealTimers();
});

describe('reminders in the worker', () => {
  it('are off by default: nothing shown, no alarm, even with the permission granted', async () => {
    const shown = withNotifications(true);
    await scan([nearing('ada', 'Ada Lovelace')]);
    const { checkReminders, REMINDER_ALARM } = await freshWorker();
    await checkReminders(T0);
    await scan([nearing('ada', 'Ada Lovelace'), nearing('li', 'Li Wei')]);
    await checkReminders(T0 + DAY);
    expect(shown).toEqual([]);
    expect(fake.browser.alarmsSet.has(REMINDER_ALARM)).toBe(false);
  });

  it('without the permission show nothing and fail nothing', async () => {
    const shown = withNotifications(false);
    await saveSettings({ reminders: 'daily' });
    const { checkReminders } = await freshWorker();
    await checkReminders(T0);
    await scan([nearing('ada', 'Ada Lovelace')]);
    await expect(checkReminders(T0 + DAY)).resolves.toBeUndefined();
    expect(shown).toEqual([]);
  });

  it('announce a new crossing once, across worker restarts, at most one a day', async () => {
    const shown = withNotifications(true);
    await scan([nearing('old', 'Already Near')]);
    await saveSettings({ reminders: 'daily' });
    let worker = await freshWorker();
    // Turned on: what is already in "act this week" is known, not announced; the alarm is set.
    await worker.checkReminders(T0);
    expect(shown).toEqual([]);
    expect(fake.browser.alarmsSet.get(worker.REMINDER_ALARM)).toEqual({ periodInMinutes: 60 });

    const later = T0 + 2 * 3_600_000;
    vi.setSystemTime(later);
    await scan([nearing('old', 'Already Near'), nearing('amara', 'Amara Okafor'), nearing('li', 'Li Wei')]);
    await worker.checkReminders(later);
    expect(shown).toEqual([
      {
        id: 'lapse-reminder',
        title: '2 invitations to act on this week',
        message: 'Could lapse within 14 days: Amara Okafor and Li Wei',
      },
    ]);

    // The worker stops and starts again (state in storage.local): the same crossing stays told.
    worker = await freshWorker();
    await worker.checkReminders(later + 3_600_000);
    // Another crossing the same day waits for tomorrow.
    await scan([
      nearing('old', 'Already Near'),
      nearing('amara', 'Amara Okafor'),
      nearing('li', 'Li Wei'),
      nearing('sam', 'Sam Roe'),
    ]);
    await worker.checkReminders(later + 4 * 3_600_000);
    expect(shown).toHaveLength(1);
    worker = await freshWorker();
    await worker.checkReminders(T0 + DAY);
    expect(shown.map((s) => s.message)).toEqual([
      'Could lapse within 14 days: Amara Okafor and Li Wei',
      'Could lapse within 14 days: Sam Roe',
    ]);
  });

  it('turned off, clear the alarm and forget what they announced', async () => {
    withNotifications(true);
    await saveSettings({ reminders: 'weekly' });
    const worker = await freshWorker();
    await worker.checkReminders(T0);
    expect(fake.browser.alarmsSet.has(worker.REMINDER_ALARM)).toBe(true);
    expect(fake.browser.storage.local.data.has('reminderState')).toBe(true);
    await saveSettings({ reminders: 'off' });
    await worker.checkReminders(T0 + 1000);
    expect(fake.browser.alarmsSet.has(worker.REMINDER_ALARM)).toBe(false);
    expect(fake.browser.storage.local.data.has('reminderState')).toBe(false);
  });

  it('open the popup on a click, or the options page where the popup cannot open', async () => {
    withNotifications(true);
    const openPopup = vi.fn(async () => {});
    const openOptionsPage = vi.fn(async () => {});
    Object.assign(fake.browser.action, { openPopup });
    Object.assign(fake.browser.runtime, { openOptionsPage });
    const worker = await freshWorker();
    await worker.openFromNotification(worker.REMINDER_NOTIFICATION);
    expect(openPopup).toHaveBeenCalledOnce();
    expect(openOptionsPage).not.toHaveBeenCalled();
    openPopup.mockRejectedValueOnce(new Error('openPopup needs a user gesture'));
    await worker.openFromNotification(worker.REMINDER_NOTIFICATION);
    expect(openOptionsPage).toHaveBeenCalledOnce();
  });
});
