import { render, screen, within } from '@testing-library/react';
import type { PostSummary } from '../../lib/content/types';
import { PostList } from './PostList';
import { category, postSummary, tag } from '../../__tests__/helpers/post-summary';

const summary = (fields: Partial<PostSummary> & Pick<PostSummary, 'slug' | 'title' | 'date'>): PostSummary => postSummary(fields);

// Newest first, as the content index hands them over.
const posts: PostSummary[] = [
  summary({ slug: 'writing-with-mdx', title: 'Writing with MDX', date: '2019-06-20', excerpt: 'A tour of the components.', category: category('Notes'), tags: ['mdx'].map(tag) }),
  summary({ slug: 'cache-layers', title: 'Cache layers', date: '2018-03-02', excerpt: 'Where to cache what.', category: category('Architecture') }),
  summary({ slug: 'reinvent-2017', title: 're:Invent 2017', date: '2017-12-15', excerpt: '', category: null }),
];

describe('PostList', () => {
  it('shows each post: its title as a link to its URL, its date, category and excerpt', () => {
    render(<PostList posts={posts} locale="en-GB" />);
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items).toHaveLength(3);

    const [mdx, cache, reinvent] = items;

    const mdxTitle = within(mdx).getByRole('heading', { level: 2, name: 'Writing with MDX' });
    expect(within(mdxTitle).getByRole('link', { name: 'Writing with MDX' })).toHaveAttribute('href', '/posts/writing-with-mdx/');
    expect(within(mdx).getByText('20 June 2019')).toHaveAttribute('dateTime', '2019-06-20');
    expect(within(mdx).getByText('Notes')).toBeInTheDocument();
    expect(within(mdx).getByText('A tour of the components.')).toHaveClass('excerpt');

    expect(within(cache).getByRole('link', { name: 'Cache layers' })).toHaveAttribute('href', '/posts/cache-layers/');
    expect(within(cache).getByText('2 March 2018')).toHaveAttribute('dateTime', '2018-03-02');
    expect(within(cache).getByText('Architecture')).toBeInTheDocument();
    expect(within(cache).getByText('Where to cache what.')).toBeInTheDocument();

    expect(within(reinvent).getByRole('link', { name: 're:Invent 2017' })).toHaveAttribute('href', '/posts/reinvent-2017/');
    expect(within(reinvent).getByText('15 December 2017')).toHaveAttribute('dateTime', '2017-12-15');
    // No excerpt, no empty paragraph; no category, no separator.
    expect(reinvent.querySelector('.excerpt')).toBeNull();
    expect(reinvent.querySelector('[aria-hidden="true"]')).toBeNull();
  });

  it('keeps the order it is given (newest first), as an ordered list', () => {
    render(<PostList posts={posts} locale="en-GB" />);
    const list = screen.getByRole('list');
    expect(list.tagName).toBe('OL');
    const titles = within(list).getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
    expect(titles).toEqual(['Writing with MDX', 'Cache layers', 're:Invent 2017']);

    // It does not sort: oldest-first input stays oldest first.
    const { container } = render(<PostList posts={[...posts].reverse()} locale="en-GB" />);
    const reversed = Array.from(container.querySelectorAll('h2')).map((heading) => heading.textContent);
    expect(reversed).toEqual(['re:Invent 2017', 'Cache layers', 'Writing with MDX']);
  });

  it('lists tags only on the post page, not in the list', () => {
    render(<PostList posts={posts} locale="en-GB" />);
    expect(screen.queryByText('#mdx')).toBeNull();
  });

  it('says there are no posts yet when there are none', () => {
    const { container } = render(<PostList posts={[]} locale="en-GB" />);
    expect(screen.getByText('No posts yet.')).toBeInTheDocument();
    expect(screen.queryByRole('list')).toBeNull();
    expect(container.querySelector('a')).toBeNull();
  });

  it('titles each post with a level-3 heading inside a section that has its own level-2 heading', () => {
    render(<PostList posts={posts} locale="en-GB" headingLevel={3} />);
    expect(screen.queryAllByRole('heading', { level: 2 })).toEqual([]);
    expect(screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual(['Writing with MDX', 'Cache layers', 're:Invent 2017']);
  });
});
