import type { ReactNode } from 'react';
import { render, screen, within } from '@testing-library/react';
import { site } from '../../lib/config/site';
import { Pagination } from './Pagination';
import { dictionaryOf } from '../../lib/config/dictionaries';

// next/head only collects its children for Next's document; render them in place instead.
jest.mock('next/head', () => ({ __esModule: true, default: ({ children }: { children: ReactNode }) => <>{children}</> }));

const headLink = (rel: string) => document.querySelector(`link[rel="${rel}"]`);

describe('Pagination', () => {
  it('links a middle page to the newer and older pages, with rel on the links and in the head', () => {
    render(<Pagination pagination={{ page: 2, pageCount: 3, previousUrl: '/', nextUrl: '/page/3/' }} />);
    const nav = screen.getByRole('navigation', { name: 'Pagination' });

    const newer = within(nav).getByRole('link', { name: 'Newer posts' });
    expect(newer).toHaveAttribute('href', '/');
    expect(newer).toHaveAttribute('rel', 'prev');
    const older = within(nav).getByRole('link', { name: 'Older posts' });
    expect(older).toHaveAttribute('href', '/page/3/');
    expect(older).toHaveAttribute('rel', 'next');
    expect(nav).toHaveTextContent('Page 2 of 3');

    // The arrows are decoration: the links' names are only their words.
    expect(newer).toHaveTextContent('← Newer posts');
    expect(within(newer).getByText('←')).toHaveAttribute('aria-hidden', 'true');

    expect(headLink('prev')).toHaveAttribute('href', `${site.url}/`);
    expect(headLink('next')).toHaveAttribute('href', `${site.url}/page/3/`);
  });

  it('has no newer link on the first page and no older link on the last', () => {
    const { unmount } = render(<Pagination pagination={{ page: 1, pageCount: 2, previousUrl: null, nextUrl: '/tags/%E4%B8%AD%E6%96%87/page/2/' }} />);
    let nav = screen.getByRole('navigation', { name: 'Pagination' });
    expect(within(nav).queryByRole('link', { name: 'Newer posts' })).toBeNull();
    expect(within(nav).getByRole('link', { name: 'Older posts' })).toHaveAttribute('href', '/tags/%E4%B8%AD%E6%96%87/page/2/');
    expect(headLink('prev')).toBeNull();
    expect(headLink('next')).toHaveAttribute('href', `${site.url}/tags/%E4%B8%AD%E6%96%87/page/2/`);
    unmount();

    render(<Pagination pagination={{ page: 2, pageCount: 2, previousUrl: '/tags/%E4%B8%AD%E6%96%87/', nextUrl: null }} />);
    nav = screen.getByRole('navigation', { name: 'Pagination' });
    expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual(['← Newer posts']);
    expect(nav).toHaveTextContent('Page 2 of 2');
    expect(headLink('next')).toBeNull();
  });

  it('renders nothing for a list of one page', () => {
    const { container } = render(<Pagination pagination={{ page: 1, pageCount: 1, previousUrl: null, nextUrl: null }} />);
    expect(container).toBeEmptyDOMElement();
    expect(document.querySelector('link')).toBeNull();
  });

  it("names its links in the page's language, and points the arrows the way it reads", () => {
    const pagination = { page: 2, pageCount: 3, previousUrl: '/ar/', nextUrl: '/ar/page/3/' };
    const { unmount } = render(<Pagination pagination={pagination} text={dictionaryOf('fr', 'en')} />);
    expect(screen.getByRole('navigation', { name: 'Pagination' })).toHaveTextContent('← Articles plus récentsPage 2 sur 3Articles plus anciens →');
    unmount();
    render(<Pagination pagination={pagination} text={dictionaryOf('ar', 'en')} dir="rtl" />);
    const nav = screen.getByRole('navigation', { name: 'ترقيم الصفحات' });
    expect(within(nav).getByRole('link', { name: 'مقالات أحدث' })).toHaveTextContent(/^→ مقالات أحدث$/);
    expect(within(nav).getByRole('link', { name: 'مقالات أقدم' })).toHaveTextContent(/^مقالات أقدم ←$/);
    expect(nav).toHaveTextContent('الصفحة 2 من 3');
  });
});
