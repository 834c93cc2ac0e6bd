import { absoluteUrl, hasAuthorPages, hrefInLanguage, site, withBasePath } from '../../../lib/config/site';
import type { PostPageProps } from '../../../lib/page-props/types';
import { PAGE_ROUTES } from '../../../lib/routes/table';
// The frame is imported before this page's components, so its stylesheet comes first: with
// that order Turbopack puts the frame's, post and list styles in one stylesheet that every
// page but /search/ shares (docs/performance.md, Stylesheets; build.test.ts checks it).
import { SiteFrame } from '../SiteFrame/SiteFrame';
import { AuthorBlock } from '../../AuthorBlock/AuthorBlock';
import { Byline } from '../../Byline/Byline';
import { Comments } from '../../Comments/Comments';
import { ContentErrorPanel } from '../../ContentErrorPanel/ContentErrorPanel';
import { EditLink } from '../../EditLink/EditLink';
import { MdxBody } from '../../MdxBody/MdxBody';
import { Post } from '../../Post/Post';
import { PostNav } from '../../PostNav/PostNav';
import { RelatedPosts } from '../../RelatedPosts/RelatedPosts';
import { SeriesNav } from '../../SeriesNav/SeriesNav';
import { TableOfContents } from '../../TableOfContents/TableOfContents';

/**
 * The page of one post or `template: "page"` page, or, in dev, of its error. A post has its
 * chrome around the body (contents, author, previous and next, related posts, comments); a page has none.
 */
export function PostTemplate(props: PostPageProps) {
  if ('error' in props) {
    return (
      <SiteFrame menu={props.menu} language={props.language} title="Error" description={props.error.message} href={hrefInLanguage(props.language.lang, PAGE_ROUTES.home.path())} inMenu={false}>
        <ContentErrorPanel error={props.error} />
      </SiteFrame>
    );
  }
  const { post, body, chrome, menu, language, socialImage, editUrl } = props;
  const series = chrome?.series ? { name: chrome.series.name, url: absoluteUrl(chrome.series.url) } : null;
  const authors = post.authors.map((author) => ({ name: author.name, url: absoluteUrl(author.url ?? withBasePath(PAGE_ROUTES.home.path())) }));
  const article = post.template === 'post' ? { published: post.date, modified: post.updated, tags: post.tags.map((tag) => tag.name), section: post.category?.name ?? null, authors, series } : undefined;
  return (
    <SiteFrame menu={menu} language={language} title={post.title} description={post.excerpt || site.description} href={post.url} socialImage={socialImage} article={article} originalUrl={post.canonical}>
      <Post
        post={post}
        locale={language.dateLocale}
        text={language.text}
        byline={chrome && hasAuthorPages && <Byline authors={post.authors} locale={language.dateLocale} text={language.text} />}
        beforeBody={chrome?.series && <SeriesNav series={chrome.series} text={language.text} />}
        contents={chrome && chrome.tableOfContents.length > 0 && <TableOfContents entries={chrome.tableOfContents} text={language.text} />}
        afterBody={
          // Outside the body, which feeds and search take as the post's text.
          <>
            {editUrl && <EditLink href={editUrl} what={post.template} text={language.text} />}
            {chrome && <AuthorBlock authors={chrome.authors} text={language.text} />}
          </>
        }
      >
        <MdxBody body={body} />
      </Post>
      {chrome && (
        <>
          <PostNav previous={chrome.previous} next={chrome.next} text={language.text} dir={language.dir} />
          <RelatedPosts posts={chrome.related} locale={language.dateLocale} text={language.text} />
          {chrome.comments && <Comments comments={chrome.comments} text={language.text} />}
        </>
      )}
    </SiteFrame>
  );
}
