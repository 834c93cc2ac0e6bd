import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../scripts/build-site';

/**
 * The three-language fixture site (__tests__/fixtures/i18n/): English, the default, at the
 * root; French under /fr/ and Arabic, right to left, under /ar/. Its posts are translated by
 * file name (`hello.md` in each folder) and by `translationKey`; one is in English only.
 */
export const I18N_POSTS = path.join(projectRoot, '__tests__', 'fixtures', 'i18n', 'posts');

export const I18N_LANGUAGES = [
  { code: 'en', name: 'English', dir: 'ltr', dateLocale: 'en-GB', default: true },
  { code: 'fr', name: 'Français', dir: 'ltr', dateLocale: 'fr-FR' },
  { code: 'ar', name: 'العربية', dir: 'rtl', dateLocale: 'ar-EG' },
];

/** Gives the site copy `siteDir` (scripts/build-site.ts `makeSiteCopy`) the fixture's languages in place of its one `language`. */
export function giveI18nSettings(siteDir: string): void {
  const settingsFile = path.join(siteDir, 'lib', 'config', 'settings.ts');
  const settings = fs.readFileSync(settingsFile, 'utf8');
  const oneLanguage = "  language: 'en',\n  dateLocale: 'en-GB',\n";
  if (!settings.includes(oneLanguage)) throw new Error(`${settingsFile} no longer sets language and dateLocale as the fixture expects`);
  fs.writeFileSync(settingsFile, settings.replace(oneLanguage, `  languages: ${JSON.stringify(I18N_LANGUAGES)},\n`));
}
