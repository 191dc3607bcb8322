import browser from 'webextension-polyfill';
import type { AnyMessage, ReplyTo, TabCommand } from '../model/messages';
import { unwrap } from './reply';

export { RemoteError, toReply } from './reply';

/** Sends a message to the background worker and returns its typed reply, or throws its error. */
export async function sendToBackground<M extends AnyMessage>(message: M): Promise<ReplyTo<M>> {
  return unwrap<ReplyTo<M>>(await browser.runtime.sendMessage(message));
}

/** Sends a command to the content script in `tabId`. */
export async function sendToTab<M extends TabCommand>(tabId: number, message: M): Promise<ReplyTo<M>> {
  return unwrap<ReplyTo<M>>(await browser.tabs.sendMessage(tabId, message));
}
