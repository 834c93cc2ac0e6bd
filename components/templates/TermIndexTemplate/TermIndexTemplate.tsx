import { hrefInLanguage } from '../../../lib/config/site';
import type { DictionaryKey } from '../../../lib/config/dictionaries';
import type { PostGroupKind } from '../../../lib/content/types';
import type { TermIndexPageProps } from '../../../lib/page-props/types';
import { GROUP_INDEX_ROUTES } from '../../../lib/routes/table';
// The frame is imported before this page's components, so its stylesheet comes first: with
// that order Turbopack puts the frame's, post and list styles in one stylesheet that every
// page but /search/ shares (docs/performance.md, Stylesheets; build.test.ts checks it).
import { SiteFrame } from '../SiteFrame/SiteFrame';
import { TermList } from '../../TermList/TermList';

/** The dictionary's words for each index, and how it counts each entry's posts. */
const WORDS = {
  tags: { heading: 'tags', description: 'tagsDescription', empty: 'noTags', count: 'postCount' },
  categories: { heading: 'categories', description: 'categoriesDescription', empty: 'noCategories', count: 'postCount' },
  series: { heading: 'seriesIndex', description: 'seriesIndexDescription', empty: 'noSeries', count: 'partCount' },
} as const satisfies Record<PostGroupKind, Record<string, DictionaryKey>>;

/** `/tags/`, `/categories/` or `/series/`: every term (or series) with its number of posts (or parts). */
export function TermIndexTemplate({ menu, language, kind, terms }: TermIndexPageProps) {
  const { text } = language;
  const words = WORDS[kind];
  const heading = text[words.heading];
  return (
    <SiteFrame menu={menu} language={language} title={heading} description={text[words.description]} href={hrefInLanguage(language.lang, GROUP_INDEX_ROUTES[kind].path())}>
      <h1>{heading}</h1>
      <TermList terms={terms} emptyText={text[words.empty]} locale={language.dateLocale} text={text} countForms={text[words.count]} />
    </SiteFrame>
  );
}
