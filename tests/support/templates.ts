import en from '../../public/_locales/en/messages.json';
import type { SuggestionKind } from '../../src/model/settings';
import { defaultTemplates } from '../../src/shared/templates';

/** The default message templates as an English-speaking user gets them. */
export const englishTemplate: (kind: SuggestionKind) => string = defaultTemplates((key) => en[key].message);
