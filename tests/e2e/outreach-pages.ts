import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { Interval } from '../../src/model/time';
import { labelToInterval } from '../../src/rules/label-interval';
import type { FixtureAge, FixturePerson } from '../fixtures/sent-page';
import { person } from './pages';

/**
 * What the outreach browser tests hand the extension: LinkedIn's data-export archive (built from
 * the sample files in tests/fixtures/export), Sent-page people consistent with it, and the
 * Connections page at its real URL.
 */

export const CONNECTIONS_URL = 'https://www.linkedin.com/mynetwork/invite-connect/connections/';

const FIXTURES = join(__dirname, '../fixtures');
const MINUTE = 60_000;

/** A sample file of LinkedIn's export, as text. */
export function exportFile(name: string): string {
  return readFileSync(join(FIXTURES, 'export', name), 'utf-8');
}

/** A Connections page fixture (tests/fixtures/connections-*.html). */
export function connectionsPage(name: 'current-en' | 'classic-en' | 'current-fr'): string {
  return readFileSync(join(FIXTURES, `connections-${name}.html`), 'utf-8');
}

/** LinkedIn's archive as the browser's file input receives it: a .zip holding the named CSV files. */
export function archive(files: Record<string, string>, name = 'Basic_LinkedInDataExport_11-20-2026.zip') {
  const entries = Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)]));
  return { name, mimeType: 'application/zip', buffer: Buffer.from(zipSync(entries)) };
}

/** The exported minute of each outgoing invitation in tests/fixtures/export/Invitations.csv (UTC). */
export const EXPORTED_SENT = {
  ada: Date.UTC(2026, 2, 5, 1, 45),
  bob: Date.UTC(2026, 1, 28, 23, 2),
  zoe: Date.UTC(2026, 0, 15, 12, 5),
} as const;

export const exactMinute = (at: number): Interval => ({ earliest: at, latest: at + MINUTE - 1 });

/**
 * The label LinkedIn's Sent page would show now for an invitation sent at `at`: the first
 * "N months/years ago" whose meaning (by the rules) holds that moment. The sample files have fixed
 * dates, so the Sent page must age with the calendar to stay consistent with them.
 */
export function ageLabelFor(at: number, now: number): FixtureAge {
  for (const unit of ['month', 'year'] as const) {
    for (let count = 1; count <= (unit === 'month' ? 11 : 30); count++) {
      const interval = labelToInterval({ kind: 'ago', count, unit }, now);
      if (interval.earliest <= at && at + MINUTE - 1 <= interval.latest) return { kind: 'ago', count, unit };
    }
  }
  throw new Error(`No "months/years ago" label holds ${new Date(at).toISOString()}`);
}

/**
 * The people of the sample export as LinkedIn's Sent page lists them today (profile links as the
 * page writes them: lower case, accents unencoded), and three recent invitations the export does
 * not know.
 */
export function sentPagePeople(now: number): { exported: FixturePerson[]; recent: FixturePerson[] } {
  return {
    exported: [
      person('ada-lovelace', 'Ada Lovelace', ageLabelFor(EXPORTED_SENT.ada, now), 'Mathematician'),
      person('bob-smith-1a2b3c', 'Bob Smith', ageLabelFor(EXPORTED_SENT.bob, now), 'Builder'),
      person('zoë-ærø', 'Zoë Ærø 🌟', ageLabelFor(EXPORTED_SENT.zoe, now), 'Designer'),
    ],
    recent: [
      person('cara-recent', 'Cara Recent', { kind: 'ago', count: 2, unit: 'week' }),
      person('dev-recent', 'Dev Recent', { kind: 'ago', count: 3, unit: 'day' }),
      person('eli-recent', 'Eli Recent', { kind: 'ago', count: 1, unit: 'month' }),
    ],
  };
}
