import type { ReactNode } from 'react';
import { render, screen, within } from '@testing-library/react';
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
});
