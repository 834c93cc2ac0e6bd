import { hrefInLanguage } from '../../../lib/config/site';
import type { TermIndexPageProps, TermKind } from '../../../lib/page-props/types';
import { PAGE_ROUTES } from '../../../lib/routes/table';
// The frame is imported before this page's components, so its stylesheet comes first: with
// that order Turbopack puts the frame's, post and list styles in one stylesheet that every
// page but /search/ shares (docs/performance.md, Stylesheets; build.test.ts checks it).
import { SiteFrame } from '../SiteFrame/SiteFrame';
import { TermList } from '../../TermList/TermList';

const WORDS: Record<TermKind, { heading: string; description: string; empty: string }> = {
  tags: { heading: 'Tags', description: 'Every tag, with its number of posts.', empty: 'No tags yet.' },
  categories: { heading: 'Categories', description: 'Every category, with its number of posts.', empty: 'No categories yet.' },
};

/** `/tags/` or `/categories/`: every term with its number of posts. */
export function TermIndexTemplate({ menu, language, kind, terms }: TermIndexPageProps) {
  const words = WORDS[kind];
  return (
    <SiteFrame menu={menu} language={language} title={words.heading} description={words.description} href={hrefInLanguage(language.lang, PAGE_ROUTES[kind].path())}>
      <h1>{words.heading}</h1>
      <TermList terms={terms} emptyText={words.empty} />
    </SiteFrame>
  );
}
