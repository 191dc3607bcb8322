import { describe, expect, it } from 'vitest';
import { type StorageApi, startEarlyReads } from '../../../src/popup/early-reads';

/** Storage areas in memory that remember which keys each call asked for. */
function api(areas: { sync?: boolean }) {
  const calls: string[] = [];
  const area = (name: string, data: Record<string, unknown>) => ({
    async get(keys: string | string[]) {
      const wanted = Array.isArray(keys) ? keys : [keys];
      calls.push(`${name}:${wanted.join(',')}`);
      return Object.fromEntries(wanted.filter((key) => key in data).map((key) => [key, data[key]]));
    },
  });
  const storage: StorageApi['storage'] = {
    local: area('local', { ledgerVersion: 7, settings: { badgeWeeks: 5 } }),
    session: area('session', { openingPage: 'page', scan: 'scan', scanTab: 3 }),
    ...(areas.sync ? { sync: area('sync', { settings: { badgeWeeks: 9 } }) } : {}),
  };
  return { api: { storage }, calls };
}

describe("the popup's first storage reads", () => {
  it('ask for the settings, the ledger version, and the opening page with the scan state in one call', async () => {
    const { api: storage, calls } = api({ sync: true });
    const reads = startEarlyReads(storage);
    expect(await reads.settings).toEqual({ settings: { badgeWeeks: 9 } });
    expect(await reads.version).toEqual({ ledgerVersion: 7 });
    expect(await reads.session).toEqual({ openingPage: 'page', scan: 'scan' });
    expect(calls).toEqual(['sync:settings', 'local:ledgerVersion', 'session:openingPage,scan']);
  });

  it('read the settings from local storage where the browser has no sync storage', async () => {
    const { api: storage } = api({ sync: false });
    expect(await startEarlyReads(storage).settings).toEqual({ settings: { badgeWeeks: 5 } });
  });
});
