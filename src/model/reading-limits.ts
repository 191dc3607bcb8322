/**
 * The most invitations one reading may carry. In a module of its own so that the content script,
 * which reports a larger page as a failed reading, imports the number without the schemas.
 */
export const MAX_READ_INVITATIONS = 20_000;
