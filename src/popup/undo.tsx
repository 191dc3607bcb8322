import { createContext } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PageMessage } from '../model/messages';
import { t } from '../shared/i18n';

/** A change the user can take back: what it did, the message that undoes it, and whose row it is. */
export interface Undoable {
  /** "Follow-up to Amara logged." — shown and announced. */
  done: string;
  undo: PageMessage;
  /** Announced once the undo went through. */
  undone: string;
  /** The row's id: focus goes back to it when the change moved it. */
  id: string;
}

/** Sends a message and, once it went through, offers its undo. */
export type Perform = (message: PageMessage, undoable: Undoable) => void;

/** Given by the ledger screen; rows without it (tests of a bare list) just send the message. */
export const UndoContext = createContext<Perform | null>(null);

/**
 * The last undoable change. `act` sends a message and refreshes the ledger (true when it went
 * through). The offer stays until another change replaces it or the user dismisses it: no timer
 * takes it away before someone who reads slowly can use it.
 */
export function useUndo(act: (message: PageMessage) => Promise<boolean>) {
  const [offer, setOffer] = useState<Undoable | null>(null);
  const [said, setSaid] = useState('');
  const [focusRow, setFocusRow] = useState<string | null>(null);
  const perform: Perform = (message, undoable) =>
    void act(message).then((ok) => {
      if (!ok) return;
      setOffer(undoable);
      setSaid(undoable.done);
      setFocusRow(undoable.id);
    });
  const undo = () => {
    if (!offer) return;
    const taken = offer;
    setOffer(null);
    void act(taken.undo).then((ok) => {
      if (!ok) return;
      setSaid(taken.undone);
      setFocusRow(taken.id);
    });
  };
  const dismiss = () => {
    setOffer(null);
    setSaid('');
  };
  return { offer, said, perform, undo, dismiss, focusRow, focused: () => setFocusRow(null) };
}

/**
 * The undo notice under the list: its text is a polite live region (in the page from the start, so
 * screen readers hear each change), with Undo and Dismiss while there is something to undo. After
 * a change, focus that the change left on nothing goes back to the row, or to Undo when the row
 * left this list.
 */
export function UndoNotice({ state }: { state: ReturnType<typeof useUndo> }) {
  const undoButton = useRef<HTMLButtonElement>(null);
  const { offer, said, focusRow } = state;
  useEffect(() => {
    if (focusRow === null) return;
    state.focused();
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const row = document.querySelector<HTMLElement>(`li[data-id="${CSS.escape(focusRow)}"]`);
    (row ?? undoButton.current)?.focus();
  }, [focusRow]);
  return (
    <div class={offer || said ? 'undo-bar' : 'undo-bar empty'}>
      <p class="undo-text" aria-live="polite">
        {said}
      </p>
      {offer && (
        <>
          <button
            ref={undoButton}
            type="button"
            class="small"
            aria-label={t('followup_undo_label', offer.done)}
            onClick={state.undo}
          >
            {t('followup_undo')}
          </button>
          <button type="button" class="icon-button" aria-label={t('followup_dismiss')} onClick={state.dismiss}>
            <span aria-hidden="true">×</span>
          </button>
        </>
      )}
    </div>
  );
}
