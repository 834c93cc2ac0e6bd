import { fillIn } from '../../../lib/config/dictionaries';
import { hrefInLanguage, site } from '../../../lib/config/site';
import type { ArchivePageProps } from '../../../lib/page-props/types';
import { PAGE_ROUTES } from '../../../lib/routes/table';
// Imported before the frame, unlike the other templates: with the frame first here, Turbopack
// merges the search form's styles into the shared stylesheet too (docs/performance.md,
// Stylesheets; build.test.ts checks the outcome).
import { Archive } from '../../Archive/Archive';
import { SiteFrame } from '../SiteFrame/SiteFrame';

/** `/archive/`: every post, by year. */
export function ArchiveTemplate({ menu, language, years }: ArchivePageProps) {
  return (
    <SiteFrame menu={menu} language={language} title={language.text.archive} description={fillIn(language.text.archiveDescription, { site: site.title })} href={hrefInLanguage(language.lang, PAGE_ROUTES.archive.path())}>
      <h1>{language.text.archive}</h1>
      <Archive years={years} locale={language.dateLocale} text={language.text} />
    </SiteFrame>
  );
}
