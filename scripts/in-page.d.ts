/**
 * What the scripts' functions that run inside a browser page (Playwright's `evaluate`, cdp-pipe's
 * `callIn`) can use there. For tsconfig.scripts.json only: the extension's own code never sees it.
 */
import type { Browser } from 'webextension-polyfill';
import type * as BackupBench from '../bench/entries/backup-bench';
import type * as Bench from '../bench/entries/bench-page';
import type { PageMessage, PageReplies, Reply } from '../src/model/messages';

declare global {
  interface Window {
    /** bench/entries/bench-page.ts, bundled by scripts/lib/bench-tools.mjs into the bench pages. */
    LapseBench: typeof Bench;
    /** The same entry built from another commit, by scripts/bench-ab.mjs. */
    LapseBenchBase: typeof Bench;
    /** bench/entries/backup-bench.ts, evaluated in an extension page by scripts/lib/bench-backup.mjs. */
    LapseBackupBench: typeof BackupBench;
  }

  /**
   * Chrome's extension API in the extension's pages and worker (promise-based in MV3, as the
   * polyfill types it). The worker answers a message as its router does (src/model/messages.ts),
   * or not at all (undefined) when nothing handles it.
   */
  const chrome: Omit<Browser, 'runtime'> & {
    runtime: {
      sendMessage<M extends PageMessage>(message: M): Promise<Reply<PageReplies[M['type']]> | undefined>;
    };
  };
}

/** The names of a bench entry's functions that take nothing and give a number (a time, a count). */
export type NumberFunctions<Entry> = {
  [K in keyof Entry]: Entry[K] extends () => number | Promise<number> ? K : never;
}[keyof Entry];
