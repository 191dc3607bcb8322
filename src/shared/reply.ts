import * as z from 'zod/mini';
import type { MessageOf, RepliesOf, Reply, ReplySchemas } from '../model/protocol';
import { parseOrThrow } from '../model/validate';

/**
 * The two ends of a reply, with no extension API: every page and the worker send through
 * ./messaging (webextension-polyfill), the content scripts through src/content/runtime.ts.
 */

/**
 * Raised on the caller's side when the other end answered with an error. `silent`: it gave no
 * words of its own (no reply at all, or a failure without a reason), so a page says it in the
 * user's language (src/shared/ui/problem-text.ts); the message is for logs.
 */
export class RemoteError extends Error {
  override name = 'RemoteError';
  constructor(
    message: string,
    readonly silent = false,
  ) {
    super(message);
  }
}

/** A Reply as it arrives: one object schema rather than a union, which the content scripts' size budget favours. */
const Envelope = z.object({ ok: z.boolean(), value: z.optional(z.unknown()), error: z.optional(z.string()) });

/** The value of a reply, checked with `schema`, or its error thrown again (also when nothing usable came back). */
export function unwrap<S extends z.ZodMiniType>(schema: S, reply: unknown): z.infer<S> {
  const envelope = z.safeParse(Envelope, reply);
  if (!envelope.success) throw new RemoteError('No reply from the Lapse background worker', true);
  const { ok, error } = envelope.data;
  if (!ok) throw error ? new RemoteError(error) : new RemoteError('The Lapse background worker failed', true);
  return parseOrThrow(schema, envelope.data.value, 'reply');
}

/**
 * A typed sender over `transport`: the reply to a message of type K is `replies[K]`'s type,
 * checked on arrival.
 */
export function typedSender<M extends { type: keyof S & string }, S extends ReplySchemas<S>>(
  replies: S,
  transport: (message: M) => Promise<unknown>,
) {
  return async <K extends M['type'] & keyof S>(message: MessageOf<M, K>): Promise<RepliesOf<S>[K]> => {
    const type: K = message.type;
    return unwrap(replies[type], await transport(message));
  };
}

/** The words of something thrown: an Error's message, or the value itself as text. */
export function errorMessage(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

/** Wraps a handler's outcome as a Reply, so errors cross the boundary as data. */
export async function toReply<T>(work: () => Promise<T> | T): Promise<Reply<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}
