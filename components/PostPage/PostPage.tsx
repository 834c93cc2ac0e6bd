import type { PostPageProps } from '../../lib/page-props/page-props';
import { absoluteUrl, site, siteFeeds, socialImageUrl, withBasePath } from '../../lib/config/site';
import { ContentErrorPanel } from '../ContentErrorPanel/ContentErrorPanel';
import { Layout } from '../Layout/Layout';
import { MdxBody } from '../MdxBody/MdxBody';
import { AuthorBlock } from '../AuthorBlock/AuthorBlock';
import { Comments } from '../Comments/Comments';
import { Post } from '../Post/Post';
import { PostNav } from '../PostNav/PostNav';
import { RelatedPosts } from '../RelatedPosts/RelatedPosts';
import { Seo } from '../Seo/Seo';
import { TableOfContents } from '../TableOfContents/TableOfContents';

/**
 * The page of one post or `template: "page"` page, or, in dev, of its error. A post has its
 * chrome around the body (contents, author, previous and next, related posts, comments); a page has none.
 */
export function PostPage(props: PostPageProps) {
  if ('error' in props) {
    return (
      <Layout site={site} menu={props.menu}>
        <Seo title="Error" siteTitle={site.title} description={props.error.message} canonicalUrl={absoluteUrl(withBasePath('/'))} imageUrl={socialImageUrl()} feeds={siteFeeds} />
        <ContentErrorPanel error={props.error} />
      </Layout>
    );
  }
  const { post, body, chrome, menu, socialImage } = props;
  return (
    <Layout site={site} menu={menu} currentPath={post.url}>
      <Seo
        title={post.title}
        siteTitle={site.title}
        description={post.excerpt || site.description}
        canonicalUrl={absoluteUrl(post.url)}
        imageUrl={absoluteUrl(withBasePath(socialImage.url))}
        imageSize={socialImage.width && socialImage.height ? { width: socialImage.width, height: socialImage.height } : undefined}
        feeds={siteFeeds}
        article={post.template === 'post' ? { published: post.date, modified: post.updated, tags: post.tags.map((tag) => tag.name), section: post.category?.name ?? null, authorName: site.author.name } : undefined}
      />
      <Post
        post={post}
        locale={site.dateLocale}
        beforeBody={chrome && <TableOfContents entries={chrome.tableOfContents} />}
        afterBody={chrome && <AuthorBlock author={site.author} />}
      >
        <MdxBody body={body} />
      </Post>
      {chrome && (
        <>
          <PostNav previous={chrome.previous} next={chrome.next} />
          <RelatedPosts posts={chrome.related} locale={site.dateLocale} />
          {chrome.comments && <Comments comments={chrome.comments} />}
        </>
      )}
    </Layout>
  );
}
