import * as z from 'zod/mini';
import type { RepliesOf } from './protocol';

/**
 * What the worker answers each content-script message (src/model/messages.ts ContentMessage), in
 * a module of its own so that the content scripts carry these few schemas and not the others.
 */
export const ContentReplies = {
  reading: z.object({ added: z.number(), updated: z.number(), markedGone: z.number(), ignored: z.boolean() }),
  'withdraw-observed': z.object({ matched: z.boolean() }),
  'scan-progress': z.null(),
  'scan-requested': z.object({ scan: z.boolean() }),
  'connections-reading': z.object({ matched: z.number(), accepted: z.number(), ignored: z.boolean() }),
};
export type ContentReplies = RepliesOf<typeof ContentReplies>;
