import type { ReactNode } from 'react';
import { render, screen, within } from '@testing-library/react';
import { dictionaryOf } from '../../../lib/config/dictionaries';
import { site } from '../../../lib/config/site';
import { TermIndexTemplate } from './TermIndexTemplate';
import { oneLanguagePage } from '../../../__tests__/helpers/page-language';

// next/head only collects its children for Next's document; render them in place instead.
jest.mock('next/head', () => ({ __esModule: true, default: ({ children }: { children: ReactNode }) => <>{children}</> }));

const menu = [
  { label: 'Posts', href: '/' },
  { label: 'Tags', href: '/tags/' },
];

describe('TermIndexTemplate', () => {
  it('lists every tag with its count under the one h1 "Tags", with "Tags" current in the menu', () => {
    render(<TermIndexTemplate menu={menu} language={oneLanguagePage} kind="tags" terms={[{ name: 'aws', url: '/tags/aws/', count: 2 }]} />);
    const main = screen.getByRole('main');
    expect(within(main).getAllByRole('heading', { level: 1 }).map((heading) => heading.textContent)).toEqual(['Tags']);
    expect(within(main).getByRole('listitem')).toHaveTextContent('aws 2 posts');
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Tags' })).toHaveAttribute('aria-current', 'page');
    expect(document.title).toBe(`Tags | ${site.title}`);
    expect(document.querySelector('link[rel="canonical"]')).toHaveAttribute('href', `${site.url}/tags/`);
  });

  it('words the categories page for categories', () => {
    render(<TermIndexTemplate menu={menu} language={oneLanguagePage} kind="categories" terms={[]} />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(/^Categories$/);
    expect(screen.getByText('No categories yet.')).toBeInTheDocument();
    expect(document.title).toBe(`Categories | ${site.title}`);
    expect(document.querySelector('link[rel="canonical"]')).toHaveAttribute('href', `${site.url}/categories/`);
  });

  it('lists every series with its number of parts, titled "Series", at /series/', () => {
    const terms = [
      { name: 'Caching at scale', url: '/series/caching-at-scale/', count: 3 },
      { name: 'Queues', url: '/series/queues/', count: 1 },
    ];
    render(<TermIndexTemplate menu={menu} language={oneLanguagePage} kind="series" terms={terms} />);
    const main = screen.getByRole('main');
    expect(within(main).getByRole('heading', { level: 1 })).toHaveTextContent(/^Series$/);
    expect(within(main).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Caching at scale 3 parts', 'Queues 1 part']);
    expect(within(main).getByRole('link', { name: 'Caching at scale' })).toHaveAttribute('href', '/series/caching-at-scale/');
    expect(document.title).toBe(`Series | ${site.title}`);
    expect(document.querySelector('meta[name="description"]')).toHaveAttribute('content', 'Every series, with its number of parts.');
    expect(document.querySelector('link[rel="canonical"]')).toHaveAttribute('href', `${site.url}/series/`);
  });

  it("counts a series' parts in the plural forms of the page's language: Arabic's dual", () => {
    const arabic = { lang: 'ar', dir: 'rtl' as const, dateLocale: 'ar-EG', text: dictionaryOf('ar', 'en'), links: [] };
    const terms = [2, 3, 11].map((count) => ({ name: `s${count}`, url: `/ar/series/s${count}/`, count }));
    render(<TermIndexTemplate menu={menu} language={arabic} kind="series" terms={terms} />);
    const main = screen.getByRole('main');
    expect(within(main).getByRole('heading', { level: 1 })).toHaveTextContent(/^السلاسل$/);
    expect(within(main).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['s2 جزآن', 's3 ٣ أجزاء', 's11 ١١ جزءًا']);
  });
});
