import type * as z from 'zod/mini';

/**
 * How a reply type follows from its request type, on both ends of a message. Each vocabulary
 * (content → worker, page → worker, worker → tab) keeps a table of reply schemas keyed by message
 * type; senders parse the reply with it, the worker's handler table must return its type.
 */

/** The member of message union `M` whose `type` is `K` (also for a one-object union like TabCommand). */
export type MessageOf<M extends { type: string }, K extends M['type']> = M & { type: K };

/** Reply schemas keyed by message type. */
export type ReplySchemas<S> = { [K in keyof S]: z.ZodMiniType };

/** The reply types those schemas describe. */
export type RepliesOf<S extends ReplySchemas<S>> = { [K in keyof S]: z.infer<S[K]> };

/** Errors cross the boundary as data and are thrown again by the caller. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
