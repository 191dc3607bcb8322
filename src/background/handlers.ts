import browser, { type Runtime } from 'webextension-polyfill';
import * as z from 'zod/mini';
import { ContentMessage, type ImportReport, PageMessage, type Replies, type Reply } from '../model/messages';
import type { MessageOf } from '../model/protocol';
import { defaultSettings } from '../model/settings';
import { parseOrThrow, ValidationError } from '../model/validate';
import { toReply } from '../shared/messaging';
import { readScan } from '../shared/scan-state';
import { loadSettings, normaliseSettings, resetSettings, saveSettings } from '../shared/settings-store';
import { parseEnvelope } from '../store/backup';
import { getDb } from '../store/db';
import { EditRefused } from '../store/edit-refused';
import { applyLinkedInExport } from '../store/export-import';
import {
  answerAccountQuestion,
  applyConnectionsReading,
  applyReading,
  applyWithdrawObserved,
  clearLedger,
  getAllRecords,
  importBackup,
  importBackupRows,
  lastReadings,
  logFollowUp,
  readAccounts,
  setHidden,
  setNote,
  setSnooze,
  setStatus,
  undoFollowUp,
} from '../store/ledger';
import { refreshBadge } from './badge';
import { editRefusalText } from './edit-refusal-text';
import { ledgerChanged } from './ledger-views';

/**
 * After a user's edit to one record: the reply goes as soon as the edit is stored (the page that
 * asked reads it back at once); the new ledger version and the badge follow in the background.
 */
function edited(now: number): null {
  ledgerChanged(now).catch((error: unknown) => console.error('Lapse could not refresh after an edit:', error));
  return null;
}

import { cancelScan, clearScanState, recordProgress, startScan, takeScanRequest } from './scan';
import { classifySender } from './senders';
import { forgetTabAccounts, rememberTabAccount } from './tab-accounts';

/**
 * The one message router. Every message is checked twice before anything happens: who sent it
 * (classifySender) and what it says (zod). Content scripts and extension pages have separate
 * vocabularies, so a LinkedIn page can never ask for an export or a delete.
 */
export async function handleMessage(message: unknown, sender: Runtime.MessageSender): Promise<Reply<AnyReply>> {
  const kind = classifySender(sender, { id: browser.runtime.id, baseUrl: browser.runtime.getURL('') });
  if (kind === null) {
    console.warn('Lapse: rejected a message from an unexpected sender', sender.url, describeType(message));
    return { ok: false, error: 'Rejected: Lapse accepts messages only from its own pages and the LinkedIn Sent page' };
  }
  return toReply(async () => {
    try {
      if (kind === 'linkedin-content') {
        const tabId = sender.tab?.id;
        if (tabId === undefined) throw new Error('Rejected: a LinkedIn message from no tab'); // classifySender checked
        return await handleContent(parseOrThrow(ContentMessage, message, 'message'), tabId);
      }
      return await handlePage(parseOrThrow(PageMessage, message, 'message'));
    } catch (error) {
      if (error instanceof ValidationError) console.warn(`Lapse: rejected a ${kind} message:`, error.message);
      // A refused edit is no bug (the record deleted in another window, say): said in the user's language.
      if (error instanceof EditRefused) throw new Error(editRefusalText(error.refusal));
      throw error;
    }
  });
}

const Typed = z.object({ type: z.string() });

function describeType(message: unknown): string {
  const typed = z.safeParse(Typed, message);
  return typed.success ? typed.data.type.slice(0, 40) : typeof message;
}

/** Any reply the router sends back. */
type AnyReply = Replies[ContentMessage['type'] | PageMessage['type']];

/** A handler for every message of vocabulary M: its reply type follows from the message type. */
type HandlerTable<M extends { type: keyof R & string }, R, Context> = {
  [K in M['type']]: (message: MessageOf<M, K>, context: Context) => Promise<R[K]>;
};

const contentHandlers: HandlerTable<ContentMessage, Replies, { tabId: number }> = {
  async reading(message, { tabId }) {
    const outcome = await applyReading(await getDb(), message.reading, Date.now());
    if (outcome.account !== null) await rememberTabAccount(tabId, outcome.account);
    await ledgerChanged();
    const { added, updated, markedGone } = outcome;
    return { added, updated, markedGone, ignored: message.reading.failed };
  },
  async 'withdraw-observed'(message) {
    const result = await applyWithdrawObserved(await getDb(), message.withdraw, Date.now());
    await ledgerChanged();
    return result;
  },
  async 'scan-progress'(message, { tabId }) {
    await recordProgress(message.progress, tabId, Date.now());
    await refreshBadge();
    return null;
  },
  async 'scan-requested'(_message, { tabId }) {
    const { scan, ended } = await takeScanRequest(tabId, Date.now());
    if (ended) await refreshBadge();
    return { scan };
  },
  async 'connections-reading'(message) {
    const outcome = await applyConnectionsReading(await getDb(), message.reading);
    // The page is re-read as the user scrolls: only a reading that changed something tells the pages.
    if (outcome.changed > 0) await ledgerChanged();
    return { matched: outcome.matched, accepted: outcome.accepted, ignored: message.reading.failed };
  },
};

const pageHandlers: HandlerTable<PageMessage, Replies, { now: number }> = {
  async 'get-ledger'(message, { now }) {
    const db = await getDb();
    const [records, readings, scan] = await Promise.all([
      getAllRecords(db, message.account),
      lastReadings(db, message.account),
      readScan(now),
    ]);
    return { records, ...readings, scan };
  },
  async 'set-status'(message, { now }) {
    await setStatus(await getDb(), message.id, message.status, now, message.account);
    return edited(now);
  },
  async 'set-hidden'(message, { now }) {
    await setHidden(await getDb(), message.id, message.hidden, now, message.account);
    return edited(now);
  },
  async 'set-note'(message, { now }) {
    await setNote(await getDb(), message.id, message.note, now, message.account);
    return edited(now);
  },
  async 'log-follow-up'(message, { now }) {
    await logFollowUp(await getDb(), message.id, message.followUp, now, message.account);
    return edited(now);
  },
  async 'undo-follow-up'(message, { now }) {
    await undoFollowUp(await getDb(), message.id, message.at, now, message.account);
    return edited(now);
  },
  async snooze(message, { now }) {
    await setSnooze(await getDb(), message.id, message.until, now, message.account);
    return edited(now);
  },
  async wake(message, { now }) {
    await setSnooze(await getDb(), message.id, null, now, message.account);
    return edited(now);
  },
  async 'start-scan'(message, { now }) {
    const result = await startScan(message.tabId, now);
    await refreshBadge();
    return result;
  },
  async 'cancel-scan'(_message, { now }) {
    await cancelScan(now);
    await refreshBadge();
    return null;
  },
  'import-backup': (message) => importAndReport(message.backup, message.into),
  'restore-batch': (message) => restoreBatch(message),
  async 'restore-finish'(message) {
    await restoreSettings(message.settings);
    await ledgerChanged();
    return null;
  },
  'delete-all': () => deleteAll(),
  async 'import-linkedin-export'(message, { now }) {
    const report = await applyLinkedInExport(await getDb(), message.export, now, message.into);
    if (!('needsAccount' in report)) await ledgerChanged(now);
    return report;
  },
  'get-accounts': async () => readAccounts(await getDb()),
  async 'answer-account-question'(message, { now }) {
    await answerAccountQuestion(await getDb(), message.different, now);
    await ledgerChanged(now);
    return null;
  },
};

/** Runs the handler of the message's own type (one generic call, so its reply type follows). */
function handleContent<K extends ContentMessage['type']>(message: MessageOf<ContentMessage, K>, tabId: number) {
  const type: K = message.type;
  return contentHandlers[type](message, { tabId });
}

function handlePage<K extends PageMessage['type']>(message: MessageOf<PageMessage, K>) {
  const type: K = message.type;
  return pageHandlers[type](message, { now: Date.now() });
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
  await restoreSettings(settings);
  await ledgerChanged();
  return report;
}

async function restoreSettings(settings: unknown): Promise<void> {
  if (settings === undefined) return;
  const current = await loadSettings();
  if (JSON.stringify(current) === JSON.stringify(defaultSettings())) await saveSettings(normaliseSettings(settings));
}

/**
 * One batch of a backup read in parts, merged in one transaction. The pages are told once, when
 * the whole file is in (restore-finish): a badge recount per batch would only slow the restore.
 */
async function restoreBatch(message: Extract<PageMessage, { type: 'restore-batch' }>): Promise<ImportReport> {
  const envelope = parseEnvelope({ ...message.header, invitations: [] });
  const rows = parseBackupText(message.rows);
  if (!Array.isArray(rows)) throw new Error('Not a Lapse backup (a batch of rows is not a list)');
  const batch =
    message.list === 'invitations'
      ? { invitations: rows, readings: [], firstInvitation: message.first }
      : { invitations: [], readings: rows, firstReading: message.first };
  return importBackupRows(await getDb(), envelope, batch, Date.now(), message.into);
}

/** Really everything: the ledger, the readings log, the settings and the scan state. */
async function deleteAll(): Promise<Replies['delete-all']> {
  const deleted = await clearLedger(await getDb());
  await Promise.all([resetSettings(), clearScanState(), forgetTabAccounts()]);
  await ledgerChanged();
  return { deleted };
}
