import { t } from '../shared/i18n';

/** The end of every row form in the popup: its submit button (off while the input is invalid) and Cancel. */
export function SaveCancel({ label, disabled, onCancel }: { label: string; disabled: boolean; onCancel: () => void }) {
  return (
    <div class="button-row">
      <button type="submit" class="primary" disabled={disabled}>
        {label}
      </button>
      <button type="button" onClick={onCancel}>
        {t('cancel')}
      </button>
    </div>
  );
}
