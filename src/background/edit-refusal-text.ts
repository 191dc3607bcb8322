import { MAX_FOLLOW_UPS } from '../model/invitation';
import { t } from '../shared/i18n';
import type { EditRefusal } from '../store/edit-refused';

/** Why a user's edit was refused, in the user's language (the popup shows it after "That did not work:"). */
export function editRefusalText(refusal: EditRefusal): string {
  switch (refusal) {
    case 'record-gone':
      return t('record_gone');
    case 'follow-up-in-future':
      return t('follow_up_in_future');
    case 'too-many-follow-ups':
      return t('too_many_follow_ups', MAX_FOLLOW_UPS);
    case 'snooze-in-past':
      return t('snooze_in_past');
  }
}
