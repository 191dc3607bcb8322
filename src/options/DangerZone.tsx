import { useEffect, useRef, useState } from 'preact/hooks';
import { t, tCount } from '../shared/i18n';
import { sendToBackground } from '../shared/messaging';

/** Delete everything, only after a confirmation that says how many records will go. */
export function DangerZone({ recordCount, onDeleted }: { recordCount: number; onDeleted: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) cancelButton.current?.focus();
  }, [confirming]);

  const remove = async () => {
    try {
      const { deleted } = await sendToBackground({ type: 'delete-all' });
      setResult(tCount('delete_done', deleted));
      onDeleted();
    } catch (cause) {
      setResult(t('delete_failed', cause instanceof Error ? cause.message : String(cause)));
    } finally {
      setConfirming(false);
    }
  };

  return (
    <section class="danger-zone" aria-labelledby="danger-title">
      <h2 id="danger-title">{t('danger_title')}</h2>
      {confirming ? (
        <div role="alertdialog" aria-labelledby="danger-confirm" class="notice notice-danger">
          <p id="danger-confirm">{tCount('delete_confirm', recordCount)}</p>
          <div class="button-row">
            <button type="button" class="danger" onClick={() => void remove()}>
              {tCount('delete_confirm_button', recordCount)}
            </button>
            <button type="button" ref={cancelButton} onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          onClick={() => {
            setResult(null);
            setConfirming(true);
          }}
        >
          {t('delete_all')}
        </button>
      )}
      {result && <p role="status">{result}</p>}
    </section>
  );
}
