import type { PostListPageProps } from '../../../lib/page-props/types';
// The frame is imported before this page's components, so its stylesheet comes first: with
// that order Turbopack puts the frame's, post and list styles in one stylesheet that every
// page but /search/ shares (docs/performance.md, Stylesheets; build.test.ts checks it).
import { SiteFrame } from '../SiteFrame/SiteFrame';
import { AuthorProfile } from '../../AuthorProfile/AuthorProfile';
import { FeaturedPosts } from '../../FeaturedPosts/FeaturedPosts';
import { Pagination } from '../../Pagination/Pagination';
import { PostList } from '../../PostList/PostList';

/**
 * One page of a post list: the home page and its later pages, each tag's and category's
 * pages, each series' page, and each author's, with who they are. The home page's first page
 * opens with the featured posts.
 */
export function PostListTemplate({ menu, language, heading, title, description, path, feeds, posts, pagination, featured, author }: PostListPageProps) {
  return (
    <SiteFrame menu={menu} language={language} title={title} description={description} href={path} feeds={feeds}>
      <FeaturedPosts posts={featured} locale={language.dateLocale} text={language.text} />
      <h1>{heading}</h1>
      {author && <AuthorProfile author={{ ...author, url: null }} text={language.text} />}
      <PostList posts={posts} locale={language.dateLocale} text={language.text} />
      <Pagination pagination={pagination} text={language.text} dir={language.dir} />
    </SiteFrame>
  );
}
