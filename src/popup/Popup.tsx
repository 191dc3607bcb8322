import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { InvitationRecord } from '../model/invitation';
import { isSentPageUrl } from '../model/linkedin-pages';
import type { PageMessage, ScanProgress } from '../model/messages';
import type { ReadingLogEntry } from '../model/reading';
import type { Settings } from '../model/settings';
import { resolveSettings } from '../rules';
import { t, tCount } from '../shared/i18n';
import { sendToBackground } from '../shared/messaging';
import { windowText } from '../shared/ui/format';
import { LedgerUnavailable } from '../shared/ui/LedgerUnavailable';
import { useLedger } from '../shared/ui/use-ledger';
import { useSettings } from '../shared/ui/use-settings';
import { SENT_PAGE_URL } from '../shared/well-known';
import { AccountQuestion } from './AccountQuestion';
import { AccountSwitcher } from './AccountSwitcher';
import { ExportMenu } from './ExportMenu';
import { FirstRun } from './FirstRun';
import { filterLabel, ListTabs, PANEL_ID, tabId } from './ListTabs';
import { type OpeningReads, startOpeningReads } from './opening-reads';
import { PastWindowNotice } from './PastWindowNotice';
import { ReadingNotice } from './ReadingNotice';
import { RowList } from './RowList';
import { StatusLine } from './StatusLine';
import { UndoContext, UndoNotice, useUndo } from './undo';
import { forAccount, useAccount } from './use-account';
import { useFirstPage } from './use-first-page';
import { buildView, firstPendingRows, type ListFilter, type Row, searchRows } from './view';

/** Rows drawn at a time: a 5,000-invitation ledger must open as fast as a 5-invitation one. */
export const PAGE_SIZE = 50;
/** Performance mark set once the first rows (or the first-run screen) are on screen. */
export const FIRST_SCREEN_MARK = 'lapse:first-screen';
/** Rows in the very first paint: more than the popup's height shows; the rest of the page follows. */
export const FIRST_PAINT_ROWS = 10;

const EMPTY_TEXT = {
  nearing: 'empty_nearing',
  pending: 'empty_pending',
  expired: 'empty_expired',
  resolved: 'empty_resolved',
} as const;

function errorText(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

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
      setActionError(errorText(cause));
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

/**
 * What the popup draws from: settings, the worker's first page, the whole ledger once it is read,
 * and the view of it (every record assessed once per snapshot, settings and clock).
 */
function usePopupData(opening: OpeningReads | undefined, showHidden: boolean) {
  // Reads started before mounting (main.tsx), or now.
  const [reads] = useState(() => opening ?? startOpeningReads());
  const [settings] = useSettings(reads.settings);
  // The top of the default list is read first; the whole ledger only once those rows are drawn.
  const first = useFirstPage(reads.firstPage);
  const account = useAccount();
  const ledger = useLedger({ hold: first.state === 'loading' || account.loading, account: account.chosen });
  // False until the first rows have been painted: only the top few are drawn before that.
  const [painted, setPainted] = useState(false);
  const { snapshot, now } = ledger;
  // A learned window is learned from the whole ledger; every figure uses it.
  const resolved = useMemo(
    () => (snapshot && settings ? resolveSettings(settings, snapshot.records) : null),
    [snapshot, settings],
  );
  const view = useMemo(
    () => (snapshot && resolved ? buildView(snapshot.records, resolved, now, showHidden) : null),
    [snapshot, resolved, now, showHidden],
  );
  // Only the rows of the first paint are assessed before it; the rest of the page follows.
  const firstSize = painted ? PAGE_SIZE : FIRST_PAINT_ROWS;
  const firstRows = useMemo(
    () =>
      first.state === 'ready' ? firstPendingRows(first.page.records, first.page.settings, first.now, firstSize) : null,
    [first, firstSize],
  );
  const hasRows = firstRows !== null || view !== null;
  // Effects run after the browser paints: by now the first rows are on screen.
  useEffect(() => {
    if (hasRows) setPainted(true);
  }, [hasRows]);
  // The moment the popup first shows what it is for — rows, or the first-run screen — marked on
  // the page's own timeline, where the benchmark reads it (no polling delay added to the figure).
  const shown = hasRows || snapshot?.records.length === 0;
  useEffect(() => {
    if (shown) performance.mark(FIRST_SCREEN_MARK);
  }, [shown]);
  return { settings, first, account, ledger, painted, resolved, view, firstRows };
}

/** The toolbar popup: whom to act on today, and what to do about each. */
export function Popup({ opening }: { opening?: OpeningReads }) {
  const list = useListState();
  const data = usePopupData(opening, list.showHidden);
  const { settings, first, account, ledger, view, firstRows } = data;
  const actions = useActions(ledger.refresh);
  const { snapshot } = ledger;
  const rows = useMemo(
    () => (view ? searchRows(view.lists[list.filter], list.query) : []),
    [view, list.filter, list.query],
  );

  // The worker's first page is the last-read account's: not shown for another one.
  const ownFirst =
    account.chosen === undefined || account.chosen === (account.state?.lastSeen ?? account.state?.known[0] ?? '');
  const preview = !view && first.state === 'ready' && ownFirst ? first.page : null;
  const accountBar = <AccountBar account={account} run={actions.run} />;
  if (!settings || (!view && !(preview && firstRows))) {
    return (
      <main class="popup">
        {ledger.error ? <LedgerUnavailable error={ledger.error} retry={() => void ledger.refresh()} /> : <Loading />}
      </main>
    );
  }
  // Until the whole ledger is read, only "Pending" without a search can be drawn (its top).
  const lastReading = snapshot ? snapshot.lastReading : (preview?.lastReading ?? null);
  const scan = snapshot ? ledger.scan : (ledger.scan ?? preview?.scan ?? null);
  const notices = (
    <Notices
      lastReading={lastReading}
      lastComplete={snapshot?.lastCompleteReading ?? null}
      scanning={scan?.state === 'running'}
      ledgerError={ledger.error}
      rejected={ledger.rejected}
      actionError={actions.actionError}
      onRetryLedger={() => void ledger.refresh()}
      onRetryReading={() => void actions.retryReading()}
      onScanAll={() => void actions.scanAll()}
    />
  );
  if (snapshot?.records.length === 0) {
    return (
      <main class="popup">
        <h1>{t('extName')}</h1>
        {accountBar}
        {notices}
        {!lastReading?.failed && <FirstRun onOpenSentPage={() => void actions.openSentPage()} />}
      </main>
    );
  }
  return (
    <LedgerScreen
      data={{ ...data, settings }}
      list={list}
      rows={rows}
      lastReading={lastReading}
      scan={scan}
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

type PopupData = ReturnType<typeof usePopupData>;

/** The popup once there is a ledger: the status line, notices, the tabs, the list, the footer. */
function LedgerScreen({
  data,
  list,
  rows,
  lastReading,
  scan,
  accountBar,
  notices,
  actions,
}: {
  data: PopupData & { settings: Settings };
  list: ReturnType<typeof useListState>;
  rows: readonly Row[];
  lastReading: ReadingLogEntry | null;
  scan: ScanProgress | null;
  accountBar: ComponentChildren;
  notices: ComponentChildren;
  actions: ReturnType<typeof useActions>;
}) {
  const { settings, first, account, ledger, painted, resolved, view, firstRows } = data;
  const { snapshot, now } = ledger;
  const { filter, query, limit } = list;
  const listRows: readonly Row[] | null = view ? rows : filter === 'pending' && !query ? firstRows : null;
  const counts = view?.counts ?? null;
  // Follow-ups and snoozes are undoable: rows send them through here (undo.tsx).
  const undo = useUndo((message) => actions.act(forAccount(message, account.chosen)));
  return (
    <main class="popup">
      <StatusLine
        counts={counts}
        badgeWeeks={settings.badgeWeeks}
        lastReading={lastReading}
        scan={scan}
        onOpenSentPage={() => void actions.openSentPage()}
        onScanAll={() => void actions.scanAll()}
        onCancelScan={() => void actions.cancelScan()}
      />
      {accountBar}
      {notices}
      {counts && counts.pastWindow > 0 && <PastWindowNotice count={counts.pastWindow} settings={settings} />}
      <ListTabs selected={filter} counts={view && mapLists(view.lists)} onSelect={list.setFilter} />
      <UndoContext.Provider value={undo.perform}>
        <ListPanel
          filter={filter}
          query={query}
          onQuery={list.setQuery}
          listRows={listRows}
          visible={listRows?.slice(0, painted ? limit : Math.min(limit, FIRST_PAINT_ROWS)) ?? []}
          more={view && rows.length > limit ? rows.length - limit : 0}
          onMore={() => list.setLimit(limit + PAGE_SIZE)}
          now={view ? now : first.state === 'ready' ? first.now : now}
          templates={settings.templates}
          onAct={(message) => void actions.act(forAccount(message, account.chosen))}
        />
      </UndoContext.Provider>
      <UndoNotice state={undo} />
      {view && snapshot && resolved && (
        <PopupFooter
          hidden={view.counts.hidden}
          showHidden={list.showHidden}
          onShowHidden={list.setShowHidden}
          windowLabel={windowText(settings, resolved)}
          listRecords={rows.map((row) => row.record)}
          allRecords={snapshot.records}
          onExport={(what, records) =>
            // The CSV code (with its parser library) loads only when someone exports. Everything is
            // read from the database page by page; a list is the rows already shown.
            void actions.run(async () => {
              const csv = await import('../shared/ui/csv-stream');
              if (what === 'all') await csv.downloadLedgerCsv(resolved, Date.now(), account.chosen);
              else csv.downloadCsv(records, resolved, Date.now(), account.chosen);
            })
          }
        />
      )}
    </main>
  );
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
  listRecords: readonly InvitationRecord[];
  allRecords: readonly InvitationRecord[];
  onExport: (what: 'list' | 'all', records: readonly InvitationRecord[]) => void;
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
      <ExportMenu
        listCount={props.listRecords.length}
        allCount={props.allRecords.length}
        onExport={(what) => props.onExport(what, what === 'all' ? props.allRecords : props.listRecords)}
      />
    </footer>
  );
}

function Loading() {
  return <p class="loading">{t('loading')}</p>;
}

function mapLists(lists: Record<ListFilter, readonly Row[]>): Record<ListFilter, number> {
  return {
    nearing: lists.nearing.length,
    pending: lists.pending.length,
    expired: lists.expired.length,
    resolved: lists.resolved.length,
  };
}

/** The selected list: its search field, its rows (or what would appear there), and "Show more". */
function ListPanel(props: {
  filter: ListFilter;
  query: string;
  onQuery: (query: string) => void;
  /** Null while the list cannot be drawn yet. */
  listRows: readonly Row[] | null;
  visible: readonly Row[];
  /** Rows of the list not drawn yet. */
  more: number;
  onMore: () => void;
  now: number;
  templates: Settings['templates'];
  onAct: (message: PageMessage) => void;
}) {
  const { filter, query, listRows, visible, more } = props;
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
      {listRows === null ? (
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
      {more > 0 && (
        <button type="button" class="show-more" onClick={props.onMore}>
          {t('show_more', [Math.min(PAGE_SIZE, more), more])}
        </button>
      )}
    </div>
  );
}
