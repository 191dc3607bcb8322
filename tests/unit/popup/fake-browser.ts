/**
 * A stand-in for webextension-polyfill in component tests: i18n reads the real English
 * catalogue, storage areas live in memory and fire onChanged, and runtime.sendMessage is answered
 * by the worker's real router over fake-indexeddb: pages read the ledger directly, as they do in
 * the extension, and every write goes through the worker's own code. Each test starts with a
 * fresh, empty database.
 * Use with: vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).browser }))
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { vi } from 'vitest';
import messages from '../../../public/_locales/en/messages.json';
import type { InvitationRecord } from '../../../src/model/invitation';
import { PageMessage } from '../../../src/model/messages';
import type { ReadingLogEntry } from '../../../src/model/reading';
import { closeSharedDb, getDb } from '../../../src/store/db';
import { putRecords } from '../../../src/store/facts';
import { getAllRecords } from '../../../src/store/ledger';

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
  const tx = db.transaction(['invitations', 'meta', 'facts'], 'readwrite');
  // As the worker writes them: the count facts change with the records.
  const writes = records.map((record) => ({
    before: undefined,
    after: { ...(record as InvitationRecord), account: '' },
  }));
  await Promise.all([
    putRecords(tx, writes),
    ...(meta.lastReading ? [tx.objectStore('meta').put(meta.lastReading, 'lastReading')] : []),
    ...(meta.lastCompleteReading ? [tx.objectStore('meta').put(meta.lastCompleteReading, 'lastCompleteReading')] : []),
    tx.done,
  ]);
}

/** The ledger as stored now. */
export async function storedRecords(): Promise<InvitationRecord[]> {
  return getAllRecords(await getDb());
}

/** What the pages sent the worker; tests inspect it, and may make the worker fail. */
export const worker = {
  /** Every page message received, in order. */
  received: [] as PageMessage[],
  /** When set, every message is answered with this error. */
  failWith: null as string | null,
  /** When set, messages go unanswered, as when the worker is restarting. */
  silent: false,
};

const local = storageArea('local');
const sync = storageArea('sync');
const session = storageArea('session');

const EXTENSION_ID = 'lapse-test';
const EXTENSION_BASE = `chrome-extension://${EXTENSION_ID}/`;
/** Who the router sees sending: one of Lapse's own pages. */
const PAGE_SENDER = { id: EXTENSION_ID, url: `${EXTENSION_BASE}src/popup/index.html` };

/**
 * The worker's real router (src/background/handlers.ts), over this fake's storage and the same
 * fake-indexeddb. Imported when first used: it imports webextension-polyfill, which is this file.
 */
async function answer(message: unknown): Promise<unknown> {
  const parsed = PageMessage.safeParse(message);
  if (parsed.success) worker.received.push(parsed.data);
  if (worker.silent) return undefined;
  if (worker.failWith) return { ok: false, error: worker.failWith };
  const { handleMessage } = await import('../../../src/background/handlers');
  return handleMessage(message, PAGE_SENDER);
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
    id: EXTENSION_ID,
    getURL: (path: string) => `${EXTENSION_BASE}${path.replace(/^\//, '')}`,
    sendMessage: vi.fn(answer),
    openOptionsPage: vi.fn(async () => undefined),
  },
  // What the worker draws and schedules: the badge and its alarms, kept to be looked at.
  action: {
    badge: { text: '', title: '' },
    setBadgeText: async ({ text }: { text: string }) => {
      browser.action.badge.text = text;
    },
    setTitle: async ({ title }: { title: string }) => {
      browser.action.badge.title = title;
    },
    setBadgeBackgroundColor: async () => undefined,
    setBadgeTextColor: async () => undefined,
  },
  alarms: {
    create: async () => undefined,
    get: async () => undefined,
    clear: async () => true,
  },
  tabs: {
    /** The Sent page's content script, as the worker reaches it: it starts the scan it is asked for. */
    sendMessage: vi.fn(
      async (_tabId: number, _command: unknown): Promise<unknown> => ({
        ok: true,
        value: { started: true, reason: null },
      }),
    ),
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
  worker.received = [];
  worker.failWith = null;
  worker.silent = false;
  for (const area of [local, sync, session]) area.data.clear();
  listeners.clear();
  browser.tabs.activeTab = { id: 7, url: 'https://www.example.com/' };
  browser.runtime.sendMessage.mockClear();
  browser.runtime.openOptionsPage.mockClear();
  browser.tabs.query.mockClear();
  browser.tabs.create.mockClear();
  browser.tabs.sendMessage.mockClear();
  browser.tabs.reload.mockClear();
}
