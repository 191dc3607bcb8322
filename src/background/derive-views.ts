import type { Settings } from '../model/settings';
import { countsFromFacts, learnedWindowFromFacts, resolveWith } from '../rules';
import { OPENING_PAGE_SIZE, openingPageOf, openingWalk } from '../shared/opening-page';
import type { LapseDb } from '../store/db';
import { readViewsSource } from '../store/views';

/**
 * The badge's counts and the opening page, from the store's count facts and the pending records
 * at the front of the send order: a few groups and a few dozen records, whatever the ledger's
 * size. The window is learned from the facts first; the walk then goes only as far as the page needs.
 */
export async function deriveViews(
  db: LapseDb,
  chosen: Settings,
  now: number,
  ledgerVersion: number,
  size = OPENING_PAGE_SIZE,
) {
  let learned = chosen.learnedFloorDays;
  let settings = resolveWith(chosen, learned);
  let walk = openingWalk(settings, now, size);
  const source = await readViewsSource(db, (facts) => {
    learned = learnedWindowFromFacts(facts, chosen.learnedFloorDays);
    settings = resolveWith(chosen, learned);
    walk = openingWalk(settings, now, size);
    return walk.take;
  });
  const stamp = { now, ledgerVersion, lastReading: source.lastReading, learnedWindowDays: learned };
  return {
    openingPage: openingPageOf(source.allPending ?? walk.taken, settings, stamp, size),
    badge: { counts: countsFromFacts(source.facts, settings, now), settings },
  };
}
