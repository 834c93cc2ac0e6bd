import { hrefInLanguage } from '../../../lib/config/site';
import type { SiteProps } from '../../../lib/page-props/types';
import { PAGE_ROUTES } from '../../../lib/routes/table';
import { SiteFrame } from '../SiteFrame/SiteFrame';

/** The page a missing URL gets (`404.html` on static hosts). */
export function NotFoundTemplate({ menu, language }: SiteProps) {
  return (
    <SiteFrame menu={menu} language={language} title={language.text.notFound} description={language.text.notFoundDescription} href={hrefInLanguage(language.lang, PAGE_ROUTES.notFound.path())}>
      <h1>{language.text.notFound}</h1>
      <p>{language.text.notFoundText}</p>
      <p>
        <a href={hrefInLanguage(language.lang, PAGE_ROUTES.home.path())}>{language.text.notFoundLink}</a>
      </p>
    </SiteFrame>
  );
}
