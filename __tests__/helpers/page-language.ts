import { dictionaryOf } from '../../lib/config/dictionaries';
import type { PageLanguage } from '../../lib/page-props/types';

/** The language of a page on a site of one language, English, as the page props give it. */
export const oneLanguagePage: PageLanguage = { lang: 'en', dir: null, dateLocale: 'en-GB', text: dictionaryOf('en', 'en'), links: [] };
