import * as z from 'zod/mini';
import { Instant, Interval } from './time';

/**
 * Everything about one record that any count depends on (and, for a resolved one, only what it
 * teaches the learned window) — nothing else of it is ever read to
 * count. Records with equal facts count alike, so a ledger's counts can be kept as how many
 * records hold each set of facts (the store keeps exactly that, updated with every write, and
 * extension pages read it to count without reading every record).
 */
export const CountFacts = z.object({
  /** Pending in the ledger (status `pending`); every other status counts as resolved. */
  pending: z.boolean(),
  hidden: z.boolean(),
  sent: z.nullable(Interval),
  /** When the Sent page last listed it (rules/window.ts lastListedAt). */
  listedAt: z.nullable(Instant),
  /** "Remind me on…": out of the act-on count until then (null: not snoozed). */
  snoozedUntil: z.nullable(Instant),
  /** Its youngest possible age when the Sent page last listed it, in whole days (the learned window's evidence). */
  listedDays: z.nullable(z.number().check(z.int(), z.gte(0))),
});
export type CountFacts = z.infer<typeof CountFacts>;

/** One set of facts and how many records hold it. */
export const FactGroup = z.object({
  facts: CountFacts,
  count: z.number().check(z.int(), z.gte(1)),
});
export type FactGroup = z.infer<typeof FactGroup>;
