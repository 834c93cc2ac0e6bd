import { withBasePath } from '../../../lib/config/site';
import type { AuthorIndexPageProps } from '../../../lib/page-props/types';
import { PAGE_ROUTES } from '../../../lib/routes/table';
// The frame is imported before this page's components, so its stylesheet comes first: with
// that order Turbopack puts the frame's, post and list styles in one stylesheet that every
// page but /search/ shares (docs/performance.md, Stylesheets; build.test.ts checks it).
import { SiteFrame } from '../SiteFrame/SiteFrame';
import { AuthorProfile } from '../../AuthorProfile/AuthorProfile';
import styles from './AuthorIndexTemplate.module.css';

/** `/authors/`: every author of the site, each with a link to their page and their number of posts. */
export function AuthorIndexTemplate({ menu, language, authors }: AuthorIndexPageProps) {
  return (
    <SiteFrame menu={menu} language={language} title={language.text.authors} description={language.text.authorsDescription} href={withBasePath(PAGE_ROUTES.authors.path())}>
      <h1>{language.text.authors}</h1>
      <ul className={styles.list}>
        {authors.map(({ count, ...author }) => (
          <li key={author.id}>
            <AuthorProfile author={author} count={count} locale={language.dateLocale} text={language.text} />
          </li>
        ))}
      </ul>
    </SiteFrame>
  );
}
