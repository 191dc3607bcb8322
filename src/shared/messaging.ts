import browser from 'webextension-polyfill';
import type { AnyMessage, Reply, ReplyTo, TabCommand } from '../model/messages';

/** Raised on the caller's side when the other end answered with an error. */
export class RemoteError extends Error {
  override name = 'RemoteError';
}

function unwrap<T>(reply: unknown): T {
  const r = reply as Reply<T> | undefined;
  if (!r || typeof r !== 'object' || !('ok' in r)) throw new RemoteError('No reply from the Lapse background worker');
  if (!r.ok) throw new RemoteError(r.error);
  return r.value;
}

/** Sends a message to the background worker and returns its typed reply, or throws its error. */
export async function sendToBackground<M extends AnyMessage>(message: M): Promise<ReplyTo<M>> {
  return unwrap<ReplyTo<M>>(await browser.runtime.sendMessage(message));
}

/** Sends a command to the content script in `tabId`. */
export async function sendToTab<M extends TabCommand>(tabId: number, message: M): Promise<ReplyTo<M>> {
  return unwrap<ReplyTo<M>>(await browser.tabs.sendMessage(tabId, message));
}

/** Wraps a handler's outcome as a Reply, so errors cross the boundary as data. */
export async function toReply<T>(work: () => Promise<T> | T): Promise<Reply<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
