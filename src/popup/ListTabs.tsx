import { useRef } from 'preact/hooks';
import { type MessageKey, t } from '../shared/i18n';
import { LIST_FILTERS, type ListFilter } from './view';

const FILTER_LABEL: Record<ListFilter, MessageKey> = {
  nearing: 'filter_nearing',
  pending: 'filter_pending',
  expired: 'filter_expired',
  resolved: 'filter_resolved',
};

export const tabId = (filter: ListFilter) => `tab-${filter}`;
export const PANEL_ID = 'list-panel';
export const filterLabel = (filter: ListFilter) => t(FILTER_LABEL[filter]);

/**
 * The lists as WAI-ARIA tabs: one Tab stop (the selected tab), arrow keys and Home/End move
 * between tabs and select them (automatic activation: switching a list is cheap and undoable).
 */
export function ListTabs({
  selected,
  counts,
  onSelect,
}: {
  selected: ListFilter;
  /** Null until the whole ledger is read. */
  counts: Record<ListFilter, number> | null;
  onSelect: (filter: ListFilter) => void;
}) {
  const list = useRef<HTMLDivElement>(null);
  const move = (to: number) => {
    const filter = LIST_FILTERS[(to + LIST_FILTERS.length) % LIST_FILTERS.length]!;
    onSelect(filter);
    list.current?.querySelector<HTMLElement>(`#${tabId(filter)}`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const at = LIST_FILTERS.indexOf(selected);
    const to =
      event.key === 'ArrowRight'
        ? at + 1
        : event.key === 'ArrowLeft'
          ? at - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? LIST_FILTERS.length - 1
              : null;
    if (to === null) return;
    event.preventDefault();
    move(to);
  };
  return (
    <div ref={list} class="filters" role="tablist" aria-label={t('tabs_label')} onKeyDown={onKeyDown}>
      {LIST_FILTERS.map((filter) => (
        <button
          key={filter}
          id={tabId(filter)}
          type="button"
          role="tab"
          aria-selected={filter === selected}
          aria-controls={PANEL_ID}
          tabIndex={filter === selected ? 0 : -1}
          class={filter === selected ? 'filter active' : 'filter'}
          onClick={() => onSelect(filter)}
        >
          {filterLabel(filter)}
          {counts && <span class="count">{counts[filter]}</span>}
        </button>
      ))}
    </div>
  );
}
