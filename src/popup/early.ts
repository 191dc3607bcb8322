import { type StorageApi, startEarlyReads } from './early-reads';

/**
 * The popup's first script (vite.config.ts puts it ahead of the main one in index.html): a few
 * hundred bytes that start the storage reads while the browser still fetches and compiles the
 * popup itself. It calls the browser's own promise API (Firefox's `browser`, Chrome's `chrome`)
 * so as not to wait for webextension-polyfill; main.tsx imports this same module instance.
 */
const native = globalThis as { browser?: StorageApi; chrome?: StorageApi };

export const early = startEarlyReads((native.browser ?? native.chrome)!);
