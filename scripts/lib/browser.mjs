/**
 * What the demo and the benchmark share: Debian's Chromium with a built extension loaded on a
 * fresh profile, LinkedIn served from fixtures (every other request refused: no network), and
 * the project's TypeScript modules loaded in Node through Vite (Node 20 cannot strip types).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const CHROMIUM = process.env.LAPSE_CHROMIUM ?? '/usr/bin/chromium';
export const SENT_URL = 'https://www.linkedin.com/mynetwork/invitation-manager/sent/';

/** Installs Debian's chromium where it is missing (nothing may download a browser build). */
export function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  console.log(`${CHROMIUM} not found; installing Debian's chromium (apt-get install -y chromium)…`);
  try {
    execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], {
      stdio: 'inherit',
    });
  } catch {
    // Explained below.
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error('Chromium is needed: install it with "sudo apt-get install -y chromium" or set LAPSE_CHROMIUM.');
  }
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
  return { load: (path) => server.ssrLoadModule(path), close: () => server.close() };
}

/**
 * Chromium with `dist` loaded. `linkedIn(url)` answers every https://www.linkedin.com request;
 * anything else on http(s) is refused and recorded in `refused`.
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
    args: [
      ...(headless ? ['--headless=new'] : []),
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const refused = [];
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
    url: (path) => `chrome-extension://${extensionId}/${path}`,
    serveLinkedIn(html) {
      linkedIn = typeof html === 'function' ? html : () => html;
    },
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Polls `check` until it returns a truthy value (returned), or throws after `timeoutMs`. */
export async function waitFor(what, check, timeoutMs = 30_000, everyMs = 100) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
