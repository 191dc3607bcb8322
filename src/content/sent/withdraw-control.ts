import { LANGUAGES, PHRASES } from '../phrases';
import { anyOf, WITHDRAW_CONTROL } from '../selectors';
import { aroundName } from '../words';

const WITHDRAW = anyOf(WITHDRAW_CONTROL);
const LABELS = LANGUAGES.flatMap((language) => PHRASES[language].withdraw.label).map(aroundName);

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
  if (!label) return null;
  for (const pattern of LABELS) {
    const name = pattern.exec(label.trim())?.[1]?.trim();
    if (name) return name;
  }
  return null;
}
