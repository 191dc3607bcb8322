import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { CHROMIUM } from './global-setup';

/** The page-side `chrome` global inside the service worker, for `worker.evaluate`. */
declare const chrome: { action: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> } };

export const DIST = resolve('dist');
export const SENT_URL = 'https://www.linkedin.com/mynetwork/invitation-manager/sent/';

export interface Lapse {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Every request the browser made, page or extension, in order. */
  requests: string[];
  /** Serve `html` at every https://www.linkedin.com URL from now on. */
  serveLinkedIn(html: string | ((url: string) => string)): Promise<void>;
  openPopup(): Promise<Page>;
  openOptions(): Promise<Page>;
  badge(): Promise<{ text: string; title: string }>;
  close(): Promise<void>;
}

/**
 * Launches Debian's Chromium with the built `dist/` loaded, on a fresh profile. Launch flags are
 * the ones verified on these machines (see shared/reference/style-examples.md); the background
 * networking flags keep Chromium itself off the (closed) network.
 */
export async function launchLapse(): Promise<Lapse> {
  const profile = mkdtempSync(join(tmpdir(), 'lapse-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    args: [
      '--headless=new',
      `--disable-extensions-except=${DIST}`,
      `--load-extension=${DIST}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;

  let body: string | ((url: string) => string) = '<!doctype html><title>LinkedIn</title>';
  await context.route('https://www.linkedin.com/**', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: typeof body === 'function' ? body(route.request().url()) : body,
    }),
  );

  const page = async (path: string) => {
    const p = await context.newPage();
    await p.goto(`chrome-extension://${extensionId}/${path}`);
    return p;
  };

  return {
    context,
    worker,
    extensionId,
    requests,
    async serveLinkedIn(html) {
      body = html;
    },
    openPopup: () => page('src/popup/index.html'),
    openOptions: () => page('src/options/index.html'),
    badge: () =>
      worker.evaluate(async () => ({
        text: await chrome.action.getBadgeText({}),
        title: await chrome.action.getTitle({}),
      })),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot and console log of `page` under test-artifacts/ when a test fails. */
export async function saveArtifacts(page: Page, name: string, consoleLines: string[]): Promise<void> {
  const dir = resolve('test-artifacts');
  mkdirSync(dir, { recursive: true });
  const safe = name.replace(/[^a-z0-9-]+/gi, '_').slice(0, 80);
  await page.screenshot({ path: join(dir, `${safe}.png`), fullPage: true }).catch(() => undefined);
  writeFileSync(join(dir, `${safe}.console.txt`), consoleLines.join('\n'));
}
