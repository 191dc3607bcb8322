import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { DIST_FIREFOX_TEST, FIREFOX } from './global-setup';

/** How long to wait for the extension to answer; generous, as CI runs Chromium tests alongside. */
export const WAIT_MS = 30_000;
export const SENT_URL = 'https://www.linkedin.com/mynetwork/invitation-manager/sent/';
const LINKEDIN = 'https://www.linkedin.com/';

/** What src/background/test-hook.ts reports about the ledger after each answer. */
export interface LedgerSummary {
  count: number;
  byStatus: Record<string, number>;
  fingerprint: string;
}

/** One report of the content script's test hook (src/content/test-hook.ts), as the page received it. */
export interface HookReport {
  source: 'lapse-test-hook';
  kind: string;
  reply?: unknown;
  ledger?: LedgerSummary;
  error?: string;
}

/** A reading's acknowledgement: what the worker's router answered (Replies['reading']). */
export interface ReadingAck extends HookReport {
  kind: 'reading-ack';
  reply: { added: number; updated: number; markedGone: number; ignored: boolean };
  ledger: LedgerSummary;
}

declare global {
  interface Window {
    __lapseReports?: HookReport[];
  }
}

/**
 * Installed first thing in each fixture's <head>: the page's own listener keeps every test-hook
 * report in `window.__lapseReports`. It is part of the fixture (LinkedIn's world), not of Lapse.
 */
const REPORT_RECORDER = `<script>
window.__lapseReports = [];
window.addEventListener('message', function (event) {
  if (event.source === window && event.data && event.data.source === 'lapse-test-hook') window.__lapseReports.push(event.data);
});
</script>`;

export function withReportRecorder(html: string): string {
  if (!html.includes('<head>')) throw new Error('Expected a fixture with a <head>');
  return html.replace('<head>', `<head>${REPORT_RECORDER}`);
}

export interface LapseFirefox {
  browser: Browser;
  page: Page;
  /** LinkedIn URLs not served from a fixture, and every refused non-LinkedIn request. */
  refused: string[];
  /** Console lines of the page, for failure messages. */
  consoleLines: string[];
  /** Serve `html` (with the report recorder) at every https://www.linkedin.com URL from now on. */
  serve(html: string): void;
  /** Serves `html` and loads `url` in the tab. */
  open(html: string, url?: string): Promise<void>;
  /** Waits until the page holds more than `after` reading acknowledgements; returns the newest. */
  nextReadingAck(after: number, timeoutMs?: number): Promise<ReadingAck>;
  /** Waits for a reading acknowledgement after which the ledger holds `count` records; returns it. */
  ackWithLedgerCount(count: number, timeoutMs?: number): Promise<ReadingAck>;
  readingAcks(): Promise<ReadingAck[]>;
  reports(): Promise<HookReport[]>;
  /**
   * Opens one of Lapse's own pages (a path inside the extension, e.g. 'src/popup/index.html') in a
   * new tab; wait on it for what it should show. Over BiDi, Firefox reports neither the console
   * nor the errors of an extension page, and runs no preload script in it: a failure can only say
   * what the page shows.
   */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The internal UUID every install of Lapse gets in the Firefox of startFirefox: its pages live at
 * moz-extension://<this>/. Firefox draws a new one per install unless a pref names it.
 */
export const EXTENSION_UUID = '5b1c9e2a-7d40-4f6b-a3c8-0e9d2f61b7a4';

/** The add-on id of the build under test (browser_specific_settings.gecko.id), the key of the UUID pref. */
function addonId(): string {
  const manifest = JSON.parse(readFileSync(join(DIST_FIREFOX_TEST, 'manifest.json'), 'utf8'));
  return manifest.browser_specific_settings.gecko.id;
}

/**
 * Starts Debian's firefox-esr, headless, over WebDriver BiDi, on a fresh profile, ready to open
 * the extension's own pages: the prefs pin its internal UUID and keep it across reinstalls, and
 * `--remote-allow-system-access` lets the driver navigate to a moz-extension:// URL (Firefox 153
 * refuses anything but web pages otherwise: "Navigation to … is not allowed in this context").
 */
export function startFirefox(): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [addonId()]: EXTENSION_UUID }),
      'extensions.webextensions.keepUuidOnUninstall': true,
    },
  });
}

/**
 * Installs the test-hook build in `browser` and opens a tab that serves LinkedIn fixtures at their
 * real URLs; every other request is refused. `close()` uninstalls it again, and Firefox then
 * deletes its data (storage and IndexedDB; the internal UUID stays, see startFirefox): each test
 * starts with an empty ledger without paying for a new Firefox.
 */
export async function installLapse(browser: Browser): Promise<LapseFirefox> {
  const extensionId = await browser.installExtension(DIST_FIREFOX_TEST);
  const extensionPages: Page[] = [];
  try {
    const page = await browser.newPage();
    const refused: string[] = [];
    const consoleLines: string[] = [];
    page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => consoleLines.push(`pageerror: ${e instanceof Error ? e.message : String(e)}`));
    let body = withReportRecorder('<!DOCTYPE html><html><head><title>LinkedIn</title></head><body></body></html>');
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      if (request.url().startsWith(LINKEDIN) && request.isNavigationRequest()) {
        void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body });
      } else {
        refused.push(request.url());
        void request.abort('internetdisconnected');
      }
    });

    /** Waits on a condition in the page; on timeout, says what the page had received instead. */
    const waitFor = async (what: string, condition: (arg: number) => boolean, arg: number, timeoutMs: number) => {
      try {
        await page.waitForFunction(condition, { timeout: timeoutMs, polling: 100 }, arg);
      } catch (error) {
        const reports = await page.evaluate(() => window.__lapseReports ?? []).catch(() => 'unavailable');
        throw new Error(
          `Expected ${what} within ${timeoutMs} ms on ${page.url()}.\n` +
            `Reports so far: ${JSON.stringify(reports)}\nConsole:\n${consoleLines.join('\n')}`,
          { cause: error },
        );
      }
    };
    const readingAcks = () =>
      page.evaluate(() => (window.__lapseReports ?? []).filter((r) => r.kind === 'reading-ack')) as Promise<
        ReadingAck[]
      >;

    return {
      browser,
      page,
      refused,
      consoleLines,
      serve(html) {
        body = withReportRecorder(html);
      },
      async open(html, url = SENT_URL) {
        body = withReportRecorder(html);
        await page.goto(url, { waitUntil: 'load' });
      },
      async nextReadingAck(after, timeoutMs = WAIT_MS) {
        await waitFor(
          `a reading acknowledgement (number ${after + 1})`,
          (n: number) => (window.__lapseReports ?? []).filter((r) => r.kind === 'reading-ack').length > n,
          after,
          timeoutMs,
        );
        const newest = (await readingAcks()).at(-1);
        if (!newest) throw new Error('Expected a reading acknowledgement, got none');
        return newest;
      },
      async ackWithLedgerCount(count, timeoutMs = WAIT_MS) {
        const matches = (n: number) =>
          (window.__lapseReports ?? []).some((r) => r.kind === 'reading-ack' && r.ledger?.count === n);
        await waitFor(`a reading acknowledgement with ${count} records in the ledger`, matches, count, timeoutMs);
        const ack = (await readingAcks()).find((a) => a.ledger.count === count);
        if (!ack) throw new Error(`Expected an acknowledgement with ${count} records, got none`);
        return ack;
      },
      readingAcks,
      reports: () => page.evaluate(() => window.__lapseReports ?? []),
      async openExtensionPage(path) {
        const tab = await browser.newPage();
        extensionPages.push(tab);
        // Over BiDi, Firefox reports no DOMContentLoaded or load for an extension page, so waiting
        // for either would only time out: this returns once the navigation is under way.
        await tab.goto(`moz-extension://${EXTENSION_UUID}/${path}`, { waitUntil: [] });
        return tab;
      },
      async close() {
        for (const tab of [page, ...extensionPages]) if (!tab.isClosed()) await tab.close();
        await browser.uninstallExtension(extensionId);
      },
    };
  } catch (error) {
    await browser.uninstallExtension(extensionId);
    throw error;
  }
}

/** What the popup shows once it has drawn: the header's pending count and the names in its list. */
export interface DrawnPopup {
  /** The header's count, e.g. "12 pending". */
  pending: string;
  /** The name on each row of the open list, top to bottom. */
  names: string[];
}

/**
 * Waits until the popup (src/popup/index.html) has read the whole ledger (its header shows the
 * counts) and drawn every row of the open list (as many as its filter button counts: a list of up
 * to one page), then reads it as a user would. On timeout, says what the popup showed instead
 * (Firefox does not report an extension page's console over BiDi).
 */
export async function drawnPopup(popup: Page, timeoutMs = WAIT_MS): Promise<DrawnPopup> {
  try {
    await popup.waitForFunction(
      () => {
        const listed = document.querySelector('[role="tab"][aria-selected="true"] .count')?.textContent;
        return (
          document.querySelector('header .counts') !== null &&
          listed != null &&
          document.querySelectorAll('li.row').length === Number(listed)
        );
      },
      { timeout: timeoutMs, polling: 100 },
    );
  } catch (error) {
    // Its location from the page itself: page.url() stays about:blank, as no load event is reported.
    const shown = await popup
      .evaluate(() => `${location.href}: ${document.body?.textContent?.replace(/\s+/g, ' ').trim() || '(nothing)'}`)
      .catch((e: unknown) => `unavailable (${e instanceof Error ? e.message : String(e)})`);
    throw new Error(`Expected the popup to draw its list within ${timeoutMs} ms. It showed ${shown.slice(0, 2000)}`, {
      cause: error,
    });
  }
  return popup.evaluate(() => ({
    pending: document.querySelector('header .counts')?.textContent?.match(/\d+ pending/)?.[0] ?? '',
    names: [...document.querySelectorAll('li.row .row-name')].map((name) => name.textContent ?? ''),
  }));
}
