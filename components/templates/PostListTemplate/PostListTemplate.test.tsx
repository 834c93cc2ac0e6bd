import type { ReactNode } from 'react';
import { render, screen, within } from '@testing-library/react';
import type { PostListPageProps } from '../../../lib/page-props/types';
import { site } from '../../../lib/config/site';
import { PostListTemplate } from './PostListTemplate';
import { postSummary, tag } from '../../../__tests__/helpers/post-summary';
import { oneLanguagePage } from '../../../__tests__/helpers/page-language';

// next/head only collects its children for Next's document; render them in place instead.
jest.mock('next/head', () => ({ __esModule: true, default: ({ children }: { children: ReactNode }) => <>{children}</> }));

const menu = [
  { label: 'Posts', href: '/' },
  { label: 'Tags', href: '/tags/' },
];

const chinese = tag('中文');
const props: PostListPageProps = {
  menu,
  language: oneLanguagePage,
  heading: 'Posts tagged “中文”',
  title: 'Posts tagged “中文”, page 2 of 3',
  description: 'Every post tagged “中文”, newest first.',
  path: `${chinese.url}page/2/`,
  posts: [postSummary({ slug: 'one', title: 'One', date: '2020-02-02', tags: [chinese] }), postSummary({ slug: 'two', title: 'Two', date: '2020-01-01' })],
  pagination: { page: 2, pageCount: 3, previousUrl: chinese.url, nextUrl: `${chinese.url}page/3/` },
};

describe('PostListTemplate', () => {
  it('shows the heading as the one h1, the page of posts and the pagination, in the layout', () => {
    render(<PostListTemplate {...props} />);
    const main = screen.getByRole('main');
    expect(within(main).getAllByRole('heading', { level: 1 }).map((heading) => heading.textContent)).toEqual(['Posts tagged “中文”']);
    expect(within(main).getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual(['One', 'Two']);
    const pagination = within(main).getByRole('navigation', { name: 'Pagination' });
    expect(within(pagination).getByRole('link', { name: 'Newer posts' })).toHaveAttribute('href', '/tags/%E4%B8%AD%E6%96%87/');
    expect(within(pagination).getByRole('link', { name: 'Older posts' })).toHaveAttribute('href', '/tags/%E4%B8%AD%E6%96%87/page/3/');
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
  });

  it('titles the page and points the canonical URL and the head links at this page and its neighbours', () => {
    render(<PostListTemplate {...props} />);
    expect(document.title).toBe(`Posts tagged “中文”, page 2 of 3 | ${site.title}`);
    expect(document.querySelector('meta[name="description"]')).toHaveAttribute('content', 'Every post tagged “中文”, newest first.');
    expect(document.querySelector('link[rel="canonical"]')).toHaveAttribute('href', `${site.url}/tags/%E4%B8%AD%E6%96%87/page/2/`);
    expect(document.querySelector('link[rel="prev"]')).toHaveAttribute('href', `${site.url}/tags/%E4%B8%AD%E6%96%87/`);
    expect(document.querySelector('link[rel="next"]')).toHaveAttribute('href', `${site.url}/tags/%E4%B8%AD%E6%96%87/page/3/`);
  });

  it('on the home page: the site title alone, "Posts" marked current, and no pagination for one page', () => {
    render(<PostListTemplate {...props} heading="Latest posts" title={null} path="/" pagination={{ page: 1, pageCount: 1, previousUrl: null, nextUrl: null }} />);
    expect(document.title).toBe(site.title);
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Posts' })).toHaveAttribute('aria-current', 'page');
    expect(screen.queryByRole('navigation', { name: 'Pagination' })).toBeNull();
    expect(document.querySelector('link[rel="prev"], link[rel="next"]')).toBeNull();
  });
});
