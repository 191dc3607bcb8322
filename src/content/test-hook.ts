import * as z from 'zod/mini';
import type { ContentReplies } from '../model/content-replies';
import type { ContentMessage } from '../model/messages';
import type { MessageOf } from '../model/protocol';
import { errorMessage, unwrap } from '../shared/reply';
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
export async function sendAndReportToPage<K extends ContentMessage['type']>(
  win: Window,
  message: MessageOf<ContentMessage, K>,
): Promise<ContentReplies[K]> {
  try {
    const reply = await sendToBackground(message);
    win.postMessage(
      { source: TEST_HOOK_SOURCE, kind: `${message.type}-ack`, reply, ledger: await ledgerSummary() },
      '*',
    );
    return reply;
  } catch (error) {
    const text = errorMessage(error);
    win.postMessage({ source: TEST_HOOK_SOURCE, kind: `${message.type}-error`, error: text }, '*');
    throw error;
  }
}

async function ledgerSummary(): Promise<unknown> {
  try {
    // Built here, not at the top level, so shipped builds (which drop this module) carry none of it.
    const summary = z.object({
      count: z.number(),
      byStatus: z.record(z.string(), z.number()),
      fingerprint: z.string(),
    });
    return unwrap(summary, await sendMessage({ type: TEST_LEDGER_SUMMARY }));
  } catch (error) {
    return { error: errorMessage(error) };
  }
}
