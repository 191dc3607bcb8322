// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '../../../src/popup/Popup';
import { PAGE_SIZE } from '../../../src/popup/use-popup-ledger';
import { assess } from '../../../src/rules';
import { saveSettings } from '../../../src/shared/settings-store';
import { closeSharedDb } from '../../../src/store/db';
import { fixedSettings } from '../../support/settings';
import { browser, resetFakeBrowser, seed, storedRecords, worker } from './fake-browser';
import { DAY, NOW, reading, record } from './records';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).browser }));

const clipboard = { writeText: vi.fn(async (_text: string) => undefined) };

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
  vi.restoreAllMocks();
});

/** Names of the rows on screen, top to bottom. */
function rowNames(): string[] {
  return Array.from(document.querySelectorAll('.row .row-name')).map((el) => el.textContent ?? '');
}

function rowOf(name: string): HTMLElement {
  const link = screen.getByText(name, { selector: '.row-name' });
  return link.closest('li') as HTMLElement;
}

function tab(label: string): HTMLElement {
  return screen.getByRole('tab', { name: new RegExp(`^${label}`) });
}

/** The files the popup downloads, kept instead of saved (the spies are restored after each test). */
function captureDownloads(): Blob[] {
  const files: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    files.push(blob as Blob);
    return 'blob:fake';
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  return files;
}

function mixedLedger() {
  const lastReading = reading();
  return seed(
    [
      record('Fiona Fresh', [1, 2]),
      record('Nora Nearing', [170, 172]),
      record('Fred Followup', [28, 34]),
      record('Nina Nearer', [175, 176]),
      // Not listed since their window may have closed: lapsed, as far as Lapse can tell.
      record('Eve Expired', [200, 210], { lastSeenAt: NOW - 60 * DAY }),
      record('Mona Maybe', [178, 190], { lastSeenAt: NOW - 30 * DAY }),
      // As old as Eve, but LinkedIn listed it yesterday: pending, past the window.
      record('Paula Past', [200, 210]),
      record('Alice Accepted', [40, 45], { status: 'accepted', statusChangedAt: NOW - DAY }),
      record('Gary Gone', [60, 70], { status: 'gone', statusChangedAt: NOW - 2 * DAY }),
      record('Hugo Hidden', [171, 172], { hidden: true }),
    ],
    { lastReading, lastCompleteReading: lastReading },
  );
}

describe('popup lists', () => {
  it('opens on the pending invitations, those nearing expiry first, by pessimistic days left', async () => {
    await mixedLedger();
    render(<Popup />);
    await screen.findByText('Nina Nearer');
    expect(rowNames()).toEqual(['Nina Nearer', 'Nora Nearing', 'Fred Followup', 'Fiona Fresh', 'Paula Past']);
    expect(tab('Pending').getAttribute('aria-selected')).toBe('true');
    // Under headings that say what to do, the most urgent first.
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['Act this week 2', 'Waiting for a reply 2', 'Past your window, still listed 1']);
    expect(within(rowOf('Paula Past')).getByText(/^Past your window by .* · still listed$/)).toBeTruthy();
  });

  it('counts each list, leaves hidden records out and says how many are hidden', async () => {
    await mixedLedger();
    render(<Popup />);
    await screen.findByText('Nina Nearer');
    expect(tab('Act this week').textContent).toBe('Act this week2');
    expect(tab('Pending').textContent).toBe('Pending5');
    expect(tab('May have lapsed').textContent).toBe('May have lapsed2');
    expect(tab('Closed').textContent).toBe('Closed2');
    expect(screen.queryByText('Hugo Hidden')).toBeNull();
    expect(screen.getByText(/1 hidden/)).toBeTruthy();
    // Header: the rows of "All pending", no more; older than 3 weeks: those of them not fresh.
    expect(screen.getByText('5 pending')).toBeTruthy();
    expect(screen.getByText('2 to act on this week')).toBeTruthy();
    expect(screen.getByText('4 over 3 weeks old')).toBeTruthy();
    // LinkedIn still lists one the window says has lapsed: the popup says so where the user looks.
    expect(screen.getByRole('status').textContent).toMatch(
      /^LinkedIn still lists 1 invitation older than your expiry window \(six months\): it has not lapsed\./,
    );
  });

  it('switches lists with the tabs, by click or by arrow keys (WAI-ARIA tabs)', async () => {
    await mixedLedger();
    render(<Popup />);
    await screen.findByText('Nina Nearer');
    fireEvent.click(tab('Act this week'));
    // Lists other than the first rows' appear once the pending records are read.
    await waitFor(() => expect(rowNames()).toEqual(['Nina Nearer', 'Nora Nearing']));
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(tab('Act this week').id);
    fireEvent.keyDown(tab('Act this week'), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(tab('Pending'));
    expect(tab('Pending').getAttribute('aria-selected')).toBe('true');
    expect(tab('Act this week').getAttribute('tabindex')).toBe('-1');
    fireEvent.keyDown(tab('Pending'), { key: 'ArrowRight' });
    expect(rowNames().sort()).toEqual(['Eve Expired', 'Mona Maybe']);
    fireEvent.keyDown(tab('May have lapsed'), { key: 'End' });
    expect(document.activeElement).toBe(tab('Closed'));
    // "Resolved" is read a page at a time, when it is shown.
    await waitFor(() => expect(rowNames()).toEqual(['Alice Accepted', 'Gary Gone']));
    expect(within(rowOf('Alice Accepted')).getByText('Accepted', { selector: '.chip' })).toBeTruthy();
    expect(within(rowOf('Gary Gone')).getByText('No longer listed')).toBeTruthy();
  });

  it('filters by name or headline as you type, ignoring case and accents', async () => {
    await seed([
      record('Zoë Ångström', [30, 31], { headline: 'Physicist at CERN' }),
      record('Bob Builder', [30, 31], { headline: 'Site manager' }),
    ]);
    render(<Popup />);
    await screen.findByText('Bob Builder');
    const search = screen.getByRole('searchbox', { name: 'Search by name or headline' });
    fireEvent.input(search, { target: { value: 'angs' } });
    await waitFor(() => expect(rowNames()).toEqual(['Zoë Ångström']));
    fireEvent.input(search, { target: { value: 'MANAGER' } });
    expect(rowNames()).toEqual(['Bob Builder']);
    fireEvent.input(search, { target: { value: 'nobody' } });
    expect(rowNames()).toEqual([]);
    expect(screen.getByText('No invitation here matches “nobody”.')).toBeTruthy();
  });

  it('pages long ledgers: 5,000 invitations draw 50 rows, "Show more" adds the next 50', async () => {
    await seed(Array.from({ length: 5000 }, (_, i) => record(`Person ${i}`, [30 + (i % 100), 31 + (i % 100)])));
    render(<Popup />);
    await screen.findAllByText(/^Person /, { selector: '.row-name' });
    // The first paint draws the top few; the rest of the first page follows at once.
    await waitFor(() => expect(document.querySelectorAll('.row')).toHaveLength(PAGE_SIZE));
    // "Show more" shows with the first rows; the next 50 are drawn once the pending records are read
    // (seconds in happy-dom on a loaded machine).
    fireEvent.click(await screen.findByRole('button', { name: /^Show 50 more/ }));
    await waitFor(() => expect(document.querySelectorAll('.row')).toHaveLength(2 * PAGE_SIZE), { timeout: 20_000 });
  }, 60_000);
});

describe('"Closed": years of history, read a page at a time', () => {
  /** 130 accepted long ago, one a day, Person 000 the oldest; two still pending. */
  const history = () => [
    ...Array.from({ length: 130 }, (_, i) =>
      record(`Person ${String(i).padStart(3, '0')}`, [400 - i, 401 - i], {
        status: 'accepted',
        statusChangedAt: NOW - (300 - i) * DAY,
      }),
    ),
    record('Pat Pending', [30, 31]),
    record('Quinn Pending', [40, 41]),
  ];

  it('shows the most recently closed first, 50 at a time, with how many are left', async () => {
    await seed(history());
    render(<Popup />);
    await screen.findByText('Pat Pending');
    expect(tab('Closed').textContent).toBe('Closed130');
    fireEvent.click(tab('Closed'));
    await waitFor(() => expect(rowNames()).toHaveLength(PAGE_SIZE));
    expect(rowNames().slice(0, 2)).toEqual(['Person 129', 'Person 128']);
    fireEvent.click(screen.getByRole('button', { name: 'Show 50 more (80 left)' }));
    await waitFor(() => expect(rowNames()).toHaveLength(2 * PAGE_SIZE));
    expect(rowNames().at(-1)).toBe('Person 030');
  });

  it('finds the oldest by search, and exports the rows the search finds', async () => {
    await seed(history());
    const files = captureDownloads();
    render(<Popup />);
    await screen.findByText('Pat Pending');
    fireEvent.click(tab('Closed'));
    await waitFor(() => expect(rowNames()).toHaveLength(PAGE_SIZE));
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'person 00' } });
    // Every word is looked for on its own: "00" is in Person 000–009 and Person 100.
    await waitFor(() => expect(rowNames()).toHaveLength(11));
    expect(rowNames().slice(0, 2)).toEqual(['Person 100', 'Person 009']);
    expect(screen.queryByRole('button', { name: /^Show/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    fireEvent.click(screen.getByRole('button', { name: 'This list (search results)' }));
    await waitFor(() => expect(files).toHaveLength(1));
    const csv = await files[0]!.text();
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(12);
    expect(csv).toContain('Person 000');
    expect(csv).not.toContain('Person 010');
  });
});

describe('popup rows', () => {
  it('states when it was sent plainly: LinkedIn’s label and the dates it can mean, or the date itself', async () => {
    await seed([
      record('Exact Person', [21, 21], { sentExact: true }),
      record('Vague Person', [21, 28], { sentLabel: 'Sent 3 weeks ago' }),
    ]);
    render(<Popup />);
    await screen.findByText('Exact Person');
    // NOW is 15 May 2026.
    expect(within(rowOf('Exact Person')).getByText('Sent on Apr 24, 2026')).toBeTruthy();
    expect(within(rowOf('Vague Person')).getByText('Sent 3 weeks ago · between Apr 17 and Apr 24')).toBeTruthy();
  });

  it('links the name to the profile in a new tab, and shows the status chip with days left', async () => {
    const nearing = record('Nora Nearing', [170, 172]);
    await seed([nearing]);
    render(<Popup />);
    const link = (await screen.findByText('Nora Nearing')) as HTMLAnchorElement;
    expect(link.tagName).toBe('A');
    expect(link.href).toBe(nearing.profileUrl);
    expect(link.target).toBe('_blank');
    expect(link.rel).toBe('noopener noreferrer');
    const days = assess(nearing, fixedSettings(), NOW).daysLeft;
    expect(within(rowOf('Nora Nearing')).getByText(`Nearing expiry · ${days} days left`)).toBeTruthy();
    expect(
      within(rowOf('Nora Nearing')).getByText(/^Act now: .*, from .*, re-invite them with a note\.$/),
    ).toBeTruthy();
  });

  it('renders hostile names, headlines and notes as text, never as markup', async () => {
    await seed([
      record('<img src=x onerror=alert(1)>', [30, 31], {
        headline: '<b>bold</b><script>alert(2)</script>',
        note: '<iframe src="javascript:alert(3)">',
      }),
    ]);
    render(<Popup />);
    await screen.findByText('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img, script, iframe, b')).toBeNull();
    expect(screen.getByText('<b>bold</b><script>alert(2)</script>')).toBeTruthy();
    expect(screen.getByText('<iframe src="javascript:alert(3)">')).toBeTruthy();
  });

  it('copies the suggestion filled in from the user’s own template, and says so', async () => {
    await saveSettings({ templates: { 'follow-up': 'Hello {firstName} ({headline})!' } });
    await seed([record('Fred Followup', [28, 34], { headline: 'Chief Baker' })]);
    render(<Popup />);
    await screen.findByText('Fred Followup');
    // Its name holds its visible words, so voice control can click it by what it says.
    const button = screen.getByRole('button', { name: 'Copy message for Fred Followup' });
    fireEvent.click(button);
    await waitFor(() => expect(button.textContent).toBe('Copied'));
    expect(clipboard.writeText).toHaveBeenCalledWith('Hello Fred (Chief Baker)!');
  });

  it('copied again while it says "Copied": says so for two seconds after the second copy', async () => {
    await seed([record('Fred Followup', [28, 34])]);
    render(<Popup />);
    await screen.findByText('Fred Followup');
    const button = screen.getByRole('button', { name: 'Copy message for Fred Followup' });
    const idle = button.textContent;
    // The label's two seconds on the fake clock; the ledger's reads are done by now.
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    vi.setSystemTime(NOW);
    fireEvent.click(button);
    await vi.advanceTimersByTimeAsync(1500);
    expect(button.textContent).toBe('Copied');
    fireEvent.click(button);
    await vi.advanceTimersByTimeAsync(1000);
    expect(button.textContent).toBe('Copied');
    // Two seconds from when the label was drawn, a frame after the click.
    await vi.advanceTimersByTimeAsync(1200);
    expect(button.textContent).toBe(idle);
    expect(clipboard.writeText).toHaveBeenCalledTimes(2);
  });

  it('says so when a message copied from the row menu could not be copied', async () => {
    clipboard.writeText.mockRejectedValueOnce(new Error('Document is not focused'));
    // Sent days ago: the advice is to give it time, so the message waits in the menu, not on a button.
    await seed([record('Gina Newly', [2, 3])]);
    render(<Popup />);
    await screen.findByText('Gina Newly');
    fireEvent.click(screen.getByRole('button', { name: 'Actions for Gina Newly' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Copy a message' }));
    const row = screen.getByText('Gina Newly', { selector: '.row-name' }).closest('li') as HTMLElement;
    const announced = () => row.querySelector('[aria-live="polite"]')?.textContent;
    await waitFor(() => expect(announced()).toBe('Could not copy'));
    expect(within(row).queryByRole('button', { name: /^Copy message for/ })).toBeNull();
  });
});

describe('popup row menu', () => {
  it('is reachable by keyboard: opens on the first item, arrows move, Escape closes and returns focus', async () => {
    await seed([record('Fred Followup', [28, 34])]);
    render(<Popup />);
    await screen.findByText('Fred Followup');
    const menuButton = screen.getByRole('button', { name: 'Actions for Fred Followup' });
    expect(menuButton.getAttribute('aria-expanded')).toBe('false');
    fireEvent.keyDown(menuButton, { key: 'ArrowDown' });
    const menu = await screen.findByRole('menu');
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual([
      'Add note',
      'Log a follow-up…',
      'Snooze…',
      'Mark accepted',
      'Mark withdrawn',
      'Stop tracking',
    ]);
    expect(document.activeElement).toBe(items[0]);
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(items[1]);
    fireEvent.keyDown(menu, { key: 'ArrowUp' });
    fireEvent.keyDown(menu, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(items.at(-1));
    fireEvent.keyDown(menu, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(menuButton);
    expect(menuButton.getAttribute('aria-expanded')).toBe('false');
  });

  it('marks an invitation accepted: the worker is told and the row moves to Closed', async () => {
    await seed([record('Fred Followup', [28, 34])]);
    render(<Popup />);
    await screen.findByText('Fred Followup');
    fireEvent.click(screen.getByRole('button', { name: 'Actions for Fred Followup' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Mark accepted' }));
    await waitFor(() => expect(screen.queryByText('Fred Followup')).toBeNull());
    const [fred] = await storedRecords();
    expect(worker.received).toContainEqual({ type: 'set-status', account: '', id: fred!.id, status: 'accepted' });
    expect(fred!.status).toBe('accepted');
    fireEvent.click(tab('Closed'));
    await waitFor(() => expect(rowNames()).toEqual(['Fred Followup']));
    // Back to pending is offered once it is no longer pending.
    fireEvent.click(screen.getByRole('button', { name: 'Actions for Fred Followup' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Back to pending' }));
    await waitFor(() => expect(screen.queryByText('Fred Followup')).toBeNull());
    expect((await storedRecords())[0]!.status).toBe('pending');
  });

  it.each([
    ['does not answer', () => (worker.silent = true), 'Lapse did not respond. Try again in a moment.'],
    [
      'cannot be reached',
      () =>
        browser.runtime.sendMessage.mockRejectedValueOnce(
          new Error('Could not establish connection. Receiving end does not exist.'),
        ),
      'Lapse did not respond. Try again in a moment.',
    ],
    ['fails with its own words', () => (worker.failWith = 'The ledger is unavailable'), 'The ledger is unavailable'],
  ])('when the worker %s, the popup says so in its words and nothing changes', async (_, breakWorker, why) => {
    await seed([record('Fred Followup', [28, 34])]);
    render(<Popup />);
    await screen.findByText('Fred Followup');
    fireEvent.click(screen.getByRole('button', { name: 'Actions for Fred Followup' }));
    breakWorker();
    fireEvent.click(screen.getByRole('menuitem', { name: 'Mark accepted' }));
    await screen.findByText(`That did not work: ${why}`);
    expect(screen.getByText('Fred Followup')).toBeTruthy();
    expect((await storedRecords())[0]!.status).toBe('pending');
  });

  it('stops tracking: the row is hidden, not deleted, and can be shown again', async () => {
    await seed([record('Fred Followup', [28, 34]), record('Other Person', [28, 34])]);
    render(<Popup />);
    await screen.findByText('Fred Followup');
    fireEvent.click(screen.getByRole('button', { name: 'Actions for Fred Followup' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Stop tracking' }));
    await waitFor(() => expect(screen.queryByText('Fred Followup')).toBeNull());
    const stored = await storedRecords();
    expect(stored).toHaveLength(2);
    expect(stored.find((r) => r.name === 'Fred Followup')!.hidden).toBe(true);
    expect(screen.getByText(/1 hidden/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect(within(rowOf('Fred Followup')).getByText(/not tracked/)).toBeTruthy();
  });

  it('adds a private note', async () => {
    await seed([record('Fred Followup', [28, 34])]);
    render(<Popup />);
    await screen.findByText('Fred Followup');
    fireEvent.click(screen.getByRole('button', { name: 'Actions for Fred Followup' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Add note' }));
    const field = screen.getByRole('textbox', { name: 'Your private note on Fred Followup' });
    expect(document.activeElement).toBe(field);
    fireEvent.input(field, { target: { value: 'Met at the bakery conference' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await screen.findByText('Met at the bakery conference');
    expect((await storedRecords())[0]!.note).toBe('Met at the bakery conference');
    fireEvent.click(screen.getByRole('button', { name: 'Actions for Fred Followup' }));
    expect(screen.getByRole('menuitem', { name: 'Edit note' })).toBeTruthy();
  });
});

describe('popup keyboard', () => {
  it('the list is one Tab stop: arrows move between rows, only the active row’s controls are tabbable', async () => {
    await seed([record('Cy First', [50, 55]), record('Bob Second', [40, 45]), record('Ann Third', [28, 34])]);
    render(<Popup />);
    // Once the whole ledger is read (the tab counts are there).
    await waitFor(() => expect(tab('Pending').textContent).toBe('Pending3'));
    const rows = () => Array.from(document.querySelectorAll<HTMLElement>('li.row'));
    const tabbable = () =>
      Array.from(document.querySelectorAll<HTMLElement>('li.row, li.row a, li.row button')).filter(
        (el) => el.tabIndex === 0,
      );
    const [first, second] = rows();
    expect(tabbable().every((el) => first!.contains(el))).toBe(true);
    first!.focus();
    fireEvent.keyDown(first!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(second);
    await waitFor(() => expect(tabbable().every((el) => second!.contains(el))).toBe(true));
    fireEvent.keyDown(second!, { key: 'End' });
    expect(document.activeElement).toBe(rows()[2]);
    fireEvent.keyDown(rows()[2]!, { key: 'Home' });
    expect(document.activeElement).toBe(first);
  });

  it('Escape in the note editor closes it and returns focus to the row’s menu button', async () => {
    await seed([record('Fred Followup', [28, 34])]);
    render(<Popup />);
    await screen.findByText('Fred Followup');
    const menuButton = screen.getByRole('button', { name: 'Actions for Fred Followup' });
    fireEvent.click(menuButton);
    fireEvent.click(screen.getByRole('menuitem', { name: 'Add note' }));
    const field = screen.getByRole('textbox', { name: 'Your private note on Fred Followup' });
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(screen.queryByRole('textbox', { name: /private note/ })).toBeNull();
    expect(document.activeElement).toBe(menuButton);
  });
});

describe('popup states and header', () => {
  it('greets a first run with what Lapse does and a button that opens the Sent page', async () => {
    render(<Popup />);
    await screen.findByText('Welcome to Lapse');
    expect(screen.getByText(/reads LinkedIn’s Sent invitations page whenever you open it/)).toBeTruthy();
    // One clear action: no second "Open Sent page", no counts of nothing, no lists to switch.
    const open = screen.getByRole('button', { name: 'Open Sent page' });
    expect(screen.getAllByRole('button')).toEqual([open]);
    expect(screen.queryByRole('tablist')).toBeNull();
    fireEvent.click(open);
    await waitFor(() =>
      expect(browser.tabs.create).toHaveBeenCalledWith({
        url: 'https://www.linkedin.com/mynetwork/invitation-manager/sent/',
      }),
    );
  });

  it('says plainly when the last reading failed, why, and that nothing changed', async () => {
    const failure = { code: 'list-not-recognised', total: 1250 } as const;
    await seed([record('Fred Followup', [28, 34])], {
      lastReading: reading({ failed: true, complete: false, read: 0, failure }),
    });
    render(<Popup />);
    const alert = await screen.findByText("LinkedIn's page could not be read; nothing in your ledger changed.");
    expect(alert.closest('[role="alert"]')).toBeTruthy();
    expect(
      screen.getByText("Lapse did not recognise the list on LinkedIn's page, which shows 1,250 invitations."),
    ).toBeTruthy();
    expect(screen.getByText('Fred Followup')).toBeTruthy();
    // When the last good reading was, and a retry that reads LinkedIn's page again.
    expect(screen.getByText('No complete reading yet.')).toBeTruthy();
    browser.tabs.activeTab = { id: 31, url: 'https://www.linkedin.com/mynetwork/invitation-manager/sent/' };
    fireEvent.click(screen.getByRole('button', { name: 'Retry: reload the Sent page' }));
    await waitFor(() => expect(browser.tabs.reload).toHaveBeenCalledWith(31));
  });

  it('after a failed first reading on an empty ledger: the failure and a retry, not "open the page once"', async () => {
    await seed([], { lastReading: reading({ failed: true, complete: false, read: 0, failureReason: 'Layout' }) });
    render(<Popup />);
    await screen.findByText("LinkedIn's page could not be read; nothing in your ledger changed.");
    // Logged before failures had codes: its English words, as they were.
    expect(screen.getByText('Layout')).toBeTruthy();
    expect(screen.queryByText('Welcome to Lapse')).toBeNull();
    expect(screen.getByRole('button', { name: 'Retry: reload the Sent page' })).toBeTruthy();
  });

  it('tells a partial reading from a complete one', async () => {
    await seed([record('Fred Followup', [28, 34])], {
      lastReading: reading({ complete: false, read: 40, total: 120 }),
    });
    render(<Popup />);
    await screen.findByText(/\(partial: 40 of 120\)/);
    // How much was seen, and one click to see the rest.
    const notice = screen.getByText(/^Lapse saw 40 of your 120 invitations/);
    fireEvent.click(within(notice).getByRole('button', { name: 'Scan all' }));
    await waitFor(() => expect(worker.received).toContainEqual({ type: 'start-scan', tabId: null }));
  });

  it('shows an error, not an empty ledger, when the ledger cannot be read, and can try again', async () => {
    await seed([record('Fred Followup', [28, 34])]);
    closeSharedDb();
    const open = vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('Database unavailable', 'UnknownError');
    });
    render(<Popup />);
    await screen.findByText('Lapse could not load your ledger.');
    expect(screen.getByText('Database unavailable')).toBeTruthy();
    expect(screen.queryByText('Welcome to Lapse')).toBeNull();
    open.mockRestore();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByText('Fred Followup');
  });

  it('leaves out a stored record that fails validation, shows the rest and says so', async () => {
    const broken = { ...record('Mallory Malformed', [28, 34]), profileUrl: 'javascript:alert(1)', sent: 'soon' };
    // Sent with Fred: read for the first rows and again with the pending records, counted once.
    const brokenLink = { ...record('Mel Malformed', [28, 34]), profileUrl: 'javascript:alert(2)' };
    await seed([record('Fred Followup', [28, 34]), broken, brokenLink]);
    render(<Popup />);
    await screen.findByText('Fred Followup');
    await screen.findByText('2 stored invitations could not be read and are not shown.');
    expect(screen.queryByText('Mallory Malformed')).toBeNull();
    expect(screen.queryByText('Mel Malformed')).toBeNull();
    // The count comes from the store's count facts: Mel's are sound, so she is counted, and the
    // notice says why the list shows one fewer. Mallory's facts are as broken as her record.
    expect(tab('Pending').textContent).toBe('Pending2');
    expect(rowNames()).toEqual(['Fred Followup']);
  });

  it('starts "Scan all" in the active tab when it is the Sent page, else lets the worker open one', async () => {
    await seed([record('Fred Followup', [28, 34])]);
    browser.tabs.activeTab = { id: 31, url: 'https://www.linkedin.com/mynetwork/invitation-manager/sent/?page=2' };
    render(<Popup />);
    await screen.findByText('Fred Followup');
    fireEvent.click(screen.getByRole('button', { name: 'Scan all' }));
    await waitFor(() => expect(worker.received).toContainEqual({ type: 'start-scan', tabId: 31 }));
    expect(browser.tabs.sendMessage).toHaveBeenCalledWith(31, { type: 'scan-start' });
    // The worker now reports the scan running; once it is cancelled, "Scan all" is offered again.
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel scan' }));
    await waitFor(() =>
      expect((screen.getByRole('button', { name: 'Scan all' }) as HTMLButtonElement).disabled).toBe(false),
    );
    browser.tabs.activeTab = { id: 32, url: 'https://www.linkedin.com/feed/' };
    fireEvent.click(screen.getByRole('button', { name: 'Scan all' }));
    await waitFor(() => expect(worker.received).toContainEqual({ type: 'start-scan', tabId: null }));
    expect(browser.tabs.create).toHaveBeenCalledWith(
      expect.objectContaining({ url: expect.stringContaining('/sent/') }),
    );
  });

  it('follows scan progress from session storage and can cancel it', async () => {
    await seed([record('Fred Followup', [28, 34])]);
    render(<Popup />);
    await screen.findByText('Fred Followup');
    await browser.storage.session.set({
      scan: { state: 'running', read: 40, total: 120, startedAt: NOW, updatedAt: NOW, message: null },
    });
    await screen.findByText('Scanning… 40 of 120 read');
    expect((screen.getByRole('button', { name: 'Scan all' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel scan' }));
    await waitFor(() => expect(worker.received).toContainEqual({ type: 'cancel-scan' }));
    await browser.storage.session.set({
      scan: {
        state: 'stalled',
        read: 60,
        total: 120,
        startedAt: NOW,
        updatedAt: NOW,
        stalledBy: 'load-more-ignored',
        message: null,
      },
    });
    await screen.findByText('Scan stopped after 60 read.');
    expect(screen.getByText(/^LinkedIn ignored the Load more click\. Scroll down the list yourself/)).toBeTruthy();
  });

  it('says how a scan ended: a failure with its error, a cancelled scan with nothing more', async () => {
    await seed([record('Fred Followup', [28, 34])]);
    render(<Popup />);
    await screen.findByText('Fred Followup');
    const ended = { read: 60, total: 120, startedAt: NOW, updatedAt: NOW };
    await browser.storage.session.set({
      scan: { ...ended, state: 'error', message: 'Extension context invalidated.' },
    });
    const failed = await screen.findByText('Scan failed after 60 read.');
    expect(failed.parentElement?.textContent).toBe('Scan failed after 60 read. Extension context invalidated.');
    // The worker clears why for a cancelled scan; an error's words left over are not shown with it.
    await browser.storage.session.set({ scan: { ...ended, state: 'cancelled', message: 'left over' } });
    const cancelled = await screen.findByText('Scan cancelled after 60 read.');
    expect(cancelled.parentElement?.textContent).toBe('Scan cancelled after 60 read.');
  });

  it('re-reads the ledger when the worker bumps ledgerVersion', async () => {
    await seed([record('Fred Followup', [28, 34])]);
    render(<Popup />);
    await screen.findByText('Fred Followup');
    await seed([record('New Arrival', [1, 2])]);
    await browser.storage.local.set({ ledgerVersion: 99 });
    await screen.findByText('New Arrival');
  });

  it('applies changed settings at once, and discloses the window with a link to options', async () => {
    await seed([record('Fred Followup', [28, 34])]);
    render(<Popup />);
    await screen.findByText('1 over 3 weeks old');
    expect(screen.getByRole('button', { name: 'Expiry window: six months' })).toBeTruthy();
    await saveSettings({ badgeWeeks: 5, expiryWindow: '90-days' });
    await screen.findByText('0 over 5 weeks old');
    fireEvent.click(screen.getByRole('button', { name: 'Expiry window: 90 days' }));
    expect(browser.runtime.openOptionsPage).toHaveBeenCalled();
  });

  it('exports the list as shown, or everything, as a CSV file', async () => {
    await mixedLedger();
    const files = captureDownloads();
    render(<Popup />);
    await screen.findByText('Nina Nearer');
    fireEvent.click(tab('Act this week'));
    await waitFor(() => expect(rowNames()).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    // Focus moves into the choice, and back to "Export CSV" once it is made.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'This list (2)' }));
    fireEvent.click(screen.getByRole('button', { name: 'This list (2)' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Export CSV' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    fireEvent.keyDown(screen.getByRole('button', { name: 'Everything (10)' }), { key: 'Escape' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Export CSV' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    fireEvent.click(screen.getByRole('button', { name: 'Everything (10)' }));
    // The CSV code loads on the first export.
    await waitFor(() => expect(files).toHaveLength(2));
    const [list, all] = await Promise.all(files.map((f) => f.text()));
    // Header plus one CRLF-terminated line per record.
    expect(list!.split('\r\n').filter(Boolean)).toHaveLength(3);
    expect(list).toContain('Nina Nearer');
    expect(list).not.toContain('Fred Followup');
    expect(all!.split('\r\n').filter(Boolean)).toHaveLength(11);
    expect(all).toContain('Hugo Hidden');
  });
});
