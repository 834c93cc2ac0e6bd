import type { PostListPageProps } from '../../../lib/page-props/types';
// The frame is imported before this page's components, so its stylesheet comes first: with
// that order Turbopack puts the frame's, post and list styles in one stylesheet that every
// page but /search/ shares (docs/performance.md, Stylesheets; build.test.ts checks it).
import { SiteFrame } from '../SiteFrame/SiteFrame';
import { Pagination } from '../../Pagination/Pagination';
import { PostList } from '../../PostList/PostList';

/** One page of a post list: the home page and its later pages, and each tag's and category's pages. */
export function PostListTemplate({ menu, language, heading, title, description, path, posts, pagination }: PostListPageProps) {
  return (
    <SiteFrame menu={menu} language={language} title={title} description={description} href={path}>
      <h1>{heading}</h1>
      <PostList posts={posts} locale={language.dateLocale} text={language.text} />
      <Pagination pagination={pagination} text={language.text} />
    </SiteFrame>
  );
}
