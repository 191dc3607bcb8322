import { t } from '../i18n';
import { errorMessage, RemoteError } from '../reply';

/**
 * What went wrong, as a page shows it: the worker's silence in the user's language (the most
 * common failure: it is restarting after an update), else the error's own words.
 */
export function problemText(cause: unknown): string {
  return cause instanceof RemoteError && cause.silent ? t('worker_silent') : errorMessage(cause);
}
