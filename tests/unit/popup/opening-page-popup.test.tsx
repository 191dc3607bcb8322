// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { IDBOpenDBRequest } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpeningPage } from '../../../src/model/opening-page';
import { defaultSettings } from '../../../src/model/settings';
import { PAGE_SIZE, Popup } from '../../../src/popup/Popup';
import { selectOpeningPage } from '../../../src/shared/opening-page';
import { browser, resetFakeBrowser } from './fake-browser';
import { DAY, NOW, reading, record } from './records';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).browser }));

/** Names of the rows on screen, top to bottom. */
function rowNames(): string[] {
  return Array.from(document.querySelectorAll('.row .row-name')).map((el) => el.textContent ?? '');
}

const ledger = [
  record('Fiona Fresh', [1, 2]),
  record('Nora Nearing', [170, 172]),
  record('Fred Followup', [28, 34]),
  // Not listed since its window closed: under "Expired", not here.
  record('Eve Expired', [200, 210], { lastSeenAt: NOW - 60 * DAY }),
  // As old, but listed yesterday: pending past the window, drawn after those with days left.
  record('Paula Past', [200, 210]),
  record('Alice Accepted', [40, 45], { status: 'accepted' }),
];

let open: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  resetFakeBrowser();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  // A database that has not answered yet (a large ledger, a busy disk): it never opens here.
  open = vi.spyOn(indexedDB, 'open').mockImplementation(() => new IDBOpenDBRequest() as never);
});
afterEach(() => {
  cleanup();
  open.mockRestore();
  vi.useRealTimers();
});

describe("the popup's first rows, from the worker's opening page", () => {
  it('are drawn before the database answers, in the list’s order, with the last reading and the scan under way', async () => {
    const page = selectOpeningPage(ledger, defaultSettings(), NOW - 3_600_000, 42, reading({ read: 5, total: 5 }));
    const scan = { state: 'running', read: 40, total: 120, startedAt: NOW - 60_000, updatedAt: NOW, message: null };
    await Promise.all([
      browser.storage.local.set({ ledgerVersion: 42 }),
      browser.storage.session.set({ openingPage: page, scan }),
    ]);
    render(<Popup />);
    await screen.findByText('Nora Nearing');
    expect(rowNames()).toEqual(['Nora Nearing', 'Fred Followup', 'Fiona Fresh', 'Paula Past']);
    expect(screen.getByText(/\(complete\)/)).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: /scan/i }).getAttribute('value')).toBe('40');
  });

  it('fill a whole page of rows from it, hundreds of people sent under the same label, in name order', async () => {
    const names = Array.from({ length: 300 }, (_, i) => `Person ${String(i).padStart(3, '0')}`);
    const sameLabel = [...names].reverse().map((name) => record(name, [60, 90]));
    const page = selectOpeningPage(sameLabel, defaultSettings(), NOW, 42, null);
    await Promise.all([
      browser.storage.local.set({ ledgerVersion: 42 }),
      browser.storage.session.set({ openingPage: page }),
    ]);
    render(<Popup />);
    await waitFor(() => expect(rowNames()).toHaveLength(PAGE_SIZE));
    expect(rowNames()).toEqual(names.slice(0, PAGE_SIZE));
  });

  it.each([
    ['made for an older ledger', (page: OpeningPage) => ({ ...page, ledgerVersion: 41 })],
    [
      'that fails validation',
      (page: OpeningPage) => ({
        ...page,
        records: page.records.map((r, i) => (i === 0 ? { ...r, profileUrl: 'javascript:alert(1)' } : r)),
      }),
    ],
  ])('are not taken from an opening page %s: the popup waits for the database', async (_, spoil) => {
    const page = spoil(selectOpeningPage(ledger, defaultSettings(), NOW, 42, null));
    await Promise.all([
      browser.storage.local.set({ ledgerVersion: 42 }),
      browser.storage.session.set({ openingPage: page }),
    ]);
    render(<Popup />);
    await screen.findByText('Loading…');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rowNames()).toEqual([]);
    expect(open).toHaveBeenCalled();
  });
});
