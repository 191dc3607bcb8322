import browser from 'webextension-polyfill';
import type { Settings } from '../model/settings';
import { t, tCount } from '../shared/i18n';
import { windowText } from '../shared/ui/format';

/**
 * LinkedIn still lists invitations that the window says have lapsed: the page is evidence, the
 * window a belief. One line and one action; the evidence itself is on the options page.
 */
export function PastWindowNotice({ count, settings }: { count: number; settings: Settings }) {
  return (
    <div class="past-window-notice" role="status">
      <p>
        {tCount('past_window_notice', count, [windowText(settings)])}{' '}
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('past_window_review')}
        </button>
      </p>
    </div>
  );
}
