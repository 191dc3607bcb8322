/**
 * A stand-in for webextension-polyfill in component tests: i18n reads the real English
 * catalogue, storage areas live in memory and fire onChanged, and runtime.sendMessage answers
 * like the background worker would. The ledger is the real store code over fake-indexeddb: pages
 * read it directly, as they do in the extension, and the fake worker writes it with the real
 * ledger functions. Each test starts with a fresh, empty database.
 * Use with: vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).browser }))
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { vi } from 'vitest';
import messages from '../../../public/_locales/en/messages.json';
import type { InvitationRecord } from '../../../src/model/invitation';
import { type ImportReport, PageMessage, type ScanProgress } from '../../../src/model/messages';
import type { ReadingLogEntry } from '../../../src/model/reading';
import { parseEnvelope } from '../../../src/store/backup';
import { closeSharedDb, getDb } from '../../../src/store/db';
import {
  clearLedger,
  getAllRecords,
  importBackupRows,
  lastReadings,
  setHidden,
  setNote,
  setStatus,
} from '../../../src/store/ledger';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
type Changes = Record<string, { oldValue?: unknown; newValue?: unknown }>;
type Listener = (changes: Changes, area: string) => void;

/** Chrome's substitution rules: named placeholders map to $1…$9, `$$` is a dollar sign. */
export function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = (messages as Catalogue)[key];
  if (!entry) throw new Error(`No message "${key}" in messages.json`);
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const positional = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const placeholder = entry.placeholders?.[name.toLowerCase()];
      return placeholder ? positional(placeholder.content) : whole;
    })
    .replace(/\$\$/g, '$');
}

const listeners = new Set<Listener>();

function storageArea(name: string) {
  const data = new Map<string, unknown>();
  const emit = (changes: Changes) => {
    for (const listener of [...listeners]) listener(changes, name);
  };
  return {
    data,
    async get(keys?: string | string[] | null) {
      const wanted = keys == null ? [...data.keys()] : Array.isArray(keys) ? keys : [keys];
      const out: Record<string, unknown> = {};
      for (const key of wanted) if (data.has(key)) out[key] = structuredClone(data.get(key));
      return out;
    },
    async set(items: Record<string, unknown>) {
      const changes: Changes = {};
      for (const [key, value] of Object.entries(items)) {
        changes[key] = { oldValue: data.get(key), newValue: structuredClone(value) };
        data.set(key, structuredClone(value));
      }
      emit(changes);
    },
    async remove(keys: string | string[]) {
      const changes: Changes = {};
      for (const key of Array.isArray(keys) ? keys : [keys]) {
        if (!data.has(key)) continue;
        changes[key] = { oldValue: data.get(key) };
        data.delete(key);
      }
      if (Object.keys(changes).length > 0) emit(changes);
    },
  };
}

/**
 * Puts records (and, if given, the last readings) into the ledger as the worker stores them.
 * Values are written as given, unvalidated, so a test can plant a record that is broken.
 */
export async function seed(
  records: readonly unknown[],
  meta: { lastReading?: ReadingLogEntry; lastCompleteReading?: ReadingLogEntry } = {},
): Promise<void> {
  const db = await getDb();
  const tx = db.transaction(['invitations', 'meta'], 'readwrite');
  const store = tx.objectStore('invitations');
  await Promise.all([
    ...records.map((record) => store.put({ ...(record as InvitationRecord), account: '' })),
    ...(meta.lastReading ? [tx.objectStore('meta').put(meta.lastReading, 'lastReading')] : []),
    ...(meta.lastCompleteReading ? [tx.objectStore('meta').put(meta.lastCompleteReading, 'lastCompleteReading')] : []),
    tx.done,
  ]);
}

/** The ledger as stored now. */
export async function storedRecords(): Promise<InvitationRecord[]> {
  return getAllRecords(await getDb());
}

/** What the fake worker holds besides the ledger; tests set it up and inspect it. */
export const worker = {
  scan: null as ScanProgress | null,
  importReport: { imported: 0, unchanged: 0, rejected: [] } as ImportReport,
  /** Every page message received, in order. */
  received: [] as PageMessage[],
  /** When set, every message is answered with this error. */
  failWith: null as string | null,
};

const local = storageArea('local');
const sync = storageArea('sync');
const session = storageArea('session');
let ledgerVersion = 0;

async function changed(): Promise<void> {
  await local.set({ ledgerVersion: ++ledgerVersion });
}

async function handle(raw: unknown): Promise<unknown> {
  const message = PageMessage.parse(raw);
  worker.received.push(message);
  switch (message.type) {
    case 'get-ledger': {
      const db = await getDb();
      return {
        records: await getAllRecords(db),
        ...(await lastReadings(db)),
        // The worker answers with the progress it keeps in storage.session.
        scan: session.data.get('scan') ?? worker.scan,
      };
    }
    case 'set-status':
      await setStatus(await getDb(), message.id, message.status, Date.now());
      await changed();
      return null;
    case 'set-hidden':
      await setHidden(await getDb(), message.id, message.hidden, Date.now());
      await changed();
      return null;
    case 'set-note':
      await setNote(await getDb(), message.id, message.note, Date.now());
      await changed();
      return null;
    case 'start-scan':
      return { tabId: message.tabId ?? 4242 };
    case 'cancel-scan':
      return null;
    case 'export-backup':
      return { json: JSON.stringify({ format: 'lapse-backup', records: await storedRecords() }) };
    case 'import-backup':
      return worker.importReport;
    case 'restore-batch': {
      // The real merge of one batch, as the worker does it (src/background/handlers.ts).
      const envelope = parseEnvelope({ ...message.header, invitations: [] });
      const rows = JSON.parse(message.rows) as unknown[];
      const list =
        message.list === 'invitations'
          ? { invitations: rows, readings: [], firstInvitation: message.first }
          : { invitations: [], readings: rows, firstReading: message.first };
      return importBackupRows(await getDb(), envelope, list, Date.now(), message.into);
    }
    case 'restore-finish':
      await changed();
      return null;
    case 'delete-all': {
      const deleted = await clearLedger(await getDb());
      await changed();
      return { deleted };
    }
  }
}

export const browser = {
  i18n: { getMessage, getUILanguage: () => 'en' },
  storage: {
    local,
    sync,
    session,
    onChanged: {
      addListener: (listener: Listener) => listeners.add(listener),
      removeListener: (listener: Listener) => listeners.delete(listener),
    },
  },
  runtime: {
    sendMessage: vi.fn(async (message: unknown) => {
      if (worker.failWith) return { ok: false, error: worker.failWith };
      try {
        return { ok: true, value: await handle(message) };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    }),
    openOptionsPage: vi.fn(async () => undefined),
  },
  tabs: {
    activeTab: { id: 7, url: 'https://www.example.com/' } as { id?: number; url?: string },
    query: vi.fn(async () => [browser.tabs.activeTab]),
    create: vi.fn(async (props: { url: string }) => ({ id: 8, url: props.url })),
    reload: vi.fn(async (_tabId: number) => undefined),
  },
};

/** Fresh state for each test. */
export function resetFakeBrowser(): void {
  closeSharedDb();
  globalThis.indexedDB = new IDBFactory();
  worker.scan = null;
  worker.importReport = { imported: 0, unchanged: 0, rejected: [] };
  worker.received = [];
  worker.failWith = null;
  for (const area of [local, sync, session]) area.data.clear();
  listeners.clear();
  browser.tabs.activeTab = { id: 7, url: 'https://www.example.com/' };
  browser.runtime.sendMessage.mockClear();
  browser.runtime.openOptionsPage.mockClear();
  browser.tabs.query.mockClear();
  browser.tabs.create.mockClear();
  browser.tabs.reload.mockClear();
}
