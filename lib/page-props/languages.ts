/**
 * A page's language and its links to the other languages (lib/page-props/types.ts
 * `PageLanguage`): the hreflang alternates in its head and the language switcher.
 */
import { hrefInLanguage, languageOf, site, uiTextOf } from '../config/site';
import type { ContentIndex, Post } from '../content/types';
import { PAGE_ROUTES } from '../routes/table';
import type { PageLanguage } from './types';

/**
 * The language of a page in `lang`, given its hrefs in each language that has it (by code): a
 * language that does not have it is linked at its home page.
 */
export function pageLanguage(lang: string, translations: ReadonlyMap<string, string>): PageLanguage {
  const { code, dir, dateLocale } = languageOf(lang);
  const links =
    site.languages.length < 2
      ? []
      : site.languages.map((language) => {
          const href = translations.get(language.code);
          return { lang: language.code, name: language.name, href: href ?? hrefInLanguage(language.code, PAGE_ROUTES.home.path()), translation: href !== undefined };
        });
  return { lang: code, dir, dateLocale, text: uiTextOf(code), links };
}

/** The language of a page that every language has at the same site path: home, the term indexes, the archive, search, 404. */
export const routePageLanguage = (lang: string, sitePath: string): PageLanguage =>
  pageLanguage(lang, new Map(site.languages.map((language) => [language.code, hrefInLanguage(language.code, sitePath)])));

const translationsByKey = new WeakMap<ContentIndex, Map<string, Post[]>>();

/** The language of a post's or page's page: its translations are the entries of `index` (every language) with its key. */
export function postPageLanguage(index: ContentIndex, post: Post): PageLanguage {
  let byKey = translationsByKey.get(index);
  if (!byKey) {
    byKey = new Map();
    for (const entry of [...index.posts, ...index.pages]) {
      const key = `${entry.template}/${entry.translationKey}`;
      byKey.set(key, [...(byKey.get(key) ?? []), entry]);
    }
    translationsByKey.set(index, byKey);
  }
  const translations = byKey.get(`${post.template}/${post.translationKey}`) ?? [post];
  return pageLanguage(post.lang, new Map(translations.map((entry) => [entry.lang, entry.url])));
}
