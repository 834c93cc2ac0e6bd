import { hrefInLanguage } from '../../../lib/config/site';
import type { DictionaryKey } from '../../../lib/config/dictionaries';
import type { TermIndexPageProps, TermKind } from '../../../lib/page-props/types';
import { PAGE_ROUTES } from '../../../lib/routes/table';
// The frame is imported before this page's components, so its stylesheet comes first: with
// that order Turbopack puts the frame's, post and list styles in one stylesheet that every
// page but /search/ shares (docs/performance.md, Stylesheets; build.test.ts checks it).
import { SiteFrame } from '../SiteFrame/SiteFrame';
import { TermList } from '../../TermList/TermList';

/** The dictionary's words for each index. */
const WORDS = {
  tags: { heading: 'tags', description: 'tagsDescription', empty: 'noTags' },
  categories: { heading: 'categories', description: 'categoriesDescription', empty: 'noCategories' },
} as const satisfies Record<TermKind, Record<string, DictionaryKey>>;

/** `/tags/` or `/categories/`: every term with its number of posts. */
export function TermIndexTemplate({ menu, language, kind, terms }: TermIndexPageProps) {
  const { text } = language;
  const words = { heading: text[WORDS[kind].heading], description: text[WORDS[kind].description], empty: text[WORDS[kind].empty] };
  return (
    <SiteFrame menu={menu} language={language} title={words.heading} description={words.description} href={hrefInLanguage(language.lang, PAGE_ROUTES[kind].path())}>
      <h1>{words.heading}</h1>
      <TermList terms={terms} emptyText={words.empty} locale={language.dateLocale} text={text} />
    </SiteFrame>
  );
}
