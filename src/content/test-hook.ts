import type { ContentMessage } from '../model/messages';
import { sendMessage, sendToBackground } from './runtime';

/**
 * TEST BUILDS ONLY (LAPSE_TEST_HOOKS=1, see vite.config.ts). The shipped extension leaves no
 * trace on LinkedIn's page, so a browser test that cannot open the extension's own pages (Firefox
 * under WebDriver BiDi) has no window into it. In test builds the content script posts what the
 * background answered to the fixture page, with a summary of the ledger after the answer.
 * postMessage changes no DOM. Shipped builds compile `__LAPSE_TEST_HOOKS__` to false, so this
 * module is dropped from them (tests/firefox/builds.test.ts checks the markers are absent).
 */

declare global {
  /** Replaced at build time (vite.config.ts `define`): true only in LAPSE_TEST_HOOKS=1 builds. */
  const __LAPSE_TEST_HOOKS__: boolean;
}

export const TEST_HOOK_SOURCE = 'lapse-test-hook';
/** The one test-only request the worker answers (src/background/test-hook.ts), never shipped. */
export const TEST_LEDGER_SUMMARY = 'lapse-test-ledger-summary';

// Loaded with the content script: tells the page the script is running, so a test can wait for
// it before navigating in-page (an SPA test must not race the script's injection).
if (__LAPSE_TEST_HOOKS__) window.postMessage({ source: TEST_HOOK_SOURCE, kind: 'content-script-started' }, '*');

/** Sends like the shipped content script, then tells the page what came back (or what failed). */
export async function sendAndReportToPage(win: Window, message: ContentMessage): Promise<unknown> {
  try {
    const reply = await sendToBackground(message);
    win.postMessage(
      { source: TEST_HOOK_SOURCE, kind: `${message.type}-ack`, reply, ledger: await ledgerSummary() },
      '*',
    );
    return reply;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    win.postMessage({ source: TEST_HOOK_SOURCE, kind: `${message.type}-error`, error: text }, '*');
    throw error;
  }
}

async function ledgerSummary(): Promise<unknown> {
  try {
    const reply = (await sendMessage({ type: TEST_LEDGER_SUMMARY })) as
      | { ok: true; value: unknown }
      | { ok: false; error: string };
    return reply.ok ? reply.value : { error: reply.error };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
