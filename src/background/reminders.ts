import browser, { type Permissions } from 'webextension-polyfill';
import { ReminderState } from '../model/reminder-state';
import type { ReminderCadence } from '../model/settings';
import { decideReminder } from '../rules/reminders';
import { resolveSettings } from '../rules/window';
import { words } from '../shared/i18n';
import { loadSettings, onSettingsChanged } from '../shared/settings-store';
import { REMINDER_STATE_KEY } from '../shared/well-known';
import { getDb } from '../store/db';
import { getAllRecords } from '../store/ledger';
import { reminderText } from './reminder-text';
import { recordNotificationForTest } from './test-hook';

/**
 * Reminders in the worker: an alarm wakes it to check (time alone moves invitations into "act
 * this week"), the pure rule decides, and a notification is shown only while the user has
 * granted the optional `notifications` permission. Without it nothing is shown and nothing fails.
 */

export const REMINDER_ALARM = 'lapse-reminders';
/** One notification id: a newer reminder replaces an unread older one instead of piling up. */
export const REMINDER_NOTIFICATION = 'lapse-reminder';
/** How often the worker checks while reminders are on; the rule decides whether to notify. */
const CHECK_EVERY_MINUTES = 60;

const NOTIFICATIONS: Permissions.AnyPermissions = { permissions: ['notifications'] };

/** Whether this browser lets Lapse show notifications now (the user may revoke it at any time). */
export async function mayNotify(): Promise<boolean> {
  try {
    return (await browser.permissions.contains(NOTIFICATIONS)) && !!browser.notifications;
  } catch {
    return false;
  }
}

async function loadState(): Promise<ReminderState | null> {
  const stored = (await browser.storage.local.get(REMINDER_STATE_KEY))[REMINDER_STATE_KEY];
  const parsed = ReminderState.safeParse(stored);
  // Nothing stored, or something broken: start again from what is in "act this week" now.
  return parsed.success ? parsed.data : null;
}

/** The alarm exists exactly while reminders are on; alarms survive worker restarts. */
async function syncAlarm(cadence: ReminderCadence): Promise<void> {
  if (cadence === 'off') {
    await browser.alarms.clear(REMINDER_ALARM);
    return;
  }
  if (!(await browser.alarms.get(REMINDER_ALARM))) {
    await browser.alarms.create(REMINDER_ALARM, { periodInMinutes: CHECK_EVERY_MINUTES });
  }
}

async function show(title: string, message: string, now: number): Promise<void> {
  // The state is saved first: should showing fail, a crossing is missed rather than announced twice.
  await browser.notifications.create(REMINDER_NOTIFICATION, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('icons/icon-128.png'),
    title,
    message,
  });
  if (__LAPSE_TEST_HOOKS__) await recordNotificationForTest({ title, message, at: now });
}

async function check(now: number): Promise<void> {
  const settings = await loadSettings();
  await syncAlarm(settings.reminders);
  if (settings.reminders === 'off') {
    await browser.storage.local.remove(REMINDER_STATE_KEY);
    return;
  }
  if (!(await mayNotify())) return;
  const records = await getAllRecords(await getDb());
  const resolved = resolveSettings(settings, records);
  const decision = decideReminder(records, resolved, await loadState(), now);
  await browser.storage.local.set({ [REMINDER_STATE_KEY]: decision.state });
  if (!decision.notify) return;
  const text = reminderText(decision.notify, resolved.warningDays, words());
  await show(text.title, text.message, now);
}

/** Checks run one at a time: an alarm and a settings change at once must not both notify. */
let queue: Promise<unknown> = Promise.resolve();

export function checkReminders(now: number = Date.now()): Promise<void> {
  const run = queue.then(() => check(now));
  queue = run.catch(() => {});
  return run;
}

/**
 * A click on the reminder opens the popup's list; where a browser cannot open the popup without
 * a click on the toolbar (Firefox, no focused window), the options page.
 */
export async function openFromNotification(id: string): Promise<void> {
  if (id !== REMINDER_NOTIFICATION) return;
  await browser.notifications.clear(id);
  try {
    await browser.action.openPopup();
  } catch {
    await browser.runtime.openOptionsPage();
  }
}

let clickListening = false;

/** The notifications API exists only once the permission is granted: listen as soon as it does. */
function listenForClicks(onError: (error: unknown) => void): void {
  if (clickListening || !browser.notifications) return;
  clickListening = true;
  browser.notifications.onClicked.addListener((id) => void openFromNotification(id).catch(onError));
}

/** Registers the reminders' listeners; the worker calls it once, synchronously, at its top level. */
export function startReminders(onError: (error: unknown) => void): void {
  const checkNow = () => void checkReminders().catch(onError);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REMINDER_ALARM) checkNow();
  });
  browser.runtime.onStartup.addListener(checkNow);
  browser.runtime.onInstalled.addListener(checkNow);
  // Turned on or off, another cadence, another window: the alarm and the state follow at once.
  onSettingsChanged(checkNow);
  listenForClicks(onError);
  browser.permissions?.onAdded?.addListener(() => {
    listenForClicks(onError);
    checkNow();
  });
}
