import type { ReactNode } from 'react';
import { render, screen, within } from '@testing-library/react';
import type { PostListPageProps } from '../../../lib/page-props/types';
import { site, siteFeeds, termFeeds } from '../../../lib/config/site';
import { PAGE_ROUTES } from '../../../lib/routes/table';
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
  feeds: termFeeds(PAGE_ROUTES.tag.path('中文'), `Posts tagged “中文” | ${site.title}`),
  posts: [postSummary({ slug: 'one', title: 'One', date: '2020-02-02', tags: [chinese] }), postSummary({ slug: 'two', title: 'Two', date: '2020-01-01' })],
  pagination: { page: 2, pageCount: 3, previousUrl: chinese.url, nextUrl: `${chinese.url}page/3/` },
  featured: [],
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

  it('on an author\'s page: who they are under the heading, their name not a link to the page itself', () => {
    const author = { id: 'ada', name: 'Ada Reviewer', bio: 'Reviews designs.', url: '/authors/ada/', avatar: null, links: [{ label: 'Mastodon', href: 'https://mastodon.social/@ada' }] };
    render(<PostListTemplate {...props} heading="Posts by Ada Reviewer" title="Posts by Ada Reviewer" path="/authors/ada/" author={author} />);
    const main = screen.getByRole('main');
    const h1 = within(main).getByRole('heading', { level: 1 });
    const bio = within(main).getByText('Reviews designs.');
    expect(h1.compareDocumentPosition(bio) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(main).getByText('Ada Reviewer')).toHaveClass('name');
    expect(within(main).queryByRole('link', { name: 'Ada Reviewer' })).toBeNull();
    expect(within(main).getByRole('link', { name: 'Mastodon' })).toHaveAttribute('href', 'https://mastodon.social/@ada');
  });

  it('titles the page and points the canonical URL and the head links at this page and its neighbours', () => {
    render(<PostListTemplate {...props} />);
    expect(document.title).toBe(`Posts tagged “中文”, page 2 of 3 | ${site.title}`);
    expect(document.querySelector('meta[name="description"]')).toHaveAttribute('content', 'Every post tagged “中文”, newest first.');
    expect(document.querySelector('link[rel="canonical"]')).toHaveAttribute('href', `${site.url}/tags/%E4%B8%AD%E6%96%87/page/2/`);
    expect(document.querySelector('link[rel="prev"]')).toHaveAttribute('href', `${site.url}/tags/%E4%B8%AD%E6%96%87/`);
    expect(document.querySelector('link[rel="next"]')).toHaveAttribute('href', `${site.url}/tags/%E4%B8%AD%E6%96%87/page/3/`);
  });

  it('links the site\'s feeds, then the list\'s own, each titled with its feed\'s title and format', () => {
    render(<PostListTemplate {...props} />);
    const links = [...document.querySelectorAll('link[rel="alternate"]')].map((link) => [link.getAttribute('type'), link.getAttribute('href'), link.getAttribute('title')]);
    expect(links).toEqual([
      ['application/rss+xml', '/rss.xml', `${site.title} (RSS)`],
      ['application/atom+xml', '/atom.xml', `${site.title} (Atom)`],
      ['application/feed+json', '/feed.json', `${site.title} (JSON Feed)`],
      ['application/rss+xml', '/feeds/tags/%E4%B8%AD%E6%96%87/rss.xml', `Posts tagged “中文” | ${site.title} (RSS)`],
      ['application/atom+xml', '/feeds/tags/%E4%B8%AD%E6%96%87/atom.xml', `Posts tagged “中文” | ${site.title} (Atom)`],
      ['application/feed+json', '/feeds/tags/%E4%B8%AD%E6%96%87/feed.json', `Posts tagged “中文” | ${site.title} (JSON Feed)`],
    ]);
  });

  it('on the home page: the site title alone, "Posts" marked current, and no pagination for one page', () => {
    render(<PostListTemplate {...props} heading="Latest posts" title={null} path="/" feeds={[]} pagination={{ page: 1, pageCount: 1, previousUrl: null, nextUrl: null }} />);
    expect(document.title).toBe(site.title);
    expect([...document.querySelectorAll('link[rel="alternate"]')].map((link) => link.getAttribute('href'))).toEqual(siteFeeds.map((feed) => feed.href));
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Posts' })).toHaveAttribute('aria-current', 'page');
    expect(screen.queryByRole('navigation', { name: 'Pagination' })).toBeNull();
    expect(document.querySelector('link[rel="prev"], link[rel="next"]')).toBeNull();
  });

  it('opens the page with the featured posts, in a section of their own above the h1, when there are some', () => {
    const featured = [postSummary({ slug: 'writing-with-mdx', title: 'Writing with MDX' })];
    render(<PostListTemplate {...props} heading="Latest posts" title={null} path="/" featured={featured} />);
    const main = screen.getByRole('main');
    const region = within(main).getByRole('region', { name: 'Featured' });
    expect(within(region).getByRole('link', { name: 'Writing with MDX' })).toHaveAttribute('href', '/posts/writing-with-mdx/');
    expect(region.compareDocumentPosition(within(main).getByRole('heading', { level: 1 })) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(main).getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual(['Featured', 'One', 'Two']);
  });

  it('has no featured section without featured posts', () => {
    render(<PostListTemplate {...props} />);
    expect(screen.queryByRole('region', { name: 'Featured' })).toBeNull();
  });
});
