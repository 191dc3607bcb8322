// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '../../../src/popup/Popup';
import { resetFakeBrowser, seed, storedRecords, worker } from './fake-browser';
import { DAY, NOW, reading, record } from './records';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).browser }));

const clipboard = { writeText: vi.fn(async (_text: string) => undefined) };
const dateOf = (ms: number) => new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(ms);

beforeEach(() => {
  resetFakeBrowser();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
  clipboard.writeText.mockClear();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function rowOf(name: string): HTMLElement {
  return screen.getByText(name, { selector: '.row-name' }).closest('li') as HTMLElement;
}

async function seedLedger(...records: ReturnType<typeof record>[]) {
  const lastReading = reading();
  await seed(records, { lastReading, lastCompleteReading: lastReading });
  render(<Popup />);
  await screen.findByText(records[0]!.name);
}

const undoText = () => document.querySelector('.undo-text')?.textContent;

describe('"Sent it?" after copying a message', () => {
  it('one click logs a follow-up today with the template copied; the advice waits; Undo takes it back', async () => {
    await seedLedger(record('Fred Followup', [28, 34]));
    const row = () => rowOf('Fred Followup');
    expect(within(row()).getByText(/A few weeks have passed/)).toBeTruthy();
    fireEvent.click(within(row()).getByRole('button', { name: 'Copy message for Fred Followup' }));
    const yes = await within(row()).findByRole('button', { name: 'Yes, log a follow-up to Fred Followup sent today' });
    expect(within(row()).getByText('Sent it?')).toBeTruthy();
    fireEvent.click(yes);

    await waitFor(() => expect(within(row()).queryByText(/You followed up: give them until/)).toBeTruthy());
    expect(
      within(row()).getByText(`You followed up: give them until ${dateOf(NOW + 7 * DAY)} to reply.`, { exact: false }),
    );
    expect(within(row()).getByText(`Followed up once, on ${dateOf(NOW)}`)).toBeTruthy();
    expect(within(row()).queryByText('Sent it?')).toBeNull();
    const [fred] = await storedRecords();
    expect(fred!.followUps).toEqual([{ at: NOW, template: 'follow-up' }]);
    await waitFor(() => expect(undoText()).toBe('Follow-up to Fred Followup logged.'));

    fireEvent.click(screen.getByRole('button', { name: 'Undo: Follow-up to Fred Followup logged.' }));
    await waitFor(() => expect(within(row()).queryByText(/A few weeks have passed/)).toBeTruthy());
    expect(within(row()).queryByText(/Followed up/)).toBeNull();
    expect((await storedRecords())[0]!.followUps).toEqual([]);
    await waitFor(() => expect(undoText()).toBe('Follow-up to Fred Followup removed.'));
    expect(worker.received.map((m) => m.type)).toContain('undo-follow-up');
  });
});

describe('"Log a follow-up…"', () => {
  it('logs a follow-up on a past day with its channel; a day after today cannot be saved', async () => {
    await seedLedger(record('Fred Followup', [28, 34]));
    fireEvent.click(screen.getByRole('button', { name: 'Actions for Fred Followup' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Log a follow-up…' }));
    const form = screen.getByRole('form', { name: 'Follow-up to Fred Followup' });
    const date = within(form).getByLabelText('Sent on') as HTMLInputElement;
    expect(document.activeElement).toBe(date);
    fireEvent.input(date, { target: { value: '2026-05-16' } });
    expect(within(form).getByText('Choose a date no later than today.')).toBeTruthy();
    expect((within(form).getByRole('button', { name: 'Log follow-up' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.input(date, { target: { value: '2026-05-12' } });
    fireEvent.change(within(form).getByLabelText('How (optional)'), { target: { value: 'email' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Log follow-up' }));
    await waitFor(async () =>
      expect((await storedRecords())[0]!.followUps).toEqual([
        { at: new Date(2026, 4, 12, 12).getTime(), channel: 'email' },
      ]),
    );
    await waitFor(() => expect(within(rowOf('Fred Followup')).queryByText(/Followed up once/)).toBeTruthy());
  });
});

describe('"Snooze…"', () => {
  it('takes a row out of "act this week" until the date, shows the date, and Undo brings it back', async () => {
    await seedLedger(record('Nora Nearing', [170, 172]), record('Nina Nearer', [175, 176]));
    expect(screen.getByText('2 to act on this week')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Actions for Nora Nearing' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Snooze…' }));
    const form = screen.getByRole('form', { name: 'Remind me about Nora Nearing on…' });
    const inSeven = within(form).getByRole('button', { name: 'In 7 days' });
    fireEvent.click(inSeven);

    const until = new Date(2026, 4, 22).getTime();
    await waitFor(() => expect(screen.queryByText('1 to act on this week')).toBeTruthy());
    const snoozed = screen.getByRole('heading', { name: /^Snoozed/ }).closest('section') as HTMLElement;
    expect(within(snoozed).getByText('Nora Nearing')).toBeTruthy();
    expect(within(rowOf('Nora Nearing')).getByText(`Snoozed: remind me on ${dateOf(until)}`)).toBeTruthy();
    expect((await storedRecords()).find((r) => r.name === 'Nora Nearing')!.snoozedUntil).toBe(until);
    fireEvent.click(screen.getByRole('tab', { name: /^Act this week/ }));
    expect(screen.queryByText('Nora Nearing')).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: /^Pending/ }));

    fireEvent.click(screen.getByRole('button', { name: /^Undo: Nora Nearing snoozed until/ }));
    await waitFor(() => expect(screen.queryByText('2 to act on this week')).toBeTruthy());
    expect(screen.queryByRole('heading', { name: /^Snoozed/ })).toBeNull();
    await waitFor(() => expect(undoText()).toBe('Nora Nearing is back in your lists.'));
  });

  it('"Wake now" ends a snooze', async () => {
    await seedLedger(record('Nora Nearing', [170, 172], { snoozedUntil: NOW + 3 * DAY, snoozeChangedAt: NOW - DAY }));
    expect(screen.queryByText(/to act on this week/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Actions for Nora Nearing' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Wake now' }));
    await waitFor(() => expect(screen.queryByText('1 to act on this week')).toBeTruthy());
    expect((await storedRecords())[0]!.snoozedUntil).toBeNull();
  });
});
