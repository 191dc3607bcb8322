import browser from 'webextension-polyfill';
import { type PageMessage, PageReplies } from '../model/messages';
import type { MessageOf } from '../model/protocol';
import { type TabCommand, TabCommandReplies } from '../model/tab-command';
import { errorMessage, RemoteError, typedSender } from './reply';

export { toReply } from './reply';

/**
 * Sends a message to the background worker and returns its typed reply, or throws its error. A
 * message that does not reach it ("Receiving end does not exist") is the worker's silence too.
 */
export const sendToBackground = typedSender<PageMessage, typeof PageReplies>(PageReplies, (message) =>
  browser.runtime.sendMessage(message).catch((cause: unknown) => {
    throw new RemoteError(errorMessage(cause), true);
  }),
);

/** Sends a command to the content script in `tabId`. */
export function sendToTab<K extends TabCommand['type']>(tabId: number, message: MessageOf<TabCommand, K>) {
  const send = typedSender<TabCommand, typeof TabCommandReplies>(TabCommandReplies, (m) =>
    browser.tabs.sendMessage(tabId, m),
  );
  return send(message);
}
