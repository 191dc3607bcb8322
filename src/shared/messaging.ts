import browser from 'webextension-polyfill';
import { type PageMessage, PageReplies } from '../model/messages';
import type { MessageOf } from '../model/protocol';
import { type TabCommand, TabCommandReplies } from '../model/tab-command';
import { typedSender } from './reply';

export { toReply } from './reply';

/** Sends a message to the background worker and returns its typed reply, or throws its error. */
export const sendToBackground = typedSender<PageMessage, typeof PageReplies>(PageReplies, (message) =>
  browser.runtime.sendMessage(message),
);

/** Sends a command to the content script in `tabId`. */
export function sendToTab<K extends TabCommand['type']>(tabId: number, message: MessageOf<TabCommand, K>) {
  const send = typedSender<TabCommand, typeof TabCommandReplies>(TabCommandReplies, (m) =>
    browser.tabs.sendMessage(tabId, m),
  );
  return send(message);
}
