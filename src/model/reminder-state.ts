import * as z from 'zod/mini';
import { Instant } from './time';

/**
 * What the reminder rule remembers between checks (storage.local, so it survives worker and
 * browser restarts): when it last notified, and which invitations it has already announced as
 * "act this week", so the same crossing never brings a second notification.
 */
export const ReminderState = z.object({
  lastNotifiedAt: z.nullable(Instant),
  /** Record ids, announced and still able to come back into "act this week" by themselves. */
  announced: z.array(z.string().check(z.maxLength(500))),
});
export type ReminderState = z.infer<typeof ReminderState>;
