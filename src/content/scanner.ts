import { FIELD_LIMITS } from '../model/field-limits';
import type { SentPageReading } from '../model/reading';
import { errorMessage } from '../shared/reply';
import { readAccount } from './identity';
import { type PageWatchOptions, type PageReader as Reader, watchPage } from './page-watch';
import { type ParsedSentPage, parseSentPage } from './parse';
import { failedReading, readingKey, toReading } from './reading';

export type PageReaderOptions = PageWatchOptions;
export interface PageReader extends Reader<SentPageReading> {
  /** The list was loaded anew (in-page navigation within Sent): reads it, as loaded now. */
  reloaded(): void;
}

/**
 * Reads the Sent page as soon as invitations render and again whenever they change, so the
 * user's own scrolling and "Load more" clicks are recorded as they happen. Each reading says when
 * its list was loaded: when this visit began, or last grew (someone not seen before in this
 * visit, or a new total). A re-read after a change that loaded nothing keeps that time, so an
 * old tab cannot pass its old list off as new.
 */
export function watchSentPage(options: PageReaderOptions): PageReader {
  let loadedAt = options.now();
  const seen = new Set<string>();
  let total: number | null | undefined;

  const grew = (parsed: ParsedSentPage): boolean => {
    let grown = total !== undefined && parsed.total !== total;
    total = parsed.total;
    for (const invitation of parsed.invitations) {
      if (seen.has(invitation.profileUrl)) continue;
      seen.add(invitation.profileUrl);
      grown = true;
    }
    return grown;
  };

  const reader = watchPage(options, (doc, observedAt) => {
    const url = doc.location?.href ?? '';
    let reading: SentPageReading | null;
    try {
      const parsed = parseSentPage(doc, new Date(observedAt));
      if (grew(parsed)) loadedAt = observedAt;
      reading = toReading(parsed, url, observedAt, loadedAt);
    } catch (error) {
      // Never silence: a page that breaks the parser is a failed reading the popup shows.
      const detail = errorMessage(error).slice(0, FIELD_LIMITS.reason);
      reading = failedReading(url, observedAt, loadedAt, { code: 'parser-error', detail });
    }
    if (reading) reading.account = readAccount(doc);
    return reading && { reading, key: readingKey(reading), message: { type: 'reading', reading } };
  });
  return {
    readNow: reader.readNow,
    reloaded: () => {
      loadedAt = options.now();
      reader.readNow();
    },
  };
}
