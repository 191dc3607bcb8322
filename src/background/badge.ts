import browser from 'webextension-polyfill';
import type { InvitationRecord } from '../model/invitation';
import type { Settings } from '../model/settings';
import { words } from '../shared/i18n';
import { readScan } from '../shared/scan-state';
import { loadSettings } from '../shared/settings-store';
import { getDb } from '../store/db';
import { getAllRecords } from '../store/ledger';
import { type BadgeView, recountBadge, scanBadge } from './badge-count';

/** Recounted once a day: ages grow while nobody scans, and the badge must follow. */
export const DAILY_ALARM = 'lapse-daily-badge';

async function show(view: BadgeView): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ text: view.text }),
    browser.action.setBadgeBackgroundColor({ color: view.color }),
    // Older Chrome lacks setBadgeTextColor; the default text colour is then kept.
    browser.action.setBadgeTextColor?.({ color: '#FFFFFF' }),
    browser.action.setTitle({ title: view.title || browser.i18n.getMessage('extName') || 'Lapse' }),
  ]);
}

async function readLedger(): Promise<{ records: InvitationRecord[]; settings: Settings }> {
  const [db, settings] = await Promise.all([getDb(), loadSettings()]);
  return { records: await getAllRecords(db), settings };
}

/** Redraws the badge from the ledger (or the scan in progress). Call after anything that may change it. */
export async function refreshBadge(
  now = Date.now(),
  ledger?: { records: readonly InvitationRecord[]; settings: Settings },
): Promise<BadgeView> {
  const scan = await readScan(now);
  if (scan?.state === 'running') {
    const view = scanBadge(scan, words());
    await show(view);
    return view;
  }
  const { records, settings } = ledger ?? (await readLedger());
  const view = recountBadge(records, settings, now, words());
  await show(view);
  return view;
}

/** Alarms survive worker restarts but not always browser updates; create it when missing. */
export async function ensureDailyAlarm(): Promise<void> {
  if (await browser.alarms.get(DAILY_ALARM)) return;
  await browser.alarms.create(DAILY_ALARM, { periodInMinutes: 24 * 60 });
}
