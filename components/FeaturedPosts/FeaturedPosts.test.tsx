import { render, screen, within } from '@testing-library/react';
import { FeaturedPosts } from './FeaturedPosts';
import { postSummary } from '../../__tests__/helpers/post-summary';
import { dictionaryOf } from '../../lib/config/dictionaries';

const posts = [postSummary({ slug: 'writing-with-mdx', title: 'Writing with MDX', excerpt: 'A tour.' }), postSummary({ slug: 'cache-layers', title: 'Cache layers' })];

describe('FeaturedPosts', () => {
  it('is a region named by its "Featured" heading, with each post title a level-3 heading link', () => {
    render(<FeaturedPosts posts={posts} locale="en-GB" />);
    const region = screen.getByRole('region', { name: 'Featured' });
    expect(within(region).getByRole('heading', { level: 2 })).toHaveTextContent(/^Featured$/);
    const titles = within(region).getAllByRole('heading', { level: 3 });
    expect(titles.map((title) => [title.textContent, title.querySelector('a')?.getAttribute('href')])).toEqual([
      ['Writing with MDX', '/posts/writing-with-mdx/'],
      ['Cache layers', '/posts/cache-layers/'],
    ]);
    expect(within(region).getByText('A tour.')).toBeInTheDocument();
  });

  it('renders nothing without featured posts', () => {
    const { container } = render(<FeaturedPosts posts={[]} locale="en-GB" />);
    expect(container).toBeEmptyDOMElement();
  });

  it("is headed in the page's language", () => {
    const { unmount } = render(<FeaturedPosts posts={posts} locale="fr-FR" text={dictionaryOf('fr', 'en')} />);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(/^À la une$/);
    unmount();
    render(<FeaturedPosts posts={posts} locale="ar-EG" text={dictionaryOf('ar', 'en')} />);
    expect(screen.getByRole('region', { name: 'مقالات مميزة' })).toBeInTheDocument();
  });
});
