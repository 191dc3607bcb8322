import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';

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
  const opener = useRef<HTMLButtonElement>(null);
  // Set when the question closes without acting, so focus goes back to the button.
  const returnFocus = useRef(false);
  useEffect(() => {
    if (confirming) cancelButton.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      opener.current?.focus();
    }
  }, [confirming]);
  const cancel = () => {
    returnFocus.current = true;
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
