import type { ContentMessage } from '../model/messages';
import { runtimeAlive, sendToBackground } from './runtime';
import { sendAndReportToPage } from './test-hook';

/** What Chrome and Firefox say once the extension was reloaded or updated under the page. */
const INVALIDATED = /extension context invalidated|receiving end does not exist/i;

/**
 * A content script's line to the background worker. Sends quietly: when the extension has been
 * reloaded or updated while the page stayed open, the old script cannot reach it any more, so it
 * aborts `life` and everything tied to it stops, with no error on LinkedIn's console.
 */
export function linkToBackground(win: Window, life: AbortController) {
  return async <M extends ContentMessage>(message: M): Promise<unknown> => {
    if (life.signal.aborted) return undefined;
    if (!runtimeAlive()) {
      life.abort('invalidated');
      return undefined;
    }
    try {
      return await (__LAPSE_TEST_HOOKS__ ? sendAndReportToPage(win, message) : sendToBackground(message));
    } catch (error) {
      if (INVALIDATED.test(error instanceof Error ? error.message : String(error))) life.abort('invalidated');
      return undefined;
    }
  };
}
