// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Options } from '../../../src/options/Options';
import { loadSettings, saveSettings } from '../../../src/shared/settings-store';
import { resetFakeBrowser, seed, storedRecords, worker } from '../popup/fake-browser';
import { NOW, record } from '../popup/records';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../popup/fake-browser')).browser }));

beforeEach(() => {
  resetFakeBrowser();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

async function renderOptions() {
  render(<Options />);
  await screen.findByRole('heading', { name: 'Lapse options' });
}

function field(label: string | RegExp): HTMLInputElement {
  return screen.getByLabelText(label) as HTMLInputElement;
}

describe('options: numbers', () => {
  it('saves a valid value at once', async () => {
    await renderOptions();
    fireEvent.input(field('Badge counts invitations older than'), { target: { value: '6' } });
    await waitFor(async () => expect((await loadSettings()).badgeWeeks).toBe(6));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it.each([
    ['Badge counts invitations older than', '27', 'Enter a whole number from 1 to 26. Not saved.'],
    ['Badge counts invitations older than', '0', 'Enter a whole number from 1 to 26. Not saved.'],
    ['Warn before expiry', '121', 'Enter a whole number from 1 to 120. Not saved.'],
    ['Suggest a follow-up after', '2.5', 'Enter a whole number from 1 to 365. Not saved.'],
    ['Suggest a follow-up after', '', 'Enter a whole number from 1 to 365. Not saved.'],
  ])('%s = "%s" shows an inline error and saves nothing', async (label, value, message) => {
    await renderOptions();
    const before = await loadSettings();
    const input = field(label);
    fireEvent.input(input, { target: { value } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(message);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(alert.parentElement!.id);
    expect(await loadSettings()).toEqual(before);
  });

  it('offers six months (marked most cited, not official), 90 days, custom days 1–730 and a learned window', async () => {
    await renderOptions();
    const six = screen.getByLabelText('Six months (default; most cited, not official)') as HTMLInputElement;
    expect(six.checked).toBe(true);
    // A field that does nothing under the chosen window is not shown at all.
    expect(screen.queryByLabelText('Custom window')).toBeNull();
    expect(screen.getByLabelText(/Learn from what LinkedIn lists/)).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Custom number of days'));
    await waitFor(async () => expect((await loadSettings()).expiryWindow).toBe('custom'));
    await waitFor(() => expect(field('Custom window').disabled).toBe(false));
    fireEvent.input(field('Custom window'), { target: { value: '731' } });
    await screen.findByText('Enter a whole number from 1 to 730. Not saved.');
    fireEvent.input(field('Custom window'), { target: { value: '200' } });
    await waitFor(async () => expect((await loadSettings()).customWindowDays).toBe(200));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows settings changed elsewhere without a reload', async () => {
    await renderOptions();
    await saveSettings({ warningDays: 30 });
    await waitFor(() => expect(field('Warn before expiry').value).toBe('30'));
  });

  it('resets everything to defaults, including a field left with an error', async () => {
    await saveSettings({ badgeWeeks: 9, templates: { thank: 'Cheers {firstName}' } });
    await renderOptions();
    await waitFor(() => expect(field('Badge counts invitations older than').value).toBe('9'));
    fireEvent.input(field('Warn before expiry'), { target: { value: '999' } });
    await screen.findByRole('alert');
    // It asks first (templates go too); Escape puts the button back, with focus on it.
    fireEvent.click(screen.getByRole('button', { name: 'Reset all settings to defaults' }));
    const question = screen.getByRole('alertdialog', { name: 'Reset all settings to defaults' });
    expect(question.textContent).toContain('your message templates too');
    fireEvent.keyDown(question, { key: 'Escape' });
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Reset all settings to defaults' })),
    );
    expect((await loadSettings()).badgeWeeks).toBe(9);
    fireEvent.click(screen.getByRole('button', { name: 'Reset all settings to defaults' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reset everything' }));
    await screen.findByText('Settings reset to defaults.');
    expect(await loadSettings()).toMatchObject({ badgeWeeks: 3, warningDays: 14, templates: {} });
    expect(field('Badge counts invitations older than').value).toBe('3');
    expect(field('Warn before expiry').value).toBe('14');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('options: templates', () => {
  it('previews the template live for a sample person and saves it', async () => {
    await renderOptions();
    const textarea = field('Time to follow up');
    fireEvent.input(textarea, { target: { value: 'Hi {firstName} — {name}, {headline}. {unknown}' } });
    const preview = document.getElementById(textarea.getAttribute('aria-describedby')!)!;
    expect(preview.textContent).toBe('Preview: Hi Ada — Ada Lovelace, Mathematician at Analytical Engines. {unknown}');
    fireEvent.blur(textarea);
    await waitFor(async () =>
      expect((await loadSettings()).templates['follow-up']).toBe('Hi {firstName} — {name}, {headline}. {unknown}'),
    );
  });

  it('refuses a template over 2,000 characters', async () => {
    await renderOptions();
    const textarea = field('Accepted');
    fireEvent.input(textarea, { target: { value: 'x'.repeat(2001) } });
    await screen.findByText('A template can be at most 2,000 characters. Not saved.');
    fireEvent.blur(textarea);
    expect((await loadSettings()).templates.thank).toBeUndefined();
  });

  it('restores one template to its default', async () => {
    await saveSettings({ templates: { thank: 'Cheers {firstName}' } });
    await renderOptions();
    await waitFor(() => expect(field('Accepted').value).toBe('Cheers {firstName}'));
    fireEvent.click(screen.getByRole('button', { name: 'Restore default for “Accepted”' }));
    await waitFor(async () => expect((await loadSettings()).templates.thank).toBeUndefined());
    expect(field('Accepted').value).toBe('Hi {firstName}, thanks for connecting! Glad to be in touch.');
  });
});

describe('options: data', () => {
  it('names how many records will go before deleting everything', async () => {
    await seed([record('A One', [30, 31]), record('B Two', [30, 31]), record('C Three', [30, 31])]);
    await renderOptions();
    await screen.findByText('3 invitations');
    fireEvent.click(screen.getByRole('button', { name: 'Delete all data…' }));
    expect(screen.getByText(/This deletes all 3 invitations Lapse has recorded/)).toBeTruthy();
    expect(worker.received.some((m) => m.type === 'delete-all')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(worker.received.some((m) => m.type === 'delete-all')).toBe(false);
    // Focus goes back to the button that asked, not to the page.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete all data…' })));
    fireEvent.click(screen.getByRole('button', { name: 'Delete all data…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete 3 records' }));
    await screen.findByText('3 records deleted.');
    expect(await storedRecords()).toEqual([]);
  });

  /** Chooses `file` in the restore control. */
  function chooseFile(file: File) {
    const input = screen.getByLabelText('Restore from a backup file') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
  }
  const backupFile = (invitations: unknown[]) =>
    new File(
      [JSON.stringify({ format: 'lapse-backup', version: 2, exportedAt: NOW, account: '', invitations, readings: [] })],
      'backup.json',
    );

  it('restores a backup file and reports what was imported and rejected, with reasons', async () => {
    await seed([record('A One', [30, 31])]);
    await renderOptions();
    const [kept] = await storedRecords();
    const fresh = { ...record('B Two', [20, 21]), account: '' };
    chooseFile(backupFile([kept, fresh, { ...fresh, id: 'c-three', profileUrl: 'not a link' }]));
    await screen.findByText('1 imported · 1 unchanged · 1 rejected');
    expect(screen.getByText(/^Entry 3: invitation: profileUrl/)).toBeTruthy();
    expect((await storedRecords()).map((r) => r.name).sort()).toEqual(['A One', 'B Two']);
    expect(worker.received.filter((m) => m.type === 'restore-batch')).toHaveLength(1);
  });

  it.each([
    ['not JSON', new File(['not json'], 'notes.txt'), '“notes.txt” is not a JSON file.'],
    [
      'JSON but not a backup',
      new File([JSON.stringify({ records: [] })], 'b.json'),
      '“b.json” is not a Lapse backup. Nothing was restored.',
    ],
    [
      'cut short',
      new File(['{"format":"lapse-backup","version":2,"invitations":[{"id":'], 'c.json'),
      /^“c.json” ends before the backup does/,
    ],
    [
      'from a newer Lapse',
      new File(['{"format":"lapse-backup","version":7}'], 'd.json'),
      /^“d.json” was made by a newer version of Lapse/,
    ],
  ])('says so when the chosen file is %s, and sends nothing', async (_, file, message) => {
    await renderOptions();
    chooseFile(file);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(message);
    expect(worker.received.some((m) => m.type === 'restore-batch' || m.type === 'import-backup')).toBe(false);
  });

  it('downloads the backup and the CSV as files', async () => {
    await seed([record('A One', [30, 31])]);
    const clicked: { download: string; href: string }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href });
    });
    await renderOptions();
    await screen.findByText('1 invitation');
    fireEvent.click(screen.getByRole('button', { name: 'Download backup' }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(clicked).toHaveLength(2));
    expect(clicked.map((c) => c.download)).toEqual([
      expect.stringMatching(/^lapse-backup-\d{4}-\d{2}-\d{2}\.json$/),
      expect.stringMatching(/^lapse-invitations-\d{4}-\d{2}-\d{2}\.csv$/),
    ]);
    expect(clicked[1]!.href).toMatch(/^blob:/);
    click.mockRestore();
    // Both are written by the page from the database: no ledger travels through messaging.
    expect(worker.received.filter((m) => m.type !== 'get-accounts')).toEqual([]);
  });
});
