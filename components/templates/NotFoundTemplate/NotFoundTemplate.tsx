import { hrefInLanguage } from '../../../lib/config/site';
import type { SiteProps } from '../../../lib/page-props/types';
import { PAGE_ROUTES } from '../../../lib/routes/table';
import { SiteFrame } from '../SiteFrame/SiteFrame';

/** The page a missing URL gets (`404.html` on static hosts). */
export function NotFoundTemplate({ menu, language }: SiteProps) {
  return (
    <SiteFrame menu={menu} language={language} title="Page not found" description="There is no page at this address." href={hrefInLanguage(language.lang, PAGE_ROUTES.notFound.path())}>
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
      <p>
        <a href={hrefInLanguage(language.lang, PAGE_ROUTES.home.path())}>Go to the latest posts</a>
      </p>
    </SiteFrame>
  );
}
