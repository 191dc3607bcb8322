import { useMemo, useState } from 'preact/hooks';
import type { InvitationRecord } from '../model/invitation';
import type { Settings } from '../model/settings';
import {
  acceptanceStats,
  ageHistogram,
  ledgerCounts,
  pendingAgainstCap,
  resolveSettings,
  weeklySends,
  whatWorks,
  windowCheck,
} from '../rules';
import { t } from '../shared/i18n';
import { saveSettings } from '../shared/settings-store';
import { windowText } from '../shared/ui/format';
import { LedgerUnavailable } from '../shared/ui/LedgerUnavailable';
import { problemText } from '../shared/ui/problem-text';
import { type LedgerState, useLedger } from '../shared/ui/use-ledger';
import { useSettings } from '../shared/ui/use-settings';
import { AcceptanceSection } from './AcceptanceSection';
import { AgeSection } from './AgeSection';
import { CapSection } from './CapSection';
import { WeeklySection } from './WeeklySection';
import { WhatWorksSection } from './WhatWorksSection';
import { WindowCheckNotice } from './WindowCheckNotice';

/** Every figure the page shows, from one reading of the ledger and the settings in force. */
function insightFigures(records: readonly InvitationRecord[], settings: Settings, now: number) {
  const resolved = resolveSettings(settings, records);
  return {
    resolved,
    counts: ledgerCounts(records, resolved, now),
    histogram: ageHistogram(records, resolved, now),
    acceptance: acceptanceStats(records),
    weekly: weeklySends(records, resolved, now),
    cap: pendingAgainstCap(records, resolved, now),
    window: windowCheck(records, resolved),
    works: whatWorks(records, resolved, now),
  };
}

type Figures = ReturnType<typeof insightFigures>;

interface Status {
  text: string;
  error: boolean;
}

/** Switches the expiry window from the notice, and says in the status line whether that worked. */
function useWindowSwitch(): [Status | null, (change: Partial<Settings>) => Promise<void>] {
  const [status, setStatus] = useState<Status | null>(null);
  const switchWindow = async (change: Partial<Settings>) => {
    try {
      const saved = await saveSettings(change);
      setStatus({ text: t('insights_window_saved', windowText(saved)), error: false });
    } catch (cause) {
      setStatus({ text: t('insights_save_failed', problemText(cause)), error: true });
    }
  };
  return [status, switchWindow];
}

/** The page before there is anything to show: still loading, or the ledger could not be read. */
function InsightsPending({ ledger }: { ledger: LedgerState }) {
  return (
    <main class="insights">
      <h1>{t('insights_title')}</h1>
      {ledger.error ? (
        <LedgerUnavailable error={ledger.error} retry={() => void ledger.refresh()} />
      ) : (
        <p class="muted">{t('loading')}</p>
      )}
    </main>
  );
}

function EmptyLedger() {
  return (
    <section class="empty">
      <h2>{t('insights_empty_title')}</h2>
      <p>{t('insights_empty_body')}</p>
    </section>
  );
}

/** Everything the page shows about a ledger that has records in it. */
function InsightSections({
  figures,
  windowLabel,
  switchWindow,
}: {
  figures: Figures;
  windowLabel: string;
  switchWindow: (change: Partial<Settings>) => Promise<void>;
}) {
  return (
    <>
      <WindowCheckNotice
        check={figures.window}
        count={figures.counts.pastWindow}
        windowLabel={windowLabel}
        onSwitch={(s) => void switchWindow(s)}
      />
      <AgeSection histogram={figures.histogram} windowLabel={windowLabel} />
      <AcceptanceSection stats={figures.acceptance} />
      <WhatWorksSection works={figures.works} />
      <WeeklySection sends={figures.weekly} save={saveSettings} />
      <CapSection cap={figures.cap} save={saveSettings} />
    </>
  );
}

/** The Insights page: a picture of the outreach, from the ledger the worker keeps. */
export function Insights() {
  const ledger = useLedger();
  const [settings] = useSettings();
  const [status, switchWindow] = useWindowSwitch();
  const { snapshot, now } = ledger;
  const figures = useMemo(
    () => (snapshot && settings ? insightFigures(snapshot.records, settings, now) : null),
    [snapshot, settings, now],
  );

  if (!snapshot || !settings || !figures) return <InsightsPending ledger={ledger} />;

  return (
    <main class="insights">
      <h1>{t('insights_title')}</h1>
      <p class="hint">{t('insights_intro')}</p>
      <p>
        <a href="../options/index.html">{t('insights_options_link')}</a>
      </p>
      <div role="status" class={status?.error ? 'notice notice-danger' : 'saved'}>
        {status?.text}
      </div>
      {snapshot.records.length === 0 ? (
        <EmptyLedger />
      ) : (
        <InsightSections
          figures={figures}
          windowLabel={windowText(settings, figures.resolved)}
          switchWindow={switchWindow}
        />
      )}
    </main>
  );
}
