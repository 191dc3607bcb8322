import { LEDGER_VERSION_KEY, OPENING_PAGE_KEY, SCAN_KEY, SETTINGS_KEY, settingsArea } from '../shared/well-known';

/**
 * The storage reads the popup's first rows wait for, as raw answers: whoever uses them validates
 * them with zod, like any other read. The settings come from their area (settingsArea), the
 * ledger version from local, the opening page and the scan state from session in one call.
 */
export interface EarlyReads {
  settings: Promise<Record<string, unknown>>;
  version: Promise<Record<string, unknown>>;
  session: Promise<Record<string, unknown>>;
}

interface StorageArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
}

/** The part of the extension API the reads need: webextension-polyfill's `browser` fits, and so do the native ones. */
export interface StorageApi {
  storage: { local: StorageArea; session: StorageArea; sync?: StorageArea };
}

export function startEarlyReads(api: StorageApi): EarlyReads {
  const { local, session } = api.storage;
  return {
    settings: settingsArea(api.storage).get(SETTINGS_KEY),
    version: local.get(LEDGER_VERSION_KEY),
    session: session.get([OPENING_PAGE_KEY, SCAN_KEY]),
  };
}
