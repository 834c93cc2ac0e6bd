import { render, screen, within } from '@testing-library/react';
import { Archive } from './Archive';

const years = [
  {
    year: '2019',
    posts: [
      { title: 'Writing with MDX', url: '/posts/writing-with-mdx/', date: '2019-06-20' },
      { title: 'New year', url: '/posts/new-year/', date: '2019-01-01' },
    ],
  },
  { year: '2017', posts: [{ title: 're:Invent 2017', url: '/posts/reinvent-2017/', date: '2017-12-15' }] },
];

describe('Archive', () => {
  it('shows each year as a heading over its posts, in the order given', () => {
    render(<Archive years={years} locale="en-GB" />);
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual(['2019', '2017']);
    const lists = screen.getAllByRole('list');
    expect(lists).toHaveLength(2);
    expect(lists[0].tagName).toBe('OL');
    expect(within(lists[0]).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Writing with MDX', '/posts/writing-with-mdx/'],
      ['New year', '/posts/new-year/'],
    ]);
    expect(within(lists[1]).getAllByRole('link').map((link) => link.textContent)).toEqual(['re:Invent 2017']);
  });

  it('keeps each entry to its date and its title link', () => {
    render(<Archive years={years} locale="en-GB" />);
    const [entry] = within(screen.getAllByRole('list')[0]).getAllByRole('listitem');
    expect(Array.from(entry.children).map((child) => child.tagName)).toEqual(['TIME', 'A']);
    expect(entry.attributes).toHaveLength(0);
    expect(entry.querySelector('time')).toHaveAttribute('dateTime', '2019-06-20');
    expect(entry).toHaveTextContent(/^20 June 2019 Writing with MDX$/);
  });

  it('says there are no posts yet when there are none', () => {
    const { container } = render(<Archive years={[]} locale="en-GB" />);
    expect(container).toHaveTextContent(/^No posts yet\.$/);
    expect(screen.queryByRole('heading')).toBeNull();
  });
});
