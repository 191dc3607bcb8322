import { LANGUAGES, PHRASES } from '../phrases';
import { anyOf, WITHDRAW_CONTROL } from '../selectors';
import { nameReader } from '../words';

const WITHDRAW = anyOf(WITHDRAW_CONTROL);
const nameInLabel = nameReader(LANGUAGES.flatMap((language) => PHRASES[language].withdraw.label));

/** A card's own Withdraw control (Lapse never clicks it: it finds cards and names). */
export function isWithdrawControl(el: Element): boolean {
  return el.matches(WITHDRAW);
}

/** Every Withdraw control under `root`. */
export function withdrawControlsIn(root: ParentNode): Element[] {
  return [...root.querySelectorAll(WITHDRAW)];
}

/** The name in a Withdraw control's aria-label ("Withdraw invitation sent to <Name>"), or null. */
export function withdrawNameFrom(label: string | null): string | null {
  return label ? nameInLabel(label) : null;
}
