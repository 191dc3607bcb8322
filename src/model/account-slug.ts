import * as z from 'zod/mini';

/**
 * The signed-in member as a page names them: the canonical slug of their own `/in/<slug>/` link
 * (`invitationId`), with no path, query or space characters. A page can never claim one of the
 * store's own account keys (see account.ts): those start with "?" or are empty.
 */
export const AccountSlug = z.string().check(z.minLength(1), z.maxLength(200), z.regex(/^[^/?#%\\\s]+$/));
export type AccountSlug = z.infer<typeof AccountSlug>;
