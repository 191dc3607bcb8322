// @ts-check
/**
 * Debian's Chromium with the built extension, driven over a bare DevTools pipe instead of
 * Playwright. Why: Playwright attaches to every page as it opens (Network, Page, Runtime… domains
 * enabled), which adds ~30 ms to each sequential resource fetch of an extension page — a chain of
 * module imports pays it several times over. Real users open the popup with no debugger attached,
 * so the benchmark opens it with `Target.createTarget` (the browser target only, nothing attached
 * to the page) and attaches to read the page's own performance marks only after it has loaded.
 *
 * Protocol: `--remote-debugging-pipe` makes Chromium read commands from fd 3 and write replies
 * and events to fd 4, each a JSON message terminated by '\0'. Sessions are flat
 * (`Target.attachToTarget {flatten: true}`): a page's commands carry its `sessionId`. There is
 * deliberately no `Target.setAutoAttach`: that would attach to every page before it loads.
 */

/**
 * The DevTools commands these scripts send, with their parameters and results: the part of the
 * protocol they use (https://chromedevtools.github.io/devtools-protocol/).
 * @typedef {{
 *   'Browser.close': { params: {}, result: {} },
 *   'Target.getTargets': { params: {}, result: { targetInfos: { type: string, url: string }[] } },
 *   'Target.createTarget': { params: { url: string }, result: { targetId: string } },
 *   'Target.closeTarget': { params: { targetId: string }, result: { success: boolean } },
 *   'Target.attachToTarget': { params: { targetId: string, flatten: boolean }, result: { sessionId: string } },
 *   'Target.detachFromTarget': { params: { sessionId: string }, result: {} },
 *   'Runtime.evaluate': {
 *     params: { expression: string, awaitPromise: boolean, returnByValue: boolean },
 *     result: { result: { value?: unknown }, exceptionDetails?: { text: string, exception?: { description?: string } } },
 *   },
 *   'Runtime.getHeapUsage': { params: {}, result: { usedSize: number, totalSize: number } },
 *   'HeapProfiler.collectGarbage': { params: {}, result: {} },
 * }} Commands
 */
/** @typedef {ReturnType<typeof pipeClient>} CdpClient */
/** @typedef {Awaited<ReturnType<typeof launchOverPipe>>} PipeBrowser */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { CHROMIUM, ensureChromium, extensionArgs } from './chromium.mjs';

/**
 * Launches Chromium with the unpacked extension at `dist` on a fresh profile. Resolves once the
 * extension's service worker is up, with its id, a CDP client and `close()`.
 * @param {{ dist: string, headless?: boolean, windowSize?: [number, number] }} options
 */
export async function launchOverPipe({ dist, headless = true, windowSize = [400, 600] }) {
  ensureChromium();
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} has no manifest.json: run "npm run build".`);
  const profile = mkdtempSync(join(tmpdir(), 'lapse-pipe-'));
  const child = spawn(
    CHROMIUM,
    [
      ...extensionArgs(dist, headless),
      `--user-data-dir=${profile}`,
      '--remote-debugging-pipe',
      // Nothing may leave the machine: every host name resolves to "not found", and anything that
      // would skip name resolution (an IP address) goes to a proxy on a closed local port.
      '--host-resolver-rules=MAP * ~NOTFOUND',
      '--proxy-server=http://127.0.0.1:9',
      // New tabs open in this first window: keep it near a popup's size (Chrome caps popups at
      // 800×600). Headless Chromium widens it to 500 px, and a tab in it shows 500×513 CSS px.
      `--window-size=${windowSize.join(',')}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
  );
  const [, , stderr, toChrome, fromChrome] = child.stdio;
  if (!stderr || !(toChrome instanceof Writable) || !(fromChrome instanceof Readable)) {
    child.kill('SIGKILL');
    throw new Error('Chromium started without the pipes asked for');
  }
  // Drained so Chromium never blocks on a full stderr pipe; the tail explains a failed launch.
  let stderrTail = '';
  stderr.on('data', (chunk) => {
    stderrTail = (stderrTail + chunk).slice(-4000);
  });
  const cdp = pipeClient(toChrome, fromChrome);
  /** @type {Promise<number | null>} */
  const exited = new Promise((resolve) => child.once('exit', resolve));
  exited.then((code) => cdp.fail(new Error(`Chromium exited (${code}) ${stderrTail.trim()}`)));

  const close = async () => {
    await Promise.race([cdp.send('Browser.close').catch(() => {}), exited]);
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    rmSync(profile, { recursive: true, force: true });
  };

  try {
    const extensionId = await findExtensionId(cdp);
    /** @param {string} path */
    const url = (path) => `chrome-extension://${extensionId}/${path}`;
    return { cdp, extensionId, url, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The extension's id, from its service worker's URL, once Chromium lists the worker.
 * @param {CdpClient} cdp
 */
async function findExtensionId(cdp, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
    if (worker) return new URL(worker.url).host;
    if (Date.now() > until) throw new Error('the extension service worker did not start');
    await sleep(100);
  }
}

/**
 * A minimal CDP client over Chromium's pipe. `send(method, params, sessionId)` resolves with the
 * result or rejects with the protocol error. Events are not listened to: nothing here needs them.
 * @param {Writable} toChrome
 * @param {Readable} fromChrome
 */
function pipeClient(toChrome, fromChrome) {
  let nextId = 1;
  /** @type {Error | null} */
  let failure = null;
  /** @type {Map<number, { method: string, resolve: (result: unknown) => void, reject: (error: Error) => void }>} */
  const pending = new Map();
  let buffered = Buffer.alloc(0);

  fromChrome.on('data', (/** @type {Buffer} */ chunk) => {
    // Messages can span chunks; split on '\0' as bytes so a UTF-8 character is never cut.
    buffered = Buffer.concat([buffered, chunk]);
    for (let end = buffered.indexOf(0); end >= 0; end = buffered.indexOf(0)) {
      /** @type {{ id?: number, result?: unknown, error?: { message: string } }} A reply, or an event (no id). */
      const message = JSON.parse(buffered.subarray(0, end).toString('utf8'));
      buffered = buffered.subarray(end + 1);
      if (message.id === undefined) continue;
      const call = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) call?.reject(new Error(`${call.method}: ${message.error.message}`));
      else call?.resolve(message.result);
    }
  });

  return {
    /**
     * @template {keyof Commands} M
     * @param {M} method
     * @param {Commands[M]['params']} [params]
     * @param {string} [sessionId] a flat session's, for a command to a page; none for the browser
     * @returns {Promise<Commands[M]['result']>}
     */
    send(method, params, sessionId) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      toChrome.write(`${JSON.stringify({ id, method, params: params ?? {}, ...(sessionId ? { sessionId } : {}) })}\0`);
      return new Promise((resolve, reject) =>
        // Chromium's reply to `method`, as the protocol (Commands) describes it.
        pending.set(id, {
          method,
          resolve: (result) => resolve(/** @type {Commands[M]['result']} */ (result)),
          reject,
        }),
      );
    },
    /**
     * Rejects every call in flight and every later one (Chromium is gone).
     * @param {Error} error
     */
    fail(error) {
      failure = error;
      for (const call of pending.values()) call.reject(error);
      pending.clear();
    },
  };
}

/**
 * Evaluates `expression` in target `targetId` through a short-lived flat session: attach,
 * `Runtime.evaluate` (promises awaited, result by value), detach. Attaching is what a debugger
 * does, so call this only once the page has done what is to be measured.
 * @param {CdpClient} cdp
 * @param {string} targetId
 * @param {string} expression
 * @returns {Promise<unknown>} the expression's value, as JSON carries it
 */
export async function evaluateIn(cdp, targetId, expression) {
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
  try {
    const { result, exceptionDetails } = await cdp.send(
      'Runtime.evaluate',
      { expression, awaitPromise: true, returnByValue: true },
      sessionId,
    );
    if (exceptionDetails) {
      throw new Error(`evaluate: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    }
    return result.value;
  } finally {
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
  }
}

/**
 * Calls `pageFunction` with `args` in target `targetId`, as evaluateIn does. The function travels
 * as source: it may use its arguments (JSON values) and the page's globals (scripts/in-page.d.ts),
 * nothing from its scope here.
 * @template {unknown[]} A
 * @template R
 * @param {CdpClient} cdp
 * @param {string} targetId
 * @param {(...args: A) => R} pageFunction
 * @param {A} args
 * @returns {Promise<Awaited<R>>}
 */
export async function callIn(cdp, targetId, pageFunction, ...args) {
  const call = `(${pageFunction})(${args.map((arg) => JSON.stringify(arg)).join(', ')})`;
  // What the function returned, awaited in the page and sent back by value.
  return /** @type {Awaited<R>} */ (await evaluateIn(cdp, targetId, call));
}

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
