import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../scripts/build-site';

/**
 * The three-language fixture site (__tests__/fixtures/i18n/): English, the default, at the
 * root; French under /fr/ and Arabic, right to left, under /ar/. Its posts are translated by
 * file name (`hello.md` in each folder) and by `translationKey`; one is in English only, one in
 * Arabic only. French and Arabic each have a series and a featured post.
 */
export const I18N_POSTS = path.join(projectRoot, '__tests__', 'fixtures', 'i18n', 'posts');

export const I18N_LANGUAGES = [
  { code: 'en', name: 'English', dir: 'ltr', dateLocale: 'en-GB', default: true },
  { code: 'fr', name: 'Français', dir: 'ltr', dateLocale: 'fr-FR' },
  { code: 'ar', name: 'العربية', dir: 'rtl', dateLocale: 'ar-EG' },
];

/** The menu labels the fixture gives per language, by the English label of the sample settings' entry. */
export const I18N_MENU_LABELS: Record<string, Record<string, string>> = {
  Posts: { en: 'Posts', fr: 'Articles', ar: 'المقالات' },
  Tags: { en: 'Tags', fr: 'Étiquettes', ar: 'الوسوم' },
  Archive: { en: 'Archive', fr: 'Archives', ar: 'الأرشيف' },
  Search: { en: 'Search', fr: 'Recherche', ar: 'بحث' },
};

/**
 * Gives the site copy `siteDir` (scripts/build-site.ts `makeSiteCopy`) the fixture's languages
 * in place of its one `language`, and its menu's labels in each language.
 */
export function giveI18nSettings(siteDir: string): void {
  const settingsFile = path.join(siteDir, 'lib', 'config', 'settings.ts');
  let settings = fs.readFileSync(settingsFile, 'utf8');
  const oneLanguage = "  language: 'en',\n  dateLocale: 'en-GB',\n";
  if (!settings.includes(oneLanguage)) throw new Error(`${settingsFile} no longer sets language and dateLocale as the fixture expects`);
  for (const [label, labels] of Object.entries(I18N_MENU_LABELS)) {
    const entry = `{ label: '${label}', href:`;
    if (!settings.includes(entry)) throw new Error(`${settingsFile} no longer has the menu entry "${label}" the fixture labels per language`);
    settings = settings.replace(entry, `{ label: ${JSON.stringify(labels)}, href:`);
  }
  fs.writeFileSync(settingsFile, settings.replace(oneLanguage, `  languages: ${JSON.stringify(I18N_LANGUAGES)},\n`));
}
