import type { ConnectionsReading } from '../../model/reading';
import { readAccount } from '../identity';
import { type PageReader, type PageWatchOptions, watchPage } from '../page-watch';
import { type ParsedConnectionsPage, parseConnectionsPage } from './parse';

/**
 * The parsed page as the message the background receives. Null when there is nothing to say yet
 * (no cards: the list is still rendering). A page with cards of which not one date was understood
 * is `failed`, and the store changes nothing for it.
 */
export function toConnectionsReading(
  parsed: ParsedConnectionsPage,
  url: string,
  observedAt: number,
): ConnectionsReading | null {
  if (parsed.cards === 0) return null;
  const dated = parsed.people.filter((p) => p.connected !== null).length;
  return {
    url: url.slice(0, 2000),
    observedAt,
    language: parsed.language,
    people: parsed.people.map((p) => ({ ...p, connected: p.connected ? { ...p.connected } : null })),
    unreadable: parsed.unreadable,
    failed: dated === 0,
  };
}

function readingKey(reading: ConnectionsReading): string {
  return JSON.stringify([
    reading.url,
    reading.language,
    reading.unreadable,
    reading.failed,
    reading.account ?? null,
    reading.people.map((p) => [p.profileUrl, p.name, p.connectedLabel]),
  ]);
}

export type ConnectionsReaderOptions = PageWatchOptions;
export type ConnectionsReader = PageReader<ConnectionsReading>;

/**
 * Reads the Connections page when it renders and again whenever it changes, so connections the
 * user scrolls into view are recorded too. Validated where it lands (the worker), like the Sent
 * page's readings: zod stays out of this script, which must stay small.
 */
export function watchConnectionsPage(options: ConnectionsReaderOptions): ConnectionsReader {
  return watchPage(options, (doc, observedAt) => {
    const parsed = parseConnectionsPage(doc, new Date(observedAt));
    const reading = toConnectionsReading(parsed, doc.location?.href ?? '', observedAt);
    if (reading) reading.account = readAccount(doc);
    return reading && { reading, key: readingKey(reading), message: { type: 'connections-reading', reading } };
  });
}
