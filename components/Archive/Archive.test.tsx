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
    // Each year is a section: its heading, then the list of its posts.
    const sections = screen.getAllByRole('heading', { level: 2 }).map((heading) => {
      const list = heading.nextElementSibling as HTMLElement;
      return { year: heading.textContent, section: heading.parentElement?.tagName, list: list.tagName, posts: within(list).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')]) };
    });
    expect(sections).toEqual([
      { year: '2019', section: 'SECTION', list: 'OL', posts: [['Writing with MDX', '/posts/writing-with-mdx/'], ['New year', '/posts/new-year/']] },
      { year: '2017', section: 'SECTION', list: 'OL', posts: [['re:Invent 2017', '/posts/reinvent-2017/']] },
    ]);
    expect(screen.getAllByRole('list')).toHaveLength(2);
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
