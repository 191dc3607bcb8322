import * as z from 'zod/mini';
import type { RepliesOf } from './protocol';

/**
 * Background → content script commands, in a module of their own: the content script validates
 * them on receipt and, importing only this, carries none of the other schemas. One object with
 * the command in `type` (rather than a discriminated union of two objects) accepts the same
 * messages and keeps the content script under its size budget.
 */
export const TabCommand = z.object({ type: z.literal(['scan-start', 'scan-cancel']) });
export type TabCommand = z.infer<typeof TabCommand>;

/** Why the content script could not start a scan: the worker says it in the user's language. */
export const ScanRefusal = z.literal(['not-sent-page', 'already-running']);
export type ScanRefusal = z.infer<typeof ScanRefusal>;

/** What the content script answers each command (a scan it could not start says why). */
export const TabCommandReplies = {
  'scan-start': z.object({ started: z.boolean(), reason: z.nullable(ScanRefusal) }),
  'scan-cancel': z.null(),
};
export type TabCommandReplies = RepliesOf<typeof TabCommandReplies>;
