import type { Reply } from '../model/messages';

/**
 * The two ends of a reply, with no extension API: every page and the worker send through
 * ./messaging (webextension-polyfill), the content scripts through src/content/runtime.ts.
 */

/** Raised on the caller's side when the other end answered with an error. */
export class RemoteError extends Error {
  override name = 'RemoteError';
}

/** The value of a Reply, or its error thrown again (also when nothing usable came back). */
export function unwrap<T>(reply: unknown): T {
  const r = reply as Reply<T> | undefined;
  if (!r || typeof r !== 'object' || !('ok' in r)) throw new RemoteError('No reply from the Lapse background worker');
  if (!r.ok) throw new RemoteError(r.error);
  return r.value;
}

/** Wraps a handler's outcome as a Reply, so errors cross the boundary as data. */
export async function toReply<T>(work: () => Promise<T> | T): Promise<Reply<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
