// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://www.linkedin.com/mynetwork/invite-connect/connections/"}
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import * as z from 'zod/mini';
import { startConnectionsScript } from '../../../src/content/connections/connections-script';
import { watchConnectionsPage } from '../../../src/content/connections/reader';
import { ContentMessage } from '../../../src/model/messages';
import type { ConnectionsReading } from '../../../src/model/reading';
import { quietAck } from './worker-acks';

const ext = vi.hoisted(() => ({ sent: [] as unknown[] }));

// Chrome's runtime as a content script sees it (src/content/runtime.ts): sendMessage returns a promise.
vi.stubGlobal('chrome', {
  runtime: {
    id: 'lapse-test',
    sendMessage: (message: ContentMessage) => {
      ext.sent.push(message);
      return Promise.resolve({ ok: true, value: quietAck(message) });
    },
    onMessage: { addListener: () => {}, removeListener: () => {} },
  },
});

const CONNECTIONS_URL = 'https://www.linkedin.com/mynetwork/invite-connect/connections/';
const SENT_URL = 'https://www.linkedin.com/mynetwork/invitation-manager/sent/';
const fixtureBody = (name: string) => {
  const html = readFileSync(resolve('tests/fixtures', name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
};
const messages = () => ext.sent as ContentMessage[];
const connectionReadings = () =>
  messages().flatMap((m) => (m.type === 'connections-reading' ? [m.reading] : [])) as ConnectionsReading[];

function card(slug: string, name: string, label: string): HTMLElement {
  const item = document.createElement('div');
  item.setAttribute('role', 'listitem');
  const link = document.createElement('a');
  link.href = `/in/${slug}/`;
  link.textContent = name;
  const time = document.createElement('p');
  time.textContent = label;
  item.append(link, time);
  return item;
}

let script: { stop(): void } | null = null;
/** The clock is fake: "nothing was sent" holds for exactly that much time. */
const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers();
  ext.sent.length = 0;
  history.replaceState(null, '', CONNECTIONS_URL);
  document.documentElement.lang = 'en';
  document.body.innerHTML = '';
});
afterEach(() => {
  script?.stop();
  script = null;
  vi.useRealTimers();
});

describe('the content script on the Connections page', () => {
  test('reads the list on load and sends a message the worker accepts; it never asks for a scan', async () => {
    document.body.innerHTML = fixtureBody('connections-current-en.html');
    script = startConnectionsScript({ debounceMs: 20, pollMs: 20 });
    await vi.waitFor(() => expect(connectionReadings()).toHaveLength(1));
    const [message] = messages().filter((m) => m.type === 'connections-reading');
    expect(z.safeParse(ContentMessage, message).success).toBe(true);
    expect(connectionReadings()[0]?.people.map((p) => p.name)).toEqual([
      'Ada Lovelace',
      'Grace Hopper',
      'Émile Zola',
      'Linus Pauling',
    ]);
    expect(messages().some((m) => m.type === 'scan-requested' || m.type === 'reading')).toBe(false);
  });

  test('reads again when the user scrolls more connections in, once per burst, never the same twice', async () => {
    document.body.innerHTML = fixtureBody('connections-current-en.html');
    script = startConnectionsScript({ debounceMs: 30, pollMs: 20 });
    await vi.waitFor(() => expect(connectionReadings()).toHaveLength(1));
    const list = document.querySelector('[data-testid="lazy-column"]') as HTMLElement;
    list.append(card('rosalind-franklin', 'Rosalind Franklin', 'Connected 1 day ago'));
    list.append(card('lise-meitner', 'Lise Meitner', 'Connected 5 days ago'));
    await vi.waitFor(() => expect(connectionReadings()).toHaveLength(2));
    expect(connectionReadings()[1]?.people).toHaveLength(6);
    list.append(document.createElement('div')); // a change that says nothing new
    await advance(100);
    expect(connectionReadings()).toHaveLength(2);
  });

  test("never changes LinkedIn's page", async () => {
    document.body.innerHTML = fixtureBody('connections-current-en.html');
    const before = document.documentElement.outerHTML;
    script = startConnectionsScript({ debounceMs: 20, pollMs: 20 });
    await vi.waitFor(() => expect(connectionReadings()).toHaveLength(1));
    expect(document.documentElement.outerHTML).toBe(before);
  });

  test('in-page navigation: leaving the Connections page stops the reader, coming back reads again', async () => {
    document.body.innerHTML = fixtureBody('connections-current-en.html');
    script = startConnectionsScript({ debounceMs: 20, pollMs: 20 });
    await vi.waitFor(() => expect(connectionReadings()).toHaveLength(1));
    history.pushState(null, '', SENT_URL);
    await advance(60); // let the URL poll notice the move
    document
      .querySelector('[data-testid="lazy-column"]')
      ?.append(card('new-person', 'New Person', 'Connected 1 day ago'));
    await advance(100);
    expect(connectionReadings()).toHaveLength(1);
    // The Sent page has its own script; this one neither scans nor reads it.
    expect(messages().every((m) => m.type === 'connections-reading')).toBe(true);

    history.pushState(null, '', CONNECTIONS_URL); // and back: read again
    await vi.waitFor(() => expect(connectionReadings()).toHaveLength(2));
    expect(connectionReadings()[1]?.people.map((p) => p.name)).toContain('New Person');
  });

  test('elsewhere on LinkedIn it reads nothing', async () => {
    history.replaceState(null, '', 'https://www.linkedin.com/feed/');
    document.body.innerHTML = fixtureBody('connections-current-en.html');
    script = startConnectionsScript({ debounceMs: 20, pollMs: 20 });
    await advance(100);
    expect(messages()).toEqual([]);
  });
});

describe('the reader on its own', () => {
  test('stops reading when its signal aborts', async () => {
    const sent: ContentMessage[] = [];
    const controller = new AbortController();
    watchConnectionsPage({
      document,
      signal: controller.signal,
      now: () => Date.parse('2026-03-15T12:00:00Z'),
      send: (m) => sent.push(m),
      debounceMs: 10,
    });
    expect(sent).toHaveLength(0); // nothing rendered yet: nothing to say
    document.body.append(card('ada', 'Ada Lovelace', 'Connected 2 weeks ago'));
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    controller.abort();
    document.body.append(card('bob', 'Bob Builder', 'Connected 2 weeks ago'));
    await advance(60);
    expect(sent).toHaveLength(1);
  });
});
