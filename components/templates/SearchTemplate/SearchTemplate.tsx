// Imported before the site frame (and so before Layout), so that its stylesheet must load
// before the one every page shares: Turbopack then gives it a chunk of its own that only this
// page loads, instead of merging it into the shared one, which would make every other page
// heavier (the build test checks).
import { SearchForm } from '../../SearchForm/SearchForm';
import { fillIn } from '../../../lib/config/dictionaries';
import { hrefInLanguage, site, withBasePath } from '../../../lib/config/site';
import type { SiteProps } from '../../../lib/page-props/types';
import { PAGE_ROUTES, SEARCH_SCRIPT_PATH } from '../../../lib/routes/table';
import { SiteFrame } from '../SiteFrame/SiteFrame';

/** `/search/`: full-text search of the posts, the one page that loads search code. */
export function SearchTemplate({ menu, language }: SiteProps) {
  const searchUrl = hrefInLanguage(language.lang, PAGE_ROUTES.search.path());
  return (
    <SiteFrame menu={menu} language={language} title={language.text.search} description={fillIn(language.text.searchDescription, { site: site.title })} href={searchUrl}>
      <SearchForm searchUrl={searchUrl} archiveUrl={hrefInLanguage(language.lang, PAGE_ROUTES.archive.path())} scriptUrl={withBasePath(SEARCH_SCRIPT_PATH)} text={language.text} />
    </SiteFrame>
  );
}
