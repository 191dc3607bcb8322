import { useEffect, useRef } from 'preact/hooks';

/**
 * Focus for a control that opens in place of its button (a choice, a question): into it when it
 * opens, and back to the button when the user closes it, never left on the page. `closeByUser`
 * is called just before closing; `opener` goes on the button.
 */
export function useFocusReturn(open: boolean, focusInside: () => HTMLElement | null | undefined) {
  const opener = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (open) focusInside()?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      opener.current?.focus();
    }
  }, [open]);
  return {
    opener,
    closeByUser: () => {
      returnFocus.current = true;
    },
  };
}
