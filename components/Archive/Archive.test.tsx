import { render, screen, within } from '@testing-library/react';
import { Archive } from './Archive';
import { dictionaryOf } from '../../lib/config/dictionaries';

const years = [
  {
    year: '2019',
    months: [
      {
        month: '2019-06',
        posts: [
          { title: 'Writing with MDX', url: '/posts/writing-with-mdx/', date: '2019-06-20' },
          { title: 'Midsummer', url: '/posts/midsummer/', date: '2019-06-01' },
        ],
      },
      { month: '2019-01', posts: [{ title: 'New year', url: '/posts/new-year/', date: '2019-01-01' }] },
    ],
  },
  { year: '2017', months: [{ month: '2017-12', posts: [{ title: 're:Invent 2017', url: '/posts/reinvent-2017/', date: '2017-12-15' }] }] },
];

describe('Archive', () => {
  it('shows each year as a section headed by the year, and within it each month as a heading over its posts, in the order given', () => {
    render(<Archive years={years} locale="en-GB" />);
    const sections = screen.getAllByRole('heading', { level: 2 }).map((heading) => ({
      year: heading.textContent,
      section: heading.parentElement?.tagName,
      months: within(heading.parentElement!)
        .getAllByRole('heading', { level: 3 })
        .map((month) => {
          const list = month.nextElementSibling as HTMLElement;
          return { month: month.textContent, dateTime: month.querySelector('time')?.getAttribute('dateTime'), list: list.tagName, posts: within(list).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')]) };
        }),
    }));
    expect(sections).toEqual([
      {
        year: '2019',
        section: 'SECTION',
        months: [
          { month: 'June', dateTime: '2019-06', list: 'OL', posts: [['Writing with MDX', '/posts/writing-with-mdx/'], ['Midsummer', '/posts/midsummer/']] },
          { month: 'January', dateTime: '2019-01', list: 'OL', posts: [['New year', '/posts/new-year/']] },
        ],
      },
      { year: '2017', section: 'SECTION', months: [{ month: 'December', dateTime: '2017-12', list: 'OL', posts: [['re:Invent 2017', '/posts/reinvent-2017/']] }] },
    ]);
    expect(screen.getAllByRole('list')).toHaveLength(3);
  });

  it('names the months in the locale given', () => {
    render(<Archive years={years} locale="fr-FR" />);
    expect(screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual(['juin', 'janvier', 'décembre']);
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

  it('writes the years and months as the locale does', () => {
    render(<Archive years={years} locale="ar-EG" text={dictionaryOf('ar', 'en')} />);
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual(['٢٠١٩', '٢٠١٧']);
    expect(screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual(['يونيو', 'يناير', 'ديسمبر']);
  });
});
