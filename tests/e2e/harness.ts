import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { CHROMIUM, extensionArgs } from '../../scripts/lib/chromium.mjs';
import { type LedgerSnapshot, type PageMessage, PageReplies } from '../../src/model/messages';
import { typedSender } from '../../src/shared/reply';

/** The `chrome` global inside the service worker and extension pages, for `evaluate`. */
declare const chrome: {
  action: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
};

export const DIST = resolve('dist');
export const SENT_URL = 'https://www.linkedin.com/mynetwork/invitation-manager/sent/';
const LINKEDIN = 'https://www.linkedin.com/';

/** One request the browser made, and who made it (a page's URL, or the service worker's). */
export interface RecordedRequest {
  url: string;
  from: string;
  /** Whether the route served it (LinkedIn fixture) rather than aborting it. */
  served: boolean;
}

export interface Lapse {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Every request the browser made, page, extension page or worker, in order. */
  requests: RecordedRequest[];
  /** Console lines and page errors from every page and the worker, for failure artifacts. */
  consoleLines: string[];
  /** Serve `html` at every https://www.linkedin.com URL from now on. */
  serveLinkedIn(html: string | ((url: string) => string)): Promise<void>;
  /** Serves `html` and opens it in a new tab at `url` (the Sent page by default). */
  openLinkedIn(html: string, url?: string): Promise<Page>;
  openPopup(): Promise<Page>;
  openOptions(): Promise<Page>;
  /** Sends a message to the background worker as an extension page would, and returns the reply. */
  send: ReturnType<typeof typedSender<PageMessage, typeof PageReplies>>;
  ledger(): Promise<LedgerSnapshot>;
  badge(): Promise<{ text: string; title: string; color: number[] }>;
  /** The browser's tab id of `page` (it is brought to the front to find it, as activeTab does). */
  tabIdOf(page: Page): Promise<number>;
  close(): Promise<void>;
}

/**
 * Launches Debian's Chromium with the built `dist/` loaded, on a fresh profile. Launch flags are
 * the ones verified on these machines (see shared/reference/style-examples.md); the background
 * networking flags keep Chromium itself off the (closed) network. LinkedIn URLs are served from
 * fixtures; every other request is recorded and refused.
 */
export async function launchLapse(
  options: {
    headless?: boolean;
    dist?: string;
    /**
     * Chromium's UI language (`fr`, `de`…), which picks the extension's catalogue: `--lang` does
     * it headless (LANGUAGE is set too, for a headed run on Linux). Unset: the machine's default.
     */
    uiLanguage?: string;
    /** A profile prepared beforehand (deleted on close like a fresh one); unset: a fresh profile. */
    profile?: string;
  } = {},
): Promise<Lapse> {
  const dist = options.dist ?? DIST;
  const headless = options.headless ?? true;
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'lapse-e2e-'));
  const language = options.uiLanguage;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless,
    acceptDownloads: true,
    viewport: { width: 1100, height: 800 },
    args: [...extensionArgs(dist, headless), ...(language ? [`--lang=${language}`] : [])],
    ...(language ? { locale: language, env: { ...process.env, LANGUAGE: language } } : {}),
  });
  const requests: RecordedRequest[] = [];
  const consoleLines: string[] = [];
  context.on('request', (request) => {
    const sw = request.serviceWorker();
    let from = '?';
    try {
      from = sw ? `worker ${sw.url()}` : request.frame().url();
    } catch {
      // Requests of a frame that is gone keep '?'.
    }
    requests.push({ url: request.url(), from, served: false });
  });
  const watchPage = (page: Page) => {
    page.on('console', (m) => consoleLines.push(`[${page.url()}] ${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => consoleLines.push(`[${page.url()}] pageerror: ${e.stack ?? e.message}`));
    // A tab the extension opens itself (chrome.tabs.create: "Open the Sent page", "Scan all" from
    // elsewhere) starts loading before Playwright's routing reaches it, so its first load fails
    // with no network. The only such URL Lapse opens is the Sent page: load it again, routed.
    let retried = false;
    const retryIfFailed = () => {
      if (retried || !page.url().startsWith('chrome-error://')) return;
      retried = true;
      consoleLines.push(`[harness] first load of an extension-opened tab escaped routing; loading ${SENT_URL} again`);
      page.goto(SENT_URL).catch(() => {});
    };
    page.on('framenavigated', retryIfFailed);
    page.on('load', retryIfFailed);
    retryIfFailed();
  };
  context.on('page', watchPage);
  const watchWorker = (w: Worker) => w.on('console', (m) => consoleLines.push(`[worker] ${m.type()}: ${m.text()}`));
  context.on('serviceworker', watchWorker);

  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  watchWorker(worker);
  const extensionId = new URL(worker.url()).host;

  let body: string | ((url: string) => string) = '<!doctype html><title>LinkedIn</title>';
  // Registered first, so it is consulted last: anything not LinkedIn is refused (and recorded above).
  await context.route(
    (url) => url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:' || url.protocol === 'wss:',
    (route) => route.abort('internetdisconnected'),
  );
  await context.route('https://www.linkedin.com/**', (route) => {
    const url = route.request().url();
    const recorded = requests.findLast((r) => r.url === url && !r.served);
    if (recorded) recorded.served = true;
    return route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: typeof body === 'function' ? body(url) : body,
    });
  });

  let messenger: Page | null = null;
  const extensionPage = async (path: string) => {
    const p = await context.newPage();
    await p.goto(`chrome-extension://${extensionId}/${path}`);
    return p;
  };
  // As an extension page sends: the reply is checked against the same schemas the pages use.
  const send = typedSender<PageMessage, typeof PageReplies>(PageReplies, async (message) => {
    // A bare extension page (the manifest) has chrome.runtime and draws nothing of its own.
    if (!messenger || messenger.isClosed()) messenger = await extensionPage('manifest.json');
    return messenger.evaluate((m) => chrome.runtime.sendMessage(m), message);
  });

  return {
    context,
    worker,
    extensionId,
    requests,
    consoleLines,
    async serveLinkedIn(html) {
      body = html;
    },
    async openLinkedIn(html, url = SENT_URL) {
      body = html;
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    openPopup: () => extensionPage('src/popup/index.html'),
    openOptions: () => extensionPage('src/options/index.html'),
    send,
    ledger: () => send({ type: 'get-ledger' }),
    badge: () =>
      worker.evaluate(async () => {
        const action = chrome.action as unknown as { getBadgeBackgroundColor(d: object): Promise<number[]> };
        return {
          text: await chrome.action.getBadgeText({}),
          title: await chrome.action.getTitle({}),
          color: await action.getBadgeBackgroundColor({}),
        };
      }),
    async tabIdOf(page) {
      await page.bringToFront();
      const url = page.url();
      const id = await worker.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return tab?.id ?? null;
      });
      if (id === null) throw new Error(`No active tab found for ${url}`);
      return id;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Every file of a built extension, as paths relative to its root with forward slashes. */
export function builtFiles(dir = DIST): string[] {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((name) => {
      const path = join(d, name);
      return statSync(path).isDirectory() ? walk(path) : [relative(dir, path).split('\\').join('/')];
    });
  return walk(dir);
}

/** Requests that left the browser for anywhere but a served LinkedIn fixture or the extension itself. */
export function foreignRequests(requests: readonly RecordedRequest[]): RecordedRequest[] {
  return requests.filter((r) => !(r.url.startsWith('chrome-extension://') || (r.url.startsWith(LINKEDIN) && r.served)));
}

/**
 * Call after the file's cleanup afterEach (hooks run in reverse order, so this one runs first,
 * while the test's tabs are still open): a failed test leaves screenshots of every open page and
 * the console log in test-artifacts/<test name>.*.
 */
export function artifactsOnFailure(lapse: () => Lapse | undefined): void {
  afterEach(async ({ task }) => {
    const current = lapse();
    if (current && task.result?.state === 'fail') await saveArtifacts(current, task.name);
  });
}

/** Saves a screenshot of every open page and the console log under test-artifacts/. */
export async function saveArtifacts(lapse: Lapse, name: string): Promise<void> {
  const dir = resolve('test-artifacts');
  mkdirSync(dir, { recursive: true });
  const safe = name.replace(/[^a-z0-9-]+/gi, '_').slice(0, 80);
  const pages = lapse.context.pages().filter((p) => !p.isClosed() && !p.url().endsWith('manifest.json'));
  for (const [i, page] of pages.entries()) {
    await page.screenshot({ path: join(dir, `${safe}.${i}.png`), fullPage: true, timeout: 5_000 }).catch(() => {});
  }
  const urls = pages.map((p, i) => `page ${i}: ${p.url()}`);
  writeFileSync(join(dir, `${safe}.console.txt`), [...urls, '', ...lapse.consoleLines].join('\n'));
}

/** One row of the popup's list, as a user reads it. */
export interface PopupRow {
  id: string;
  name: string;
  chip: string;
  meta: string;
}

/** The popup's list filters, in the order the popup shows them. */
export const POPUP_FILTERS = ['nearing', 'pending', 'expired', 'resolved'] as const;

/** Shows one of the popup's lists (clicking its filter button) and returns its rows once drawn. */
export async function popupList(popup: Page, filter: (typeof POPUP_FILTERS)[number]): Promise<PopupRow[]> {
  await popup.locator(`#tab-${filter}`).click();
  await popup.waitForSelector(`#tab-${filter}[aria-selected="true"]`);
  // A list is read when it is shown ("Closed" a page at a time): wait until it is drawn, then
  // draw every page of it, not only the first 50, each once it has arrived.
  const loaded = () => popup.locator('#list-panel > p.loading').waitFor({ state: 'detached' });
  await loaded();
  while (await popup.locator('button.show-more').count()) {
    const drawn = await popup.locator('li.row').count();
    await popup.locator('button.show-more').click();
    await popup.waitForFunction((n) => document.querySelectorAll('li.row').length > n, drawn);
    await loaded();
  }
  return popup.locator('li.row').evaluateAll((items) =>
    items.map((li) => ({
      id: li.getAttribute('data-id') ?? '',
      name: li.querySelector('.row-name')?.textContent ?? '',
      chip: li.querySelector('.chip')?.textContent ?? '',
      meta: li.querySelector('.row-meta')?.textContent ?? '',
    })),
  );
}

/**
 * Lapse is private: of every request the browser made, only the served LinkedIn fixtures and
 * the extension's own files may appear, and the extension's pages and worker asked for nothing
 * but their own files.
 */
export function networkViolations(lapse: Lapse): string[] {
  const fromExtension = lapse.requests.filter(
    (r) => r.from.startsWith('worker ') || r.from.startsWith('chrome-extension://'),
  );
  return [
    ...foreignRequests(lapse.requests).map((r) => `${r.url} (from ${r.from})`),
    ...fromExtension.filter((r) => !r.url.startsWith('chrome-extension://')).map((r) => `${r.url} (from ${r.from})`),
  ];
}

/** Closes every tab but the hidden messenger, between tests that share one browser. */
export async function closeTabs(lapse: Lapse): Promise<void> {
  for (const page of lapse.context.pages()) {
    if (!page.url().endsWith('/manifest.json')) await page.close();
  }
}

/**
 * One Chromium with Lapse for the whole test file (a fresh profile), emptied between tests:
 * tabs closed, ledger and settings deleted. Failures leave artifacts. The returned object stands
 * for the launched instance once `beforeAll` has run.
 */
export function lapseForThisFile(): Lapse {
  let current: Lapse | undefined;
  beforeAll(async () => {
    current = await launchLapse();
  });
  afterAll(async () => {
    await current?.close();
  });
  afterEach(async () => {
    if (!current) return;
    await closeTabs(current);
    await current.send({ type: 'delete-all' });
  });
  artifactsOnFailure(() => current);
  return new Proxy({} as Lapse, {
    get(_, key) {
      if (!current) throw new Error('Lapse is not launched yet: use it inside a test or hook');
      const value = current[key as keyof Lapse];
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
}

/** The ledger id of a fixture person: the case-folded slug. */
export const idOf = (p: { slug: string }) => p.slug.normalize('NFC').toLowerCase();
