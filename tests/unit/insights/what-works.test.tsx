// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Insights } from '../../../src/insights/Insights';
import { resetFakeBrowser, seed } from '../popup/fake-browser';
import { daysBefore, invitation, NOW, sentDaysAgo } from './ledger';

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

const NOTE = (first: string) => `Hi ${first}, we met at the design meetup — let’s connect!`;
const resolved = (name: string, accepted: boolean, extra: Parameters<typeof invitation>[2] = {}) =>
  invitation(name, sentDaysAgo(40), {
    status: accepted ? 'accepted' : 'gone',
    statusChangedAt: daysBefore(5),
    ...extra,
  });

/** 12 with one note template (9 accepted), 10 without a note (2 accepted), 3 pending, 1 hidden. */
function ledger() {
  return [
    ...Array.from({ length: 12 }, (_, i) => resolved(`Anna${i} Smith`, i < 9, { inviteMessage: NOTE(`Anna${i}`) })),
    ...Array.from({ length: 10 }, (_, i) =>
      resolved(`Ben${i} Jones`, i < 2, { followUps: i < 4 ? [{ at: daysBefore(20) }] : [] }),
    ),
    ...Array.from({ length: 3 }, (_, i) => invitation(`Cy${i} Pending`, sentDaysAgo(10))),
    resolved('Hidden Person', true, { hidden: true, inviteMessage: 'Hello' }),
  ];
}

async function whatWorks(): Promise<HTMLElement> {
  const heading = await screen.findByRole('heading', { name: 'What works', level: 2 });
  return heading.closest('section') as HTMLElement;
}

/** The rows of the table labelled `title`, as text cells. */
function rows(section: HTMLElement, title: string): string[][] {
  const table = within(section).getByRole('table', { name: title });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''));
}

describe('Insights: what works', () => {
  it('shows with and without a note, each with its count and 95% interval, pending ones apart', async () => {
    await seed(ledger());
    render(<Insights />);
    const section = await whatWorks();
    expect(
      within(section).getByText('3 pending invitations are not counted: they have not been answered yet.'),
    ).toBeTruthy();
    expect(rows(section, 'With or without a note')).toEqual([
      ['With a note', '9 of 12', '75%', '47% to 91%'],
      ['Without a note', '2 of 10', '20%', '6% to 51%'],
    ]);
  });

  it('groups one note sent to different people as one template, shown with placeholders', async () => {
    await seed(ledger());
    render(<Insights />);
    const section = await whatWorks();
    expect(rows(section, 'By note template')).toEqual([
      ['Hi {firstName}, we met at the design meetup — let’s connect!', '9 of 12', '75%', '47% to 91%'],
    ]);
  });

  it('says "too few to tell" below the minimum instead of a rate', async () => {
    await seed(ledger());
    render(<Insights />);
    const section = await whatWorks();
    expect(rows(section, 'Follow-ups').slice(0, 2)).toEqual([
      ['After a follow-up', '2 of 4', 'Too few to tell'],
      ['No follow-up', '9 of 18', '50%', '29% to 71%'],
    ]);
  });

  it('before anything is resolved, says to come back later', async () => {
    await seed([invitation('Cy Pending', sentDaysAgo(10))]);
    render(<Insights />);
    const section = await whatWorks();
    expect(within(section).getByText(/No invitation is resolved yet/)).toBeTruthy();
    expect(within(section).queryByRole('table')).toBeNull();
  });
});
