import { useRef, useState } from 'preact/hooks';
import type { PageMessage } from '../model/messages';
import type { Settings } from '../model/settings';
import { type MessageKey, t } from '../shared/i18n';
import { InvitationRow } from './InvitationRow';
import { type Row, type RowGroup, rowGroup } from './view';

const GROUP_TITLE: Record<RowGroup, MessageKey> = {
  act: 'group_act',
  waiting: 'group_waiting',
  'past-window': 'group_past_window',
  snoozed: 'snooze_group',
};

const NEXT_KEYS: Record<string, (at: number, last: number) => number> = {
  ArrowDown: (at, last) => Math.min(at + 1, last),
  ArrowUp: (at) => Math.max(at - 1, 0),
  Home: () => 0,
  End: (_, last) => last,
};

/**
 * The rows of one list, under headings that say what to do (pending rows only), as one Tab stop:
 * the active row and its controls are tabbable, the arrow keys (and Home/End) move between rows.
 */
export function RowList({
  rows,
  templates,
  label,
  grouped,
  now,
  onAct,
}: {
  rows: readonly Row[];
  templates: Settings['templates'];
  label: string;
  grouped: boolean;
  now: number;
  onAct: (message: PageMessage) => void;
}) {
  const [active, setActive] = useState<string | null>(null);
  const list = useRef<HTMLDivElement>(null);
  // The row last moved to or focused, while it is still listed; else the first.
  const activeId = rows.some((row) => row.record.id === active) ? active : (rows[0]?.record.id ?? null);

  const onKeyDown = (event: KeyboardEvent) => {
    const next = NEXT_KEYS[event.key];
    // Only from a row itself: inside a menu or the note editor the keys are theirs.
    if (!next || !(event.target instanceof HTMLLIElement)) return;
    event.preventDefault();
    const at = rows.findIndex((row) => row.record.id === activeId);
    const to = rows[next(at, rows.length - 1)]!.record.id;
    setActive(to);
    list.current?.querySelector<HTMLElement>(`li[data-id="${CSS.escape(to)}"]`)?.focus();
  };

  const item = (row: Row) => (
    <InvitationRow
      key={row.record.id}
      row={row}
      templates={templates}
      tabbable={row.record.id === activeId}
      now={now}
      onAct={onAct}
      onKeyDown={onKeyDown}
      onFocusIn={() => row.record.id !== activeId && setActive(row.record.id)}
    />
  );
  return (
    <div ref={list} class="row-list">
      {grouped ? (
        runsByGroup(rows).map(({ group, rows: run }) => (
          <section key={group} class={`group group-${group}`} aria-labelledby={`group-${group}`}>
            <h2 id={`group-${group}`} class="group-heading">
              {t(GROUP_TITLE[group])} <span class="count">{run.length}</span>
            </h2>
            <ul class="rows">{run.map(item)}</ul>
          </section>
        ))
      ) : (
        <ul class="rows" aria-label={label}>
          {rows.map(item)}
        </ul>
      )}
    </div>
  );
}

/** Consecutive rows of one group (the list's order keeps each group together). */
function runsByGroup(rows: readonly Row[]): { group: RowGroup; rows: Row[] }[] {
  const runs: { group: RowGroup; rows: Row[] }[] = [];
  for (const row of rows) {
    const group = rowGroup(row.assessment) ?? 'waiting';
    const last = runs.at(-1);
    if (last?.group === group) last.rows.push(row);
    else runs.push({ group, rows: [row] });
  }
  return runs;
}
