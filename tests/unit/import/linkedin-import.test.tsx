// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LinkedInImport } from '../../../src/options/LinkedInImport';
import { Options } from '../../../src/options/Options';
import { browser, resetFakeBrowser, seed, storedRecords } from '../popup/fake-browser';
import { record } from '../store/builders';
import { fixtureBytes, fixtureText } from './fixtures';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../popup/fake-browser')).browser }));

const NOW = Date.UTC(2026, 2, 10, 9);

/** The worker's side, for real: the fake browser hands every message to the worker's own router. */
beforeEach(async () => {
  resetFakeBrowser();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  await seed([record('ada-lovelace', { name: 'Ada Lovelace' })]);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function choose(...files: File[]): void {
  const input = screen.getByLabelText('Choose export files (.csv or .zip)') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
}

const csv = (name: string, fixture = name) => new File([fixtureText(fixture)], name, { type: 'text/csv' });

describe('options: import from LinkedIn’s data export', () => {
  it('is a section of the options page that says where the files come from', async () => {
    render(<Options />);
    await screen.findByRole('heading', { name: 'Import from LinkedIn’s data export' });
    expect(screen.getByText(/Settings → Data privacy → Get a copy of your data/)).toBeTruthy();
  });

  it('imports both files and reports matched, new, changed, and what was skipped and why', async () => {
    render(<LinkedInImport />);
    choose(csv('Invitations.csv'), csv('Connections.csv'));
    await screen.findByText('Imported from Invitations.csv, Connections.csv.');
    expect(
      screen.getByText(
        '2 rows matched invitations in the ledger · 2 invitations added that Lapse had not seen · 3 ledger records changed',
      ),
    ).toBeTruthy();
    const skipped = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(skipped).toEqual(
      expect.arrayContaining([
        '1 × invitations you received (Lapse tracks the ones you sent)',
        '2 × no LinkedIn profile link (for example an invitation sent to an e-mail address)',
        '1 × connections with no invitation in the ledger (perhaps they invited you)',
      ]),
    );
    expect((await storedRecords()).find((r) => r.id === 'ada-lovelace')).toMatchObject({ status: 'accepted' });
  });

  it('imports the whole archive, and says nothing changed when it is imported again', async () => {
    const archive = zipSync({
      'Basic_LinkedInDataExport_03-08-2026/Invitations.csv': fixtureBytes('Invitations.csv'),
      'Basic_LinkedInDataExport_03-08-2026/Connections.csv': fixtureBytes('Connections.csv'),
    });
    render(<LinkedInImport />);
    choose(new File([archive], 'Basic_LinkedInDataExport_03-08-2026.zip', { type: 'application/zip' }));
    await screen.findByText(/3 ledger records changed/);
    choose(new File([archive], 'Basic_LinkedInDataExport_03-08-2026.zip', { type: 'application/zip' }));
    await screen.findByText('The ledger already had everything in these files; nothing changed.');
    expect(screen.getByText(/0 ledger records changed/)).toBeTruthy();
  });

  it('names the file and row of a bad date, says nothing was imported, and sends nothing', async () => {
    render(<LinkedInImport />);
    const before = await storedRecords();
    choose(csv('Invitations.csv'), csv('Connections.csv', 'Connections-french.csv'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'Connections.csv, row 3: “Connected On”: “07 mars 2026” is not a date Lapse can read (expected a date like 05 Mar 2026). Nothing was imported.',
    );
    expect(browser.runtime.sendMessage).not.toHaveBeenCalled();
    expect(await storedRecords()).toEqual(before);
  });

  it('refuses a CSV that is not from the export, saying what was expected', async () => {
    render(<LinkedInImport />);
    choose(csv('bank.csv', 'bank-statement.csv'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(
      /^bank\.csv: this is not Invitations\.csv or Connections\.csv from LinkedIn's data export: expected a header row with From, To, Sent At.*Nothing was imported\.$/,
    );
  });
});
