// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Insights } from '../../../src/insights/Insights';
import { loadSettings, saveSettings } from '../../../src/shared/settings-store';
import { resetFakeBrowser, seed } from '../popup/fake-browser';
import { daysBefore, HOUR, invitation, NOW, sentDaysAgo } from './ledger';

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

const READING_AT = NOW - 2 * HOUR;
const local = (month: number, day: number, hour: number) => new Date(2026, month - 1, day, hour).getTime();
const acceptedAfter = (name: string, sent: number, accepted: number) =>
  invitation(name, sentDaysAgo(sent), { status: 'accepted', acceptedAt: sentDaysAgo(accepted) });

/** 6 accepted (5 with both dates: 1, 2, 4.5, 10, 20 days), 3 pending, 1 gone, 1 withdrawn; plus `extra`. */
async function ledger(extra: ReturnType<typeof invitation>[] = []) {
  const records = [
    acceptedAfter('Ada One', 40, 39),
    acceptedAfter('Ben Two', 40, 38),
    invitation('Cy Vague', sentDaysAgo(28, 30), { status: 'accepted', acceptedAt: sentDaysAgo(24, 25) }),
    acceptedAfter('Dee Ten', 30, 20),
    acceptedAfter('Eli Twenty', 40, 20),
    invitation('Fay Undated', sentDaysAgo(10), { status: 'accepted', acceptedAt: null }),
    invitation('Gus Tuesday', { earliest: local(5, 12, 9), latest: local(5, 12, 9) }, { lastSeenAt: READING_AT }),
    invitation('Hal Hundred', sentDaysAgo(100, 110), { lastSeenAt: READING_AT }),
    invitation('<img src=x onerror=alert(1)>', sentDaysAgo(60, 70), { lastSeenAt: READING_AT }),
    invitation('Ivy Gone', sentDaysAgo(120), { status: 'gone' }),
    invitation('Jo Withdrawn', sentDaysAgo(20), { status: 'withdrawn' }),
    ...extra,
  ];
  const lastCompleteReading = {
    at: READING_AT,
    url: 'https://www.linkedin.com/mynetwork/invitation-manager/sent/',
    read: 3,
    total: 3,
    complete: true,
    failed: false,
    failureReason: null,
    added: 0,
    markedGone: 0,
  };
  await seed(records, { lastReading: lastCompleteReading, lastCompleteReading });
}

/** The section under the level-2 heading `title`, once the page has drawn it. */
async function section(title: string): Promise<HTMLElement> {
  const heading = await screen.findByRole('heading', { name: title, level: 2 });
  return heading.closest('section') as HTMLElement;
}

describe('Insights page', () => {
  it('explains what to do when nothing has been recorded yet', async () => {
    render(<Insights />);
    expect(await screen.findByText('Nothing to show yet')).toBeTruthy();
    expect(screen.getByText(/Open your Sent invitations page on LinkedIn/)).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('speaks of one invitation in the singular when a figure rests on just one', async () => {
    await seed([acceptedAfter('Ada One', 40, 39)]);
    render(<Insights />);
    expect(await screen.findByText(/— 1 invitation recorded, at least 5 needed\./)).toBeTruthy();
    expect(screen.getByText(/— 1 accepted invitation with known send and acceptance dates/)).toBeTruthy();
  });

  it('shows the acceptance rate and median time to accept with what each rests on', async () => {
    await ledger();
    render(<Insights />);
    const acceptance = await section('Acceptance');
    expect(within(acceptance).getByText('Accepted: 60% — 6 of 10 invitations.')).toBeTruthy();
    expect(within(acceptance).getByText(/Up to 70% if the 1 invitation that left your Sent page/)).toBeTruthy();
    expect(
      within(acceptance).getByText(
        'Median time to accept: 4.5 days (surely between 3 and 6 days), from 5 accepted invitations with known send and acceptance dates.',
      ),
    ).toBeTruthy();
  });

  it('draws the pending ages as an image with a spoken summary, and offers the same numbers as a table', async () => {
    await ledger();
    render(<Insights />);
    const ages = await section('Pending invitations by age');
    const chart = within(ages).getByRole('img');
    expect(chart.getAttribute('aria-label')).toBe(
      '3 pending invitations by age in weeks. The expiry window closes at 181 days of age; nearing expiry from 167 days.',
    );
    const rows = within(ages)
      .getAllByRole('row')
      .slice(1)
      .map((row) => Array.from(row.children, (cell) => cell.textContent));
    // Gus: 3 days; the hostile name: 60–70 days, middle 65 (week 9, could be week 8);
    // Hal: 100–110 days, middle 105 (week 15, could be week 14).
    expect(rows).toEqual([
      ['0–6 days', '1', '0'],
      ['63–69 days', '1', '1'],
      ['105–111 days', '1', '1'],
    ]);
  });

  it('counts this week’s sends against the weekly limit LinkedIn does not publish, and saves a new limit', async () => {
    await ledger();
    render(<Insights />);
    const weekly = await section('Invitations sent per week');
    expect(within(weekly).getByText(/This week: 1 for sure, up to 1\./)).toBeTruthy();
    expect(within(weekly).getByText(/LinkedIn does not publish it/)).toBeTruthy();
    const field = within(weekly).getByLabelText('Your weekly limit') as HTMLInputElement;
    expect(field.value).toBe('100');
    fireEvent.input(field, { target: { value: '0' } });
    expect(await within(weekly).findByRole('alert')).toBeTruthy();
    expect((await loadSettings()).weeklyLimit).toBe(100);
    fireEvent.input(field, { target: { value: '40' } });
    await waitFor(async () => expect((await loadSettings()).weeklyLimit).toBe(40));
    expect(await within(weekly).findByText(/against your weekly limit of 40/)).toBeTruthy();
  });

  it('lists the oldest pending invitations, names as text, and says how far over the cap they are', async () => {
    await ledger();
    await saveSettings({ pendingCap: 2 });
    render(<Insights />);
    const cap = await section('Pending against your cap');
    expect(within(cap).getByText('3 pending, against a cap of 2.')).toBeTruthy();
    expect(within(cap).getByText('1 over the cap: withdrawing the oldest one would make room.')).toBeTruthy();
    const names = within(cap)
      .getAllByRole('link')
      .map((a) => a.textContent);
    expect(names).toEqual(['Hal Hundred', '<img src=x onerror=alert(1)>', 'Gus Tuesday']);
    expect(document.querySelector('img')).toBeNull();
  });

  it('window check: LinkedIn still lists one past a 90-day window; the button switches to six months', async () => {
    await ledger();
    await saveSettings({ expiryWindow: '90-days' });
    render(<Insights />);
    const notice = await section('Your expiry window looks too short');
    expect(
      within(notice).getByText(/LinkedIn still lists 1 invitation older than your expiry window \(90 days\)/),
    ).toBeTruthy();
    expect(within(notice).getByText('Hal Hundred')).toBeTruthy();
    fireEvent.click(within(notice).getByRole('button', { name: 'Switch to six months' }));
    await waitFor(async () => expect((await loadSettings()).expiryWindow).toBe('six-months'));
    expect(await screen.findByText('Saved: the expiry window is now six months.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('Your expiry window looks too short')).toBeNull());
  });

  it('window check: with six months already set, offers a custom window just past the oldest one listed', async () => {
    await ledger([
      invitation('Old Listed', { earliest: daysBefore(215), latest: daysBefore(200) }, { lastSeenAt: READING_AT }),
    ]);
    render(<Insights />);
    const button = await screen.findByRole('button', { name: 'Switch to a custom window of 203 days' });
    fireEvent.click(button);
    await waitFor(async () =>
      expect(await loadSettings()).toMatchObject({ expiryWindow: 'custom', customWindowDays: 203 }),
    );
  });

  it('says nothing about the window when LinkedIn lists nothing older than it', async () => {
    await ledger();
    render(<Insights />);
    await screen.findByText('Acceptance');
    expect(screen.queryByText('Your expiry window looks too short')).toBeNull();
  });
});
