import { useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { useFocusReturn } from '../shared/ui/use-focus-return';

/**
 * "Export CSV", then a choice: the list as shown (tab and search), or everything. Focus moves into
 * the choice when it opens and back to "Export CSV" when it closes (picked, cancelled, Escape).
 */
export function ExportMenu({
  listCount,
  allCount,
  onExport,
}: {
  /** Null when the list's rows are not counted (a search of "Resolved"). */
  listCount: number | null;
  allCount: number;
  onExport: (what: 'list' | 'all') => void;
}) {
  const [choosing, setChoosing] = useState(false);
  const choice = useRef<HTMLFieldSetElement>(null);
  const { opener, closeByUser } = useFocusReturn(choosing, () =>
    choice.current?.querySelector<HTMLButtonElement>('button:not(:disabled)'),
  );
  const close = () => {
    closeByUser();
    setChoosing(false);
  };
  if (!choosing) {
    return (
      <button ref={opener} type="button" class="small" aria-expanded={false} onClick={() => setChoosing(true)}>
        {t('export_csv')}
      </button>
    );
  }
  const pick = (what: 'list' | 'all') => {
    close();
    onExport(what);
  };
  return (
    <fieldset
      ref={choice}
      class="export-choice"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          close();
        }
      }}
    >
      <legend>{t('export_csv')}</legend>
      <button type="button" class="small" onClick={() => pick('list')} disabled={listCount === 0}>
        {listCount === null ? t('export_this_list_search') : t('export_this_list', listCount)}
      </button>
      <button type="button" class="small" onClick={() => pick('all')}>
        {t('export_everything', allCount)}
      </button>
      <button type="button" class="small" onClick={close}>
        {t('cancel')}
      </button>
    </fieldset>
  );
}
