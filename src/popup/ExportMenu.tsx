import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';

/** "Export CSV", then a choice: the list as shown (filter and search), or everything. */
export function ExportMenu({
  listCount,
  allCount,
  onExport,
}: {
  listCount: number;
  allCount: number;
  onExport: (what: 'list' | 'all') => void;
}) {
  const [choosing, setChoosing] = useState(false);
  if (!choosing) {
    return (
      <button type="button" class="small" aria-expanded={false} onClick={() => setChoosing(true)}>
        {t('export_csv')}
      </button>
    );
  }
  const pick = (what: 'list' | 'all') => {
    setChoosing(false);
    onExport(what);
  };
  return (
    <fieldset
      class="export-choice"
      onKeyDown={(event) => {
        if (event.key === 'Escape') setChoosing(false);
      }}
    >
      <legend>{t('export_csv')}</legend>
      <button type="button" class="small" onClick={() => pick('list')} disabled={listCount === 0}>
        {t('export_this_list', listCount)}
      </button>
      <button type="button" class="small" onClick={() => pick('all')}>
        {t('export_everything', allCount)}
      </button>
      <button type="button" class="small" onClick={() => setChoosing(false)}>
        {t('cancel')}
      </button>
    </fieldset>
  );
}
