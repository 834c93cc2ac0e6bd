import type { GetStaticProps } from 'next';
import { PostListPage } from '../components/PostListPage/PostListPage';
import { getHomePageProps, type PostListPageProps } from '../lib/page-props/page-props';

// Plain HTML and CSS: no page ships client JavaScript.
export const config = { unstable_runtimeJS: false };

/** The first page of the latest posts; `/page/<n>/` has the rest. */
export const getStaticProps: GetStaticProps<PostListPageProps> = async () => ({ props: getHomePageProps() });

export default PostListPage;
