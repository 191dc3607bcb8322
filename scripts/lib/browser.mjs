// @ts-check
/**
 * What the demo and the benchmark share: Debian's Chromium with a built extension loaded on a
 * fresh profile, LinkedIn served from fixtures (every other request refused: no network), and
 * the project's TypeScript modules loaded in Node through Vite (Node 20 cannot strip types).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import * as z from 'zod/mini';
import { CHROMIUM, ensureChromium, extensionArgs } from './chromium.mjs';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const SENT_URL = 'https://www.linkedin.com/mynetwork/invitation-manager/sent/';

const ContentScript = z.object({ js: z.tuple([z.string()], z.string()) });
/** What the demo and the benchmark read in a build's manifest: the pages and scripts it names. */
const BuiltManifest = z.object({
  action: z.object({ default_popup: z.string(), default_icon: z.object({ 32: z.string() }) }),
  options_ui: z.object({ page: z.string() }),
  background: z.object({ service_worker: z.string() }),
  /** The Sent page's, then the Connections page's. */
  content_scripts: z.tuple([ContentScript, ContentScript], ContentScript),
});

/**
 * The manifest of the Chrome build in `dist`, checked.
 * @param {string} dist
 */
export function builtManifest(dist) {
  return BuiltManifest.parse(JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')));
}

/** `chromium --version`, e.g. "Chromium 156.0.8078.108". */
export function chromiumVersion() {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .trim()
      .replace(/\s+built on.*$/, '');
  } catch {
    return 'unknown';
  }
}

/** Loads TypeScript modules of this repository (e.g. '/tests/fixtures/sent-page.ts') in Node. */
export async function typescriptLoader() {
  const server = await createServer({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  return {
    /**
     * The module's exports, typed as the caller declares them (a `@type` of the module's `typeof import`).
     * @template T
     * @param {string} path
     * @returns {Promise<T>}
     */
    load: async (path) => /** @type {T} */ (await server.ssrLoadModule(path)),
    close: () => server.close(),
  };
}

/**
 * Chromium with `dist` loaded. `linkedIn(url)` answers every https://www.linkedin.com request;
 * anything else on http(s) is refused and recorded in `refused`.
 * @param {{ dist?: string, headless?: boolean, viewport?: { width: number, height: number } }} [options]
 */
export async function launchWithExtension({ dist = join(ROOT, 'dist'), headless = true, viewport } = {}) {
  ensureChromium();
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} has no manifest.json: run "npm run build".`);
  const profile = mkdtempSync(join(tmpdir(), 'lapse-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless,
    acceptDownloads: true,
    viewport: viewport ?? { width: 1100, height: 800 },
    args: extensionArgs(dist, headless),
  });
  /** @type {string[]} */
  const refused = [];
  /** @type {(url: string) => string} */
  let linkedIn = () => '<!doctype html><title>LinkedIn</title>';
  await context.route(
    (url) => /^(https?|wss?):$/.test(url.protocol),
    (route) => {
      refused.push(route.request().url());
      return route.abort('internetdisconnected');
    },
  );
  await context.route('https://www.linkedin.com/**', (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: linkedIn(route.request().url()) }),
  );
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    refused,
    /** @param {string} path */
    url: (path) => `chrome-extension://${extensionId}/${path}`,
    /** @param {string | ((url: string) => string)} html the page, or the page for each URL */
    serveLinkedIn(html) {
      linkedIn = typeof html === 'function' ? html : () => html;
    },
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Polls `check` until it returns a truthy value (returned), or throws after `timeoutMs`.
 * @template T
 * @param {string} what
 * @param {() => T | Promise<T>} check
 */
export async function waitFor(what, check, timeoutMs = 30_000, everyMs = 100) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
