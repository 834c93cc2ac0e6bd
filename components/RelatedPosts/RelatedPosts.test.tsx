import { render, screen, within } from '@testing-library/react';
import { RelatedPosts } from './RelatedPosts';

const posts = [
  { title: 'Cache layers', url: '/posts/cache-layers/', date: '2018-03-02' },
  { title: 're:Invent 2017', url: '/posts/reinvent-2017/', date: '2017-12-15' },
];

describe('RelatedPosts', () => {
  it('is a section named by its heading, listing each post as a link with its date, in the order given', () => {
    render(<RelatedPosts posts={posts} locale="en-GB" />);
    const section = screen.getByRole('region', { name: 'Related posts' });
    expect(within(section).getByRole('heading', { level: 2 })).toHaveTextContent(/^Related posts$/);
    const items = within(section).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual(['Cache layers 2 March 2018', 're:Invent 2017 15 December 2017']);
    expect(within(items[0]).getByRole('link')).toHaveAttribute('href', '/posts/cache-layers/');
    expect(items[1].querySelector('time')).toHaveAttribute('dateTime', '2017-12-15');
  });

  it('renders nothing when there are none', () => {
    const { container } = render(<RelatedPosts posts={[]} locale="en-GB" />);
    expect(container).toBeEmptyDOMElement();
  });
});
