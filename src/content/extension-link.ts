import type { ContentReplies } from '../model/content-replies';
import type { ContentMessage } from '../model/messages';
import type { MessageOf } from '../model/protocol';
import { errorMessage } from '../shared/reply';
import { runtimeAlive, type SendToBackground, sendToBackground } from './runtime';
import { sendAndReportToPage } from './test-hook';

/** What Chrome and Firefox say once the extension was reloaded or updated under the page. */
const INVALIDATED = /extension context invalidated|receiving end does not exist/i;

/**
 * A content script's line to the background worker: resolves with the worker's answer, rejects
 * when there was none. When the extension has been reloaded or updated while the page stayed
 * open, the old script cannot reach it any more, so it aborts `life` and everything tied to it.
 */
export function linkToBackground(win: Window, life: AbortController): SendToBackground {
  return async (message) => {
    if (!life.signal.aborted && !runtimeAlive()) life.abort('invalidated');
    life.signal.throwIfAborted();
    try {
      return await (__LAPSE_TEST_HOOKS__ ? sendAndReportToPage(win, message) : sendToBackground(message));
    } catch (error) {
      if (INVALIDATED.test(errorMessage(error))) life.abort('invalidated');
      throw error;
    }
  };
}

/** The same line for messages nobody waits on: a failure is dropped, with no error on LinkedIn's console. */
export function quietly(send: SendToBackground) {
  return <K extends ContentMessage['type']>(
    message: MessageOf<ContentMessage, K>,
  ): Promise<ContentReplies[K] | undefined> => send(message).catch(() => undefined);
}
