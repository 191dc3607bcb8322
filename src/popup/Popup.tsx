import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { isSentPageUrl } from '../content/navigation';
import type { PageMessage } from '../model/messages';
import { resolveSettings } from '../rules';
import { type MessageKey, t, tCount } from '../shared/i18n';
import { sendToBackground } from '../shared/messaging';
import { windowText } from '../shared/ui/format';
import { LedgerUnavailable } from '../shared/ui/LedgerUnavailable';
import { useLedger } from '../shared/ui/use-ledger';
import { useSettings } from '../shared/ui/use-settings';
import { SENT_PAGE_URL } from '../shared/well-known';
import { ExportMenu } from './ExportMenu';
import { FirstRun } from './FirstRun';
import { Header } from './Header';
import { InvitationRow } from './InvitationRow';
import { type OpeningReads, startOpeningReads } from './opening-reads';
import { PastWindowNotice } from './PastWindowNotice';
import { useFirstPage } from './use-first-page';
import { buildView, firstPendingRows, LIST_FILTERS, type ListFilter, type Row, searchRows } from './view';

/** Rows drawn at a time: a 5,000-invitation ledger must open as fast as a 5-invitation one. */
export const PAGE_SIZE = 50;
/** Performance mark set once the first rows (or the first-run screen) are on screen. */
export const FIRST_SCREEN_MARK = 'lapse:first-screen';
/** Rows in the very first paint: more than the popup's height shows; the rest of the page follows. */
export const FIRST_PAINT_ROWS = 10;

const FILTER_LABEL: Record<ListFilter, MessageKey> = {
  nearing: 'filter_nearing',
  pending: 'filter_pending',
  expired: 'filter_expired',
  resolved: 'filter_resolved',
};

function errorText(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

/** The toolbar popup: what is about to lapse, and what to do about each. */
export function Popup({ opening }: { opening?: OpeningReads }) {
  // Reads started before mounting (main.tsx), or now.
  const [reads] = useState(() => opening ?? startOpeningReads());
  const [settings] = useSettings(reads.settings);
  // The top of the default list is read first; the whole ledger only once those rows are drawn.
  const first = useFirstPage(reads.firstPage);
  const ledger = useLedger({ hold: first.state === 'loading' });
  const [filter, setFilter] = useState<ListFilter>('pending');
  const [query, setQuery] = useState('');
  const [showHidden, setShowHidden] = useState(false);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [actionError, setActionError] = useState<string | null>(null);
  // False until the first rows have been painted: only the top few are drawn before that.
  const [painted, setPainted] = useState(false);
  const { snapshot, now } = ledger;

  // A learned window is learned from the whole ledger; every figure below uses it.
  const resolved = useMemo(
    () => (snapshot && settings ? resolveSettings(settings, snapshot.records) : null),
    [snapshot, settings],
  );
  // Every record is assessed once per snapshot/settings/clock; filters and search reuse it.
  const view = useMemo(
    () => (snapshot && resolved ? buildView(snapshot.records, resolved, now, showHidden) : null),
    [snapshot, resolved, now, showHidden],
  );
  const rows = useMemo(() => (view ? searchRows(view.lists[filter], query) : []), [view, filter, query]);
  // Only the rows of the first paint are assessed before it; the rest of the page follows.
  const firstSize = painted ? PAGE_SIZE : FIRST_PAINT_ROWS;
  const firstRows = useMemo(
    () =>
      first.state === 'ready' ? firstPendingRows(first.page.records, first.page.settings, first.now, firstSize) : null,
    [first, firstSize],
  );
  useEffect(() => setLimit(PAGE_SIZE), [filter, query]);
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

  const run = async (work: () => Promise<unknown>) => {
    try {
      setActionError(null);
      await work();
    } catch (cause) {
      setActionError(errorText(cause));
    }
  };
  const act = (message: PageMessage) =>
    run(async () => {
      await sendToBackground(message);
      await ledger.refresh();
    });
  const openSentPage = () => run(() => browser.tabs.create({ url: SENT_PAGE_URL }));
  const scanAll = () =>
    run(async () => {
      // With activeTab, the active tab's URL is visible because the user opened the popup.
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      const tabId = tab?.id !== undefined && tab.url !== undefined && isSentPageUrl(tab.url) ? tab.id : null;
      await sendToBackground({ type: 'start-scan', tabId });
    });
  const cancelScan = () => run(() => sendToBackground({ type: 'cancel-scan' }));

  const preview = !view && first.state === 'ready' ? first.page : null;
  if (!settings || (!view && !(preview && firstRows))) {
    return (
      <main class="popup">
        {ledger.error ? (
          <LedgerUnavailable error={ledger.error} retry={() => void ledger.refresh()} />
        ) : (
          <p class="loading">{t('loading')}</p>
        )}
      </main>
    );
  }

  // Until the whole ledger is read, only "All pending" without a search can be drawn (its top).
  const lastReading = snapshot ? snapshot.lastReading : (preview?.lastReading ?? null);
  const scan = snapshot ? ledger.scan : (ledger.scan ?? preview?.scan ?? null);
  const listRows: readonly Row[] | null = view ? rows : filter === 'pending' && !query ? firstRows : null;
  const visible = listRows?.slice(0, painted ? limit : Math.min(limit, FIRST_PAINT_ROWS)) ?? [];
  return (
    <main class="popup">
      <Header
        counts={view?.counts ?? null}
        badgeWeeks={settings.badgeWeeks}
        lastReading={lastReading}
        scan={scan}
        onOpenSentPage={openSentPage}
        onScanAll={scanAll}
        onCancelScan={cancelScan}
      />
      {lastReading?.failed && (
        <div class="notice notice-danger" role="alert">
          <p>{t('reading_failed')}</p>
          {lastReading.failureReason && <p class="detail">{lastReading.failureReason}</p>}
        </div>
      )}
      {ledger.error && <LedgerUnavailable error={ledger.error} retry={() => void ledger.refresh()} />}
      {ledger.rejected > 0 && (
        <div class="notice notice-warn" role="alert">
          <p>{tCount('records_rejected', ledger.rejected)}</p>
        </div>
      )}
      {actionError && (
        <div class="notice notice-danger" role="alert">
          <p>{t('action_failed', actionError)}</p>
        </div>
      )}
      {snapshot?.records.length === 0 ? (
        <FirstRun onOpenSentPage={openSentPage} />
      ) : (
        <>
          {view && view.counts.pastWindow > 0 ? (
            <PastWindowNotice count={view.counts.pastWindow} settings={settings} />
          ) : (
            <p class="disclosure">
              {t('disclosure_window', windowText(settings, resolved))}{' '}
              <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
                {t('disclosure_change')}
              </button>
            </p>
          )}
          <nav class="filters" aria-label={t('filters_label')}>
            {LIST_FILTERS.map((key) => (
              <button
                key={key}
                type="button"
                aria-pressed={filter === key}
                class={filter === key ? 'filter active' : 'filter'}
                onClick={() => setFilter(key)}
              >
                {t(FILTER_LABEL[key])}
                {view && (
                  <>
                    {' '}
                    <span class="count">{view.lists[key].length}</span>
                  </>
                )}
              </button>
            ))}
          </nav>
          <input
            type="search"
            class="search"
            placeholder={t('search_placeholder')}
            aria-label={t('search_label')}
            value={query}
            onInput={(event) => setQuery(event.currentTarget.value)}
          />
          {listRows === null ? (
            <p class="loading">{t('loading')}</p>
          ) : visible.length === 0 ? (
            <p class="empty-list">{query ? t('no_matches', query) : t('empty_list')}</p>
          ) : (
            <ul class="rows" aria-label={t(FILTER_LABEL[filter])}>
              {visible.map((row) => (
                <InvitationRow
                  key={row.record.id}
                  row={row}
                  templates={settings.templates}
                  onAct={(message) => void act(message)}
                />
              ))}
            </ul>
          )}
          {view && rows.length > limit && (
            <button type="button" class="show-more" onClick={() => setLimit(limit + PAGE_SIZE)}>
              {t('show_more', [Math.min(PAGE_SIZE, rows.length - limit), rows.length - limit])}
            </button>
          )}
          {view && snapshot && (
            <footer class="footer">
              {view.counts.hidden > 0 && (
                <span>
                  {tCount('hidden_count', view.counts.hidden)}{' '}
                  <button
                    type="button"
                    class="link"
                    aria-pressed={showHidden}
                    onClick={() => setShowHidden(!showHidden)}
                  >
                    {showHidden ? t('hidden_hide') : t('hidden_show')}
                  </button>
                </span>
              )}
              <ExportMenu
                listCount={rows.length}
                allCount={snapshot.records.length}
                onExport={(what) => {
                  const records = what === 'all' ? snapshot.records : rows.map((row) => row.record);
                  // The CSV code (with its parser library) loads only when someone exports.
                  if (!resolved) return;
                  void run(async () => (await import('../shared/csv')).downloadCsv(records, resolved, Date.now()));
                }}
              />
            </footer>
          )}
        </>
      )}
    </main>
  );
}
