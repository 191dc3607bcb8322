import type { RefObject } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';

export interface MenuItem {
  id: string;
  label: string;
  run: () => void;
}

/** Where each key moves focus in the menu, from the item at `at` of `count` (wrapping around). */
const MOVES: Record<string, (at: number, count: number) => number> = {
  ArrowDown: (at) => at + 1,
  ArrowUp: (at) => at - 1,
  Home: () => 0,
  End: (_, count) => count - 1,
};

/** Moves focus to the item a key in MOVES points at; other keys are left alone. */
function moveFocus(event: KeyboardEvent, buttons: HTMLButtonElement[]) {
  const to = MOVES[event.key]?.(buttons.indexOf(document.activeElement as HTMLButtonElement), buttons.length);
  if (to === undefined) return;
  event.preventDefault();
  buttons[(to + buttons.length) % buttons.length]?.focus();
}

/** Whether the menu is open, and where focus goes as it opens, moves and closes (see RowMenu). */
function useMenu(buttonRef: RefObject<HTMLButtonElement> | undefined) {
  const [open, setOpen] = useState(false);
  const own = useRef<HTMLButtonElement>(null);
  const button = buttonRef ?? own;
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const itemButtons = () => Array.from(menu.current?.querySelectorAll<HTMLButtonElement>('button') ?? []);
  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    itemButtons()[0]?.focus();
    const onPointer = (event: MouseEvent) => {
      const target = event.target as Node | null;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('mousedown', onPointer);
    return () => document.removeEventListener('mousedown', onPointer);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Tab') return setOpen(false);
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      return close(true);
    }
    moveFocus(event, itemButtons());
  };
  return { open, setOpen, button, menu, menuId, close, onKeyDown };
}

/**
 * A row's "More actions" menu: a real button that opens a list of real buttons. Arrow keys move,
 * Home/End jump, Escape (or Tab, or a click elsewhere) closes it and focus returns to the button.
 */
export function RowMenu({
  label,
  items,
  tabIndex = 0,
  buttonRef,
}: {
  label: string;
  items: readonly MenuItem[];
  tabIndex?: number;
  /** The menu's button, for callers that return focus to it (the row's forms). */
  buttonRef?: RefObject<HTMLButtonElement>;
}) {
  const { open, setOpen, button, menu, menuId, close, onKeyDown } = useMenu(buttonRef);

  return (
    <div class="menu">
      <button
        ref={button}
        type="button"
        class="icon-button"
        tabIndex={tabIndex}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open && (
        <div ref={menu} id={menuId} role="menu" aria-label={label} class="menu-list" onKeyDown={onKeyDown}>
          {items.map((item) => (
            <button
              key={item.id}
              type="button"
              role="menuitem"
              onClick={() => {
                close(true);
                item.run();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
