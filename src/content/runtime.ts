import { ContentReplies } from '../model/content-replies';
import type { ContentMessage } from '../model/messages';
import { typedSender } from '../shared/reply';

/**
 * The content scripts' line to the extension, without webextension-polyfill (the worker and the
 * extension pages keep it): the polyfill is about 2.6 KB of the Sent-page script's 15 KB gzip
 * budget, and in MV3 both browsers already answer with promises — Firefox's `browser`, Chrome's
 * `chrome.runtime.sendMessage` called without a callback. What is not portable is answering a
 * message with a promise (Firefox takes one, not every Chrome does), so listeners are adapted to
 * `sendResponse` and `return true`, which both understand.
 */

type SendResponse = (response: unknown) => void;
/** An onMessage listener in the form both browsers call: true keeps the channel open for sendResponse. */
type PortableListener = (message: unknown, sender: unknown, sendResponse: SendResponse) => boolean;

/** The part of `browser.runtime` / `chrome.runtime` the content scripts use. */
interface ExtensionRuntime {
  /** Undefined once the extension was reloaded or updated under the page. */
  readonly id?: string;
  sendMessage(message: unknown): Promise<unknown>;
  readonly onMessage: {
    addListener(listener: PortableListener): void;
    removeListener(listener: PortableListener): void;
  };
}

/**
 * Firefox's promise-based `browser`, else Chrome's `chrome`. Asked for its runtime, not just for
 * being there: an element with id="browser" on the page can also be `window.browser`.
 */
function extensionRuntime(): ExtensionRuntime | undefined {
  const scope = globalThis as { browser?: { runtime?: ExtensionRuntime }; chrome?: { runtime?: ExtensionRuntime } };
  return scope.browser?.runtime ?? scope.chrome?.runtime;
}

/** False once the extension context is gone (reloaded, updated or removed under the page). */
export function runtimeAlive(): boolean {
  try {
    return Boolean(extensionRuntime()?.id);
  } catch {
    return false;
  }
}

/** Sends to the background worker; a synchronous throw (Chrome, dead context) becomes a rejection. */
export async function sendMessage(message: unknown): Promise<unknown> {
  const runtime = extensionRuntime();
  if (!runtime) throw new Error('Extension context invalidated.');
  return runtime.sendMessage(message);
}

/** Sends a message to the background worker and returns its typed reply, or throws its error. */
export const sendToBackground = typedSender<ContentMessage, typeof ContentReplies>(ContentReplies, sendMessage);

/** What sends a content message and resolves with its typed reply. */
export type SendToBackground = typeof sendToBackground;

/**
 * Listens for messages from the extension. `listener` answers with a promise, or declines with
 * undefined (the message is not for it); a rejected answer goes back as a failed Reply. Returns
 * the function that stops listening.
 */
export function onExtensionMessage(listener: (message: unknown) => Promise<unknown> | undefined): () => void {
  const portable: PortableListener = (message, _sender, sendResponse) => {
    const answer = listener(message);
    if (!answer) return false;
    answer.then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: String(error) }));
    return true;
  };
  extensionRuntime()?.onMessage.addListener(portable);
  return () => extensionRuntime()?.onMessage.removeListener(portable);
}
