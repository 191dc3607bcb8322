import { useState } from 'preact/hooks';
import { t, tCount } from '../shared/i18n';
import { sendToBackground } from '../shared/messaging';
import { problemText } from '../shared/ui/problem-text';
import { ConfirmStep } from './ConfirmStep';

/** Delete everything, only after a confirmation that says how many records will go. */
export function DangerZone({ recordCount, onDeleted }: { recordCount: number; onDeleted: () => void }) {
  const [result, setResult] = useState<string | null>(null);

  const remove = async () => {
    try {
      const { deleted } = await sendToBackground({ type: 'delete-all' });
      setResult(tCount('delete_done', deleted));
      onDeleted();
    } catch (cause) {
      setResult(t('delete_failed', problemText(cause)));
    }
  };

  return (
    <section class="danger-zone" aria-labelledby="danger-title">
      <h2 id="danger-title">{t('danger_title')}</h2>
      <ConfirmStep
        label={t('delete_all')}
        question={tCount('delete_confirm', recordCount)}
        confirmLabel={tCount('delete_confirm_button', recordCount)}
        onOpen={() => setResult(null)}
        onConfirm={remove}
      />
      {result && <p role="status">{result}</p>}
    </section>
  );
}
