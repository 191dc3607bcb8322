import type { LapseDb } from './db';

/**
 * Read-only access for extension pages (popup, options), which share the worker's origin and
 * so its database. Writes still go through the worker. Values come back as `unknown`: the
 * caller validates every record with zod before anything reaches the screen.
 */

export interface RawLedger {
  records: unknown[];
  lastReading: unknown;
  lastCompleteReading: unknown;
}

/**
 * A read-only transaction's results are final once its requests succeed: waiting for its
 * `complete` event as well costs the first rows another round trip to the browser process.
 */
function settled(done: Promise<void>): void {
  done.catch(() => {});
}

/** Every record and the two meta readings, in one transaction (a consistent picture). */
export async function readRawLedger(db: LapseDb): Promise<RawLedger> {
  const tx = db.transaction(['invitations', 'meta']);
  settled(tx.done);
  const meta = tx.objectStore('meta');
  const [records, lastReading, lastCompleteReading] = await Promise.all([
    tx.objectStore('invitations').getAll(),
    meta.get('lastReading'),
    meta.get('lastCompleteReading'),
  ]);
  return { records, lastReading: lastReading ?? null, lastCompleteReading: lastCompleteReading ?? null };
}

/** The two meta readings alone. */
export async function readRawMeta(db: LapseDb): Promise<Omit<RawLedger, 'records'>> {
  const tx = db.transaction('meta');
  settled(tx.done);
  const [lastReading, lastCompleteReading] = await Promise.all([
    tx.store.get('lastReading'),
    tx.store.get('lastCompleteReading'),
  ]);
  return { lastReading: lastReading ?? null, lastCompleteReading: lastCompleteReading ?? null };
}

/** The index key of a stored value, when it is one that can be read on from. */
function sentEarliestOf(value: unknown): number | null {
  const sent = (value as { sent?: { earliest?: unknown } } | null)?.sent;
  return typeof sent?.earliest === 'number' ? sent.earliest : null;
}

/**
 * Records with a known send time, oldest possible send (`sent.earliest`) first, from `from` on;
 * `visit` says whether to go on. Records without a send time are not in this index.
 * Used to draw the first rows without reading the whole ledger: read in batches (a round trip
 * each, where a cursor would make one per record), all in one transaction.
 */
export async function walkBySentEarliest(
  db: LapseDb,
  from: number,
  visit: (value: unknown) => boolean,
  batch = 200,
): Promise<void> {
  const tx = db.transaction('invitations');
  settled(tx.done);
  const index = tx.store.index('bySentEarliest');
  const seen = new Set<unknown>();
  let lower = from;
  // Records already visited whose key is `lower`: the next batch starts with them again.
  let atLower = 0;
  for (;;) {
    const size = atLower + batch;
    // Inclusive: records sharing the last key may have been cut off; `seen` skips the visited ones.
    const values: unknown[] = await index.getAll(IDBKeyRange.lowerBound(lower), size);
    for (const value of values) {
      const id = (value as { id?: unknown } | null)?.id;
      if (seen.has(id)) continue;
      seen.add(id);
      if (!visit(value)) return;
    }
    const last = sentEarliestOf(values.at(-1));
    if (values.length < size || last === null) return;
    atLower = last === lower ? values.length : values.filter((value) => sentEarliestOf(value) === last).length;
    lower = last;
  }
}
