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
