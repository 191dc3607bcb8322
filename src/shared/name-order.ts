import type { InvitationRecord } from '../model/invitation';

// The same order as String#localeCompare, at a fraction of the cost over thousands of names.
const compareNames = new Intl.Collator().compare;

/** The lists' last tie-breaks: by name, then by id, so no order depends on reading order. */
export function byNameThenId(
  a: Pick<InvitationRecord, 'name' | 'id'>,
  b: Pick<InvitationRecord, 'name' | 'id'>,
): number {
  return compareNames(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
