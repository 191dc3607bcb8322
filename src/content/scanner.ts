import type { SentPageReading } from '../model/reading';
import { type PageWatchOptions, type PageReader as Reader, watchPage } from './page-watch';
import { parseSentPage } from './parse';
import { readingKey, toReading } from './reading';

export type PageReaderOptions = PageWatchOptions;
export type PageReader = Reader<SentPageReading>;

/**
 * Reads the Sent page as soon as invitations render and again whenever they change, so the
 * user's own scrolling and "Load more" clicks are recorded as they happen.
 */
export function watchSentPage(options: PageReaderOptions): PageReader {
  return watchPage(options, (doc, observedAt) => {
    const reading = toReading(parseSentPage(doc, new Date(observedAt)), doc.location?.href ?? '', observedAt);
    return reading && { reading, key: readingKey(reading), message: { type: 'reading', reading } };
  });
}
