import { readFileSync } from 'node:fs';
import { vi } from 'vitest';

type Listener = (...args: never[]) => unknown;

function event() {
  const listeners = new Set<Listener>();
  return {
    listeners,
    addListener: (l: Listener) => listeners.add(l),
    removeListener: (l: Listener) => listeners.delete(l),
    fire: (...args: unknown[]) => [...listeners].map((l) => (l as (...a: unknown[]) => unknown)(...args)),
  };
}

const catalogue = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;

/** browser.i18n.getMessage over the real English catalogue: named placeholders → $1, $2 … */
export function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = catalogue[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (__, n: string) => subs[Number(n) - 1] ?? '');
  });
}

/** An in-memory stand-in for the parts of webextension-polyfill the worker uses. */
export function createFakeBrowser() {
  const onChanged = event();
  const area = (name: string) => {
    const data = new Map<string, unknown>();
    return {
      data,
      async get(keys?: string | string[] | null) {
        const wanted = keys == null ? [...data.keys()] : Array.isArray(keys) ? keys : [keys];
        return Object.fromEntries(wanted.filter((k) => data.has(k)).map((k) => [k, structuredClone(data.get(k))]));
      },
      async set(items: Record<string, unknown>) {
        const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
        for (const [k, v] of Object.entries(items)) {
          changes[k] = { oldValue: data.get(k), newValue: structuredClone(v) };
          data.set(k, structuredClone(v));
        }
        onChanged.fire(changes, name);
      },
      async remove(keys: string | string[]) {
        const changes: Record<string, { oldValue?: unknown }> = {};
        for (const k of Array.isArray(keys) ? keys : [keys]) {
          if (data.has(k)) changes[k] = { oldValue: data.get(k) };
          data.delete(k);
        }
        if (Object.keys(changes).length) onChanged.fire(changes, name);
      },
    };
  };
  const badge = { text: '', color: '', title: '' };
  const alarms = new Map<string, object>();
  return {
    badge,
    /** Alarms as created, by name (`when` is the time the browser would fire one). */
    alarmsSet: alarms,
    runtime: {
      id: 'lapse-test-id',
      getURL: (path: string) => `chrome-extension://lapse-test-id/${path}`,
      onMessage: event(),
      onInstalled: event(),
      onStartup: event(),
    },
    i18n: { getMessage, getUILanguage: () => 'en-US' },
    action: {
      setBadgeText: vi.fn(async ({ text }: { text: string }) => {
        badge.text = text;
      }),
      setBadgeBackgroundColor: vi.fn(async ({ color }: { color: string }) => {
        badge.color = color;
      }),
      setBadgeTextColor: vi.fn(async () => {}),
      setTitle: vi.fn(async ({ title }: { title: string }) => {
        badge.title = title;
      }),
    },
    storage: { sync: area('sync'), local: area('local'), session: area('session'), onChanged },
    tabs: {
      create: vi.fn(async ({ url }: { url: string }) => ({ id: 77, url })),
      sendMessage: vi.fn(async (): Promise<unknown> => ({ ok: true, value: { started: true, reason: null } })),
      onRemoved: event(),
    },
    alarms: {
      get: vi.fn(async (name: string) => alarms.get(name)),
      create: vi.fn(async (name: string, info: object) => void alarms.set(name, info)),
      clear: vi.fn(async (name: string) => alarms.delete(name)),
      onAlarm: event(),
    },
  };
}

export type FakeBrowser = ReturnType<typeof createFakeBrowser>;

export const LINKEDIN_SENDER = {
  id: 'lapse-test-id',
  url: 'https://www.linkedin.com/mynetwork/invitation-manager/sent/',
  tab: { id: 12 },
  frameId: 0,
};
export const POPUP_SENDER = { id: 'lapse-test-id', url: 'chrome-extension://lapse-test-id/src/popup/index.html' };
