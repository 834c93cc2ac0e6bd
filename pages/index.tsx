import type { GetStaticProps } from 'next';
import { PostListTemplate } from '../components/templates/PostListTemplate/PostListTemplate';
import { getHomePageProps } from '../lib/page-props/lists';
import type { PostListPageProps } from '../lib/page-props/types';

// Plain HTML and CSS: no page ships client JavaScript.
export const config = { unstable_runtimeJS: false };

/** The first page of the latest posts; `/page/<n>/` has the rest. */
export const getStaticProps: GetStaticProps<PostListPageProps> = async () => ({ props: getHomePageProps() });

export default PostListTemplate;
