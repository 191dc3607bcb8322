import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { InvitationRecord } from '../model/invitation';
import { isSentPageUrl } from '../model/linkedin-pages';
import type { PageMessage } from '../model/messages';
import type { ReadingLogEntry } from '../model/reading';
import type { Settings } from '../model/settings';
import { t, tCount } from '../shared/i18n';
import { sendToBackground } from '../shared/messaging';
import { windowText } from '../shared/ui/format';
import { LedgerUnavailable } from '../shared/ui/LedgerUnavailable';
import { problemText } from '../shared/ui/problem-text';
import { useSettings } from '../shared/ui/use-settings';
import { SENT_PAGE_URL } from '../shared/well-known';
import { openForReading } from '../store/read';
import { AccountQuestion } from './AccountQuestion';
import { AccountSwitcher } from './AccountSwitcher';
import { ExportMenu } from './ExportMenu';
import { FirstRun } from './FirstRun';
import { filterLabel, ListTabs, PANEL_ID, tabId } from './ListTabs';
import { type LedgerHead, readResolvedPage } from './ledger-reads';
import { PastWindowNotice } from './PastWindowNotice';
import { ReadingNotice } from './ReadingNotice';
import { RowList } from './RowList';
import { StatusLine } from './StatusLine';
import { UndoContext, UndoNotice, useUndo } from './undo';
import { forAccount, useAccount } from './use-account';
import { type FirstRead, PAGE_SIZE, type PopupLedger, startFirstRead, usePopupLedger } from './use-popup-ledger';
import { type ListFilter, type Row, resolvedCount, searchRows, tabCounts } from './view';

/** Performance mark set once the first rows (or the first-run screen) are on screen. */
export const FIRST_SCREEN_MARK = 'lapse:first-screen';
/**
 * Rows in the very first paint: more than the popup shows (it is at most 600 px tall in Chrome and
 * Firefox, a row at least ~115 px, and the header comes first); the rest of the page follows.
 */
export const FIRST_PAINT_ROWS = 5;

const EMPTY_TEXT = {
  nearing: 'empty_nearing',
  pending: 'empty_pending',
  expired: 'empty_expired',
  resolved: 'empty_resolved',
} as const;

/** The Sent page tab the user is on, if they are on it (visible through activeTab). */
async function activeSentTab(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id !== undefined && tab.url !== undefined && isSentPageUrl(tab.url) ? tab.id : null;
}

/** What the popup's buttons do; each reports a failure in the popup rather than throwing. */
function useActions(refresh: () => Promise<void>) {
  const [actionError, setActionError] = useState<string | null>(null);
  /** True when the work went through (an undo is offered only then). */
  const run = async (work: () => Promise<unknown>): Promise<boolean> => {
    try {
      setActionError(null);
      await work();
      return true;
    } catch (cause) {
      setActionError(problemText(cause));
      return false;
    }
  };
  return {
    actionError,
    run,
    act: (message: PageMessage) =>
      run(async () => {
        await sendToBackground(message);
        await refresh();
      }),
    openSentPage: () => run(() => browser.tabs.create({ url: SENT_PAGE_URL })),
    // Reload the Sent page the user is on (LinkedIn's own page, read again), or open it.
    retryReading: () =>
      run(async () => {
        const tabId = await activeSentTab();
        await (tabId === null ? browser.tabs.create({ url: SENT_PAGE_URL }) : browser.tabs.reload(tabId));
      }),
    scanAll: () => run(async () => sendToBackground({ type: 'start-scan', tabId: await activeSentTab() })),
    cancelScan: () => run(() => sendToBackground({ type: 'cancel-scan' })),
  };
}

/** Whether the first rows have been painted: only the top few are drawn before that. */
function usePainted(hasRows: boolean, shown: boolean): boolean {
  const [painted, setPainted] = useState(false);
  // Effects run after the browser paints: by now the first rows are on screen.
  useEffect(() => {
    if (hasRows) setPainted(true);
  }, [hasRows]);
  // The moment the popup first shows what it is for — rows, or the first-run screen — marked on
  // the page's own timeline, where the benchmark reads it (no polling delay added to the figure).
  useEffect(() => {
    if (shown) performance.mark(FIRST_SCREEN_MARK);
  }, [shown]);
  return painted;
}

/** The selected list's rows as far as they are read (null: not yet), and how many follow them. */
function listRows(ledger: PopupLedger, list: ReturnType<typeof useListState>): ListRows | null {
  const { filter, query, limit } = list;
  if (filter === 'resolved') {
    if (!ledger.resolved || !ledger.head) return null;
    const total = query ? null : resolvedCount(ledger.head.counts, ledger.pending?.records ?? null, list.showHidden);
    return { rows: ledger.resolved.rows, more: ledger.resolved.more, total };
  }
  if (ledger.pending) {
    const rows = searchRows(ledger.pending.lists[filter], query);
    return { rows: rows.slice(0, limit), more: rows.length > limit, total: rows.length };
  }
  // Until the pending records are read, only the top of "All pending" (no search, nothing hidden shown) can be drawn.
  const { head } = ledger;
  if (filter !== 'pending' || query || list.showHidden || !head) return null;
  return { rows: head.firstRows, more: head.counts.pending > head.firstRows.length, total: head.counts.pending };
}

/** The toolbar popup: whom to act on today, and what to do about each. */
export function Popup({ first }: { first?: FirstRead }) {
  const list = useListState();
  const [reads] = useState(() => first ?? startFirstRead());
  const [settings] = useSettings(reads.settings);
  const account = useAccount();
  const ledger = usePopupLedger(reads, { ...list, settings, account: account.chosen });
  const actions = useActions(ledger.refresh);
  const { head } = ledger;
  const rows = listRows(ledger, list);
  const painted = usePainted(rows !== null && rows.rows.length > 0, rows !== null || head?.size === 0);

  const accountBar = <AccountBar account={account} run={actions.run} />;
  if (!settings || !head) {
    return (
      <main class="popup">
        {ledger.error ? <LedgerUnavailable error={ledger.error} retry={() => void ledger.refresh()} /> : <Loading />}
      </main>
    );
  }
  const notices = (
    <Notices
      lastReading={head.lastReading}
      lastComplete={head.lastCompleteReading}
      scanning={ledger.scan?.state === 'running'}
      ledgerError={ledger.error}
      rejected={ledger.rejected}
      actionError={actions.actionError}
      onRetryLedger={() => void ledger.refresh()}
      onRetryReading={() => void actions.retryReading()}
      onScanAll={() => void actions.scanAll()}
    />
  );
  if (head.size === 0) {
    return (
      <main class="popup">
        <h1>{t('extName')}</h1>
        {accountBar}
        {notices}
        {!head.lastReading?.failed && <FirstRun onOpenSentPage={() => void actions.openSentPage()} />}
      </main>
    );
  }
  return (
    <LedgerScreen
      settings={settings}
      head={head}
      ledger={ledger}
      painted={painted}
      account={account}
      list={list}
      rows={rows}
      accountBar={accountBar}
      notices={notices}
      actions={actions}
    />
  );
}

/** Whose ledger is shown, the switch between accounts, and the question a stranger's page raises. */
function AccountBar({
  account,
  run,
}: {
  account: ReturnType<typeof useAccount>;
  run: ReturnType<typeof useActions>['run'];
}) {
  if (!account.state || account.chosen === undefined) return null;
  return (
    <>
      <AccountSwitcher known={account.state.known} chosen={account.chosen} onChoose={account.choose} />
      {account.state.question && (
        <AccountQuestion
          question={account.state.question}
          onAnswer={(different) =>
            void run(async () => {
              await sendToBackground({ type: 'answer-account-question', different });
              await account.refresh();
            })
          }
        />
      )}
    </>
  );
}

/** Which list is shown, searched for what, how much of it, and whether hidden records show. */
function useListState() {
  const [filter, setFilter] = useState<ListFilter>('pending');
  const [query, setQuery] = useState('');
  const [showHidden, setShowHidden] = useState(false);
  const [limit, setLimit] = useState(PAGE_SIZE);
  useEffect(() => setLimit(PAGE_SIZE), [filter, query]);
  return { filter, setFilter, query, setQuery, showHidden, setShowHidden, limit, setLimit };
}

/** The rows of the selected list read so far, and what the "Show more" button says. */
interface ListRows {
  rows: readonly Row[];
  /** Rows of the list follow these. */
  more: boolean;
  /** How many rows the whole list holds, when known without reading them all. */
  total: number | null;
}

/** The popup once there is a ledger: the status line, notices, the tabs, the list, the footer. */
function LedgerScreen(props: {
  settings: Settings;
  head: LedgerHead;
  ledger: PopupLedger;
  painted: boolean;
  account: ReturnType<typeof useAccount>;
  list: ReturnType<typeof useListState>;
  rows: ListRows | null;
  accountBar: ComponentChildren;
  notices: ComponentChildren;
  actions: ReturnType<typeof useActions>;
}) {
  const { settings, head, ledger, painted, account, list, rows, actions } = props;
  const { counts } = head;
  const tabs = tabCounts(counts, ledger.pending, list.showHidden);
  const visible = rows ? rows.rows.slice(0, painted ? list.limit : Math.min(list.limit, FIRST_PAINT_ROWS)) : [];
  const left = rows?.total == null ? null : rows.total - list.limit;
  // Follow-ups and snoozes are undoable: rows send them through here (undo.tsx).
  const undo = useUndo((message) => actions.act(forAccount(message, account.chosen)));
  return (
    <main class="popup">
      <StatusLine
        counts={counts}
        badgeWeeks={settings.badgeWeeks}
        lastReading={head.lastReading}
        scan={ledger.scan}
        onOpenSentPage={() => void actions.openSentPage()}
        onScanAll={() => void actions.scanAll()}
        onCancelScan={() => void actions.cancelScan()}
      />
      {props.accountBar}
      {props.notices}
      {counts.pastWindow > 0 && <PastWindowNotice count={counts.pastWindow} settings={settings} />}
      <ListTabs selected={list.filter} counts={tabs} onSelect={list.setFilter} />
      <UndoContext.Provider value={undo.perform}>
        <ListPanel
          filter={list.filter}
          query={list.query}
          onQuery={list.setQuery}
          loaded={rows !== null}
          visible={visible}
          more={rows?.more ? left : 0}
          onMore={() => list.setLimit(list.limit + PAGE_SIZE)}
          now={ledger.now}
          templates={settings.templates}
          onAct={(message) => void actions.act(forAccount(message, account.chosen))}
        />
      </UndoContext.Provider>
      <UndoNotice state={undo} />
      <PopupFooter
        hidden={counts.hidden}
        showHidden={list.showHidden}
        onShowHidden={list.setShowHidden}
        windowLabel={windowText(settings, head.settings)}
        listCount={rows?.total ?? null}
        allCount={head.size}
        onExport={(what) =>
          // The CSV code (with its parser library) loads only when someone exports. Everything is
          // read from the database page by page.
          void actions.run(async () => {
            const csv = await import('../shared/ui/csv-stream');
            const at = Date.now();
            if (what === 'all') await csv.downloadLedgerCsv(head.settings, at, head.account);
            else csv.downloadCsv(await wholeList(ledger, list, at), head.settings, at, head.account);
          })
        }
      />
    </main>
  );
}

/** Every record of the selected list (as searched), for "Export this list". */
async function wholeList(
  ledger: PopupLedger,
  list: ReturnType<typeof useListState>,
  now: number,
): Promise<InvitationRecord[]> {
  const { head, pending } = ledger;
  if (!head || !pending) return [];
  if (list.filter !== 'resolved') return searchRows(pending.lists[list.filter], list.query).map((row) => row.record);
  const view = { settings: head.settings, now, showHidden: list.showHidden, query: list.query, limit: Infinity };
  const page = await readResolvedPage(await openForReading(), head.account, view);
  return page.rows.map((row) => row.record);
}

/** Whatever went wrong or is incomplete, each with its way forward. */
function Notices(props: {
  lastReading: ReadingLogEntry | null;
  lastComplete: ReadingLogEntry | null;
  scanning: boolean;
  ledgerError: string | null;
  rejected: number;
  actionError: string | null;
  onRetryLedger: () => void;
  onRetryReading: () => void;
  onScanAll: () => void;
}) {
  return (
    <>
      <ReadingNotice
        lastReading={props.lastReading}
        lastComplete={props.lastComplete}
        scanning={props.scanning}
        onRetry={props.onRetryReading}
        onScanAll={props.onScanAll}
      />
      {props.ledgerError && <LedgerUnavailable error={props.ledgerError} retry={props.onRetryLedger} />}
      {props.rejected > 0 && (
        <div class="notice notice-warn" role="alert">
          <p>{tCount('records_rejected', props.rejected)}</p>
        </div>
      )}
      {props.actionError && (
        <div class="notice notice-danger" role="alert">
          <p>{t('action_failed', props.actionError)}</p>
        </div>
      )}
    </>
  );
}

/** Hidden records, the expiry window (a link to Options) and the CSV export. */
function PopupFooter(props: {
  hidden: number;
  showHidden: boolean;
  onShowHidden: (show: boolean) => void;
  windowLabel: string;
  /** Rows in the list shown; null when a search of "Resolved" has not counted them. */
  listCount: number | null;
  allCount: number;
  onExport: (what: 'list' | 'all') => void;
}) {
  return (
    <footer class="footer">
      {props.hidden > 0 && (
        <span>
          {tCount('hidden_count', props.hidden)}{' '}
          <button
            type="button"
            class="link"
            aria-pressed={props.showHidden}
            onClick={() => props.onShowHidden(!props.showHidden)}
          >
            {props.showHidden ? t('hidden_hide') : t('hidden_show')}
          </button>
        </span>
      )}
      <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('footer_window', props.windowLabel)}
      </button>
      <ExportMenu listCount={props.listCount} allCount={props.allCount} onExport={props.onExport} />
    </footer>
  );
}

function Loading() {
  return <p class="loading">{t('loading')}</p>;
}

/** The selected list: its search field, its rows (or what would appear there), and "Show more". */
function ListPanel(props: {
  filter: ListFilter;
  query: string;
  onQuery: (query: string) => void;
  /** False while the list cannot be drawn yet. */
  loaded: boolean;
  visible: readonly Row[];
  /** Rows of the list not drawn yet: a number, or null when more follow but were not counted. */
  more: number | null;
  onMore: () => void;
  now: number;
  templates: Settings['templates'];
  onAct: (message: PageMessage) => void;
}) {
  const { filter, query, visible, more } = props;
  return (
    <div id={PANEL_ID} role="tabpanel" aria-labelledby={tabId(filter)} class="panel">
      <input
        type="search"
        class="search"
        placeholder={t('search_placeholder')}
        aria-label={t('search_label')}
        value={query}
        onInput={(event) => props.onQuery(event.currentTarget.value)}
      />
      {!props.loaded ? (
        <p class="loading">{t('loading')}</p>
      ) : visible.length === 0 ? (
        <p class="empty-list">{query ? t('no_matches', query) : t(EMPTY_TEXT[filter])}</p>
      ) : (
        <RowList
          rows={visible}
          label={filterLabel(filter)}
          grouped={filter === 'pending' && !query}
          now={props.now}
          templates={props.templates}
          onAct={props.onAct}
        />
      )}
      {more !== 0 && (
        <button type="button" class="show-more" onClick={props.onMore}>
          {more === null ? t('show_more_next', PAGE_SIZE) : t('show_more', [Math.min(PAGE_SIZE, more), more])}
        </button>
      )}
    </div>
  );
}
