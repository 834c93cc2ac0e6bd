import type { PostPageProps } from '../../lib/page-data';
import { absoluteUrl, site } from '../../lib/site';
import { ContentErrorPanel } from '../ContentErrorPanel/ContentErrorPanel';
import { Layout } from '../Layout/Layout';
import { MdxBody } from '../MdxBody/MdxBody';
import { Post } from '../Post/Post';
import { Seo } from '../Seo/Seo';

/** The page of one post or `template: "page"` page, or, in dev, of its error. */
export function PostPage(props: PostPageProps) {
  if ('error' in props) {
    return (
      <Layout site={site} menu={props.menu}>
        <Seo title="Error" siteTitle={site.title} description={props.error.message} canonicalUrl={absoluteUrl('/')} />
        <ContentErrorPanel error={props.error} />
      </Layout>
    );
  }
  const { post, body, menu } = props;
  return (
    <Layout site={site} menu={menu} currentPath={post.url}>
      <Seo title={post.title} siteTitle={site.title} description={post.excerpt || site.description} canonicalUrl={absoluteUrl(post.url)} />
      <Post post={post} locale={site.dateLocale}>
        <MdxBody body={body} siteUrl={site.url} />
      </Post>
    </Layout>
  );
}
