/**
 * Why the store refused a user's edit. None is a bug (the record was deleted in another window, a
 * date went by while a form was open), so the worker says each in the user's language.
 */
export type EditRefusal = 'record-gone' | 'follow-up-in-future' | 'too-many-follow-ups' | 'snooze-in-past';

/** A user's edit the store refused, changing nothing; the message is for logs. */
export class EditRefused extends Error {
  override name = 'EditRefused';
  constructor(
    readonly refusal: EditRefusal,
    message: string,
  ) {
    super(message);
  }
}
