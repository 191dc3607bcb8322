import browser, { type Runtime } from 'webextension-polyfill';
import { ContentMessage, type LedgerSnapshot, PageMessage, type Replies, type Reply } from '../model/messages';
import { defaultSettings } from '../model/settings';
import { parseOrThrow, ValidationError } from '../model/validate';
import { toReply } from '../shared/messaging';
import { readScan } from '../shared/scan-state';
import { loadSettings, normaliseSettings, resetSettings, saveSettings } from '../shared/settings-store';
import { getDb } from '../store/db';
import { applyLinkedInExport } from '../store/export-import';
import {
  answerAccountQuestion,
  applyConnectionsReading,
  applyReading,
  applyWithdrawObserved,
  clearLedger,
  exportBackup,
  getAllRecords,
  importBackup,
  lastReadings,
  readAccounts,
  setHidden,
  setNote,
  setStatus,
} from '../store/ledger';
import { refreshBadge } from './badge';
import { ledgerChanged } from './ledger-changed';
import { cancelScan, clearScanState, recordProgress, startScan, takeScanRequest } from './scan';
import { classifySender } from './senders';
import { forgetTabAccounts, rememberTabAccount } from './tab-accounts';

/**
 * The one message router. Every message is checked twice before anything happens: who sent it
 * (classifySender) and what it says (zod). Content scripts and extension pages have separate
 * vocabularies, so a LinkedIn page can never ask for an export or a delete.
 */
export async function handleMessage(message: unknown, sender: Runtime.MessageSender): Promise<Reply<unknown>> {
  const kind = classifySender(sender, { id: browser.runtime.id, baseUrl: browser.runtime.getURL('') });
  if (kind === null) {
    console.warn('Lapse: rejected a message from an unexpected sender', sender.url, describeType(message));
    return { ok: false, error: 'Rejected: Lapse accepts messages only from its own pages and the LinkedIn Sent page' };
  }
  return toReply(async () => {
    try {
      if (kind === 'linkedin-content') {
        const tabId = sender.tab?.id as number; // classifySender guarantees a tab
        return await handleContent(parseOrThrow(ContentMessage, message, 'message'), tabId);
      }
      return await handlePage(parseOrThrow(PageMessage, message, 'message'));
    } catch (error) {
      if (error instanceof ValidationError) console.warn(`Lapse: rejected a ${kind} message:`, error.message);
      throw error;
    }
  });
}

function describeType(message: unknown): string {
  const type = message && typeof message === 'object' ? (message as { type?: unknown }).type : undefined;
  return typeof type === 'string' ? type.slice(0, 40) : typeof message;
}

async function handleContent(message: ContentMessage, tabId: number): Promise<unknown> {
  switch (message.type) {
    case 'reading': {
      const outcome = await applyReading(await getDb(), message.reading, Date.now());
      if (outcome.account !== null) await rememberTabAccount(tabId, outcome.account);
      await ledgerChanged();
      return {
        added: outcome.added,
        updated: outcome.updated,
        markedGone: outcome.markedGone,
        ignored: message.reading.failed,
      } satisfies Replies['reading'];
    }
    case 'withdraw-observed': {
      const result = await applyWithdrawObserved(await getDb(), message.withdraw, Date.now());
      await ledgerChanged();
      return result satisfies Replies['withdraw-observed'];
    }
    case 'scan-progress':
      await recordProgress(message.progress, tabId, Date.now());
      await refreshBadge();
      return null;
    case 'scan-requested': {
      const { scan, ended } = await takeScanRequest(tabId, Date.now());
      if (ended) await refreshBadge();
      return { scan } satisfies Replies['scan-requested'];
    }
    case 'connections-reading': {
      const outcome = await applyConnectionsReading(await getDb(), message.reading);
      // The page is re-read as the user scrolls: only a reading that changed something tells the pages.
      if (outcome.changed > 0) await ledgerChanged();
      return {
        matched: outcome.matched,
        accepted: outcome.accepted,
        ignored: message.reading.failed,
      } satisfies Replies['connections-reading'];
    }
  }
}

async function handlePage(message: PageMessage): Promise<unknown> {
  const now = Date.now();
  switch (message.type) {
    case 'get-ledger': {
      const db = await getDb();
      const [records, readings, scan] = await Promise.all([
        getAllRecords(db, message.account),
        lastReadings(db, message.account),
        readScan(now),
      ]);
      return { records, ...readings, scan } satisfies LedgerSnapshot;
    }
    case 'set-status':
      await setStatus(await getDb(), message.id, message.status, now, message.account);
      await ledgerChanged(now);
      return null;
    case 'set-hidden':
      await setHidden(await getDb(), message.id, message.hidden, now, message.account);
      await ledgerChanged(now);
      return null;
    case 'set-note':
      await setNote(await getDb(), message.id, message.note, now, message.account);
      await ledgerChanged(now);
      return null;
    case 'start-scan': {
      const result = await startScan(message.tabId, now);
      await refreshBadge();
      return result satisfies Replies['start-scan'];
    }
    case 'cancel-scan':
      await cancelScan(now);
      await refreshBadge();
      return null;
    case 'export-backup': {
      const backup = await exportBackup(await getDb(), await loadSettings(), now, message.account);
      return { json: JSON.stringify(backup) } satisfies Replies['export-backup'];
    }
    case 'import-backup':
      return importAndReport(message.backup, message.into);
    case 'delete-all':
      return deleteAll();
    case 'import-linkedin-export': {
      const report = await applyLinkedInExport(await getDb(), message.export, now, message.into);
      if (!('needsAccount' in report)) await ledgerChanged(now);
      return report satisfies Replies['import-linkedin-export'];
    }
    case 'get-accounts':
      return (await readAccounts(await getDb())) satisfies Replies['get-accounts'];
    case 'answer-account-question':
      await answerAccountQuestion(await getDb(), message.different, now);
      await ledgerChanged(now);
      return null;
  }
}

/** The popup may send the file's text or the parsed object. */
function parseBackupText(backup: unknown): unknown {
  if (typeof backup !== 'string') return backup;
  try {
    return JSON.parse(backup);
  } catch {
    throw new Error('Not a Lapse backup (the file is not JSON)');
  }
}

/**
 * Merges a backup into the ledger. Its settings are restored only where the user has none of
 * their own yet (a fresh install, or after "delete all"): an import never replaces choices.
 */
async function importAndReport(backup: unknown, into: string | undefined): Promise<Replies['import-backup']> {
  const { settings, ...report } = await importBackup(await getDb(), parseBackupText(backup), Date.now(), into);
  if (settings !== undefined) {
    const current = await loadSettings();
    if (JSON.stringify(current) === JSON.stringify(defaultSettings())) await saveSettings(normaliseSettings(settings));
  }
  await ledgerChanged();
  return report;
}

/** Really everything: the ledger, the readings log, the settings and the scan state. */
async function deleteAll(): Promise<Replies['delete-all']> {
  const deleted = await clearLedger(await getDb());
  await Promise.all([resetSettings(), clearScanState(), forgetTabAccounts()]);
  await ledgerChanged();
  return { deleted };
}
