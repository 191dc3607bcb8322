import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { useFocusReturn } from '../shared/ui/use-focus-return';

/**
 * A button that asks before it acts: the question replaces it, with the safe choice focused;
 * Escape or Cancel puts the button back and focus on it.
 */
export function ConfirmStep({
  label,
  question,
  confirmLabel,
  onConfirm,
  onOpen,
}: {
  label: string;
  question: ComponentChildren;
  confirmLabel: string;
  onConfirm: () => void | Promise<void>;
  onOpen?: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const { opener, closeByUser } = useFocusReturn(confirming, () => cancelButton.current);
  const cancel = () => {
    closeByUser();
    setConfirming(false);
  };

  if (!confirming) {
    return (
      <button
        ref={opener}
        type="button"
        onClick={() => {
          onOpen?.();
          setConfirming(true);
        }}
      >
        {label}
      </button>
    );
  }
  return (
    <div
      role="alertdialog"
      aria-modal="false"
      aria-label={label}
      class="notice notice-danger"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          cancel();
        }
      }}
    >
      <p>{question}</p>
      <div class="button-row">
        <button
          type="button"
          class="danger"
          onClick={async () => {
            setConfirming(false);
            await onConfirm();
          }}
        >
          {confirmLabel}
        </button>
        <button type="button" ref={cancelButton} onClick={cancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
