import browser, { type Runtime } from 'webextension-polyfill';
import { onSettingsChanged } from '../shared/settings-store';
import { DAILY_ALARM, ensureDailyAlarm, refreshBadge } from './badge';
import { handleMessage } from './handlers';
import { refreshLedgerViews } from './ledger-views';
import { startReminders } from './reminders';
import { checkScanSilence, SCAN_WATCHDOG, scanTabEnded } from './scan';
import { answerTestHook } from './test-hook';

/**
 * The MV3 background worker. It may be stopped whenever idle and woken by any of these events,
 * so every listener is registered here, synchronously, at the top level, and no state is kept
 * in memory: the ledger is in IndexedDB, scan state in storage.session, settings in storage.sync.
 */

function inBackground(task: () => Promise<unknown>): void {
  task().catch((error: unknown) => console.error('Lapse background task failed:', error));
}

// Returning the promise is how a reply is sent (webextension-polyfill).
browser.runtime.onMessage.addListener(
  (message: unknown, sender: Runtime.MessageSender): Promise<unknown> =>
    (__LAPSE_TEST_HOOKS__ ? answerTestHook(message, sender) : null) ?? handleMessage(message, sender),
);

// Installed or updated, started, a day later, settings changed: the badge is recomputed.
browser.runtime.onInstalled.addListener(() => {
  inBackground(ensureDailyAlarm);
  inBackground(() => refreshLedgerViews());
});
browser.runtime.onStartup.addListener(() => {
  inBackground(ensureDailyAlarm);
  inBackground(() => refreshLedgerViews());
});
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === DAILY_ALARM) inBackground(() => refreshLedgerViews());
  if (alarm.name === SCAN_WATCHDOG) {
    inBackground(async () => {
      if (await checkScanSilence(Date.now())) await refreshBadge();
    });
  }
});
onSettingsChanged(() => inBackground(() => refreshLedgerViews()));
startReminders((error) => console.error('Lapse reminder failed:', error));
browser.tabs.onRemoved.addListener((tabId) => {
  inBackground(async () => {
    if (await scanTabEnded(tabId, Date.now())) await refreshBadge();
  });
});
