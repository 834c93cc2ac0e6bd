import { render, screen, within } from '@testing-library/react';
import type { MenuItem } from '../../lib/config/site';
import { Layout } from './Layout';

const site = {
  title: 'Folio',
  author: { name: 'Ada Author', bio: 'Writes about caches.' },
  social: [
    { label: 'GitHub', href: 'https://github.com/ada' },
    { label: 'Mastodon', href: 'https://mastodon.social/@ada' },
  ],
};

const menu: MenuItem[] = [
  { label: 'Posts', href: '/' },
  { label: 'About', href: '/about/' },
  { label: 'Uses', href: '/uses/' },
];

function renderLayout(currentPath?: string, overrides: Partial<typeof site> = {}) {
  return render(
    <Layout site={{ ...site, ...overrides }} menu={menu} currentPath={currentPath}>
      <p>Page content</p>
    </Layout>,
  );
}

describe('Layout', () => {
  it('starts with a skip link to #main', () => {
    const { container } = renderLayout('/');
    const skip = screen.getByRole('link', { name: 'Skip to content' });
    expect(skip).toHaveAttribute('href', '#main');
    // It is the first thing a keyboard user reaches.
    expect(container.querySelector('a')).toBe(skip);
  });

  it('has a header with the site title linking home and the main navigation', () => {
    renderLayout('/');
    const banner = screen.getByRole('banner');
    expect(within(banner).getByRole('link', { name: 'Folio' })).toHaveAttribute('href', '/');

    const nav = within(banner).getByRole('navigation', { name: 'Main' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Posts', '/'],
      ['About', '/about/'],
      ['Uses', '/uses/'],
    ]);
  });

  it('has the theme toggle in the header, after the navigation', () => {
    renderLayout('/');
    const banner = screen.getByRole('banner');
    const toggle = within(banner).getByRole('button', { name: 'Dark theme', pressed: false });
    const nav = within(banner).getByRole('navigation', { name: 'Main' });
    expect(nav.compareDocumentPosition(toggle) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('marks the current page in the menu, and only it, with aria-current', () => {
    renderLayout('/about/');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'About' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Posts' })).not.toHaveAttribute('aria-current');
    expect(within(nav).getByRole('link', { name: 'Uses' })).not.toHaveAttribute('aria-current');
    expect(screen.getByRole('link', { name: 'Folio' })).not.toHaveAttribute('aria-current');
  });

  it('marks no menu entry when the current path is not in the menu or not given', () => {
    const { container, unmount } = renderLayout('/posts/reinvent-2017/');
    expect(container.querySelector('[aria-current]')).toBeNull();
    unmount();
    const second = renderLayout(undefined);
    expect(second.container.querySelector('[aria-current]')).toBeNull();
  });

  it('puts the page content in the main landmark, with id "main" for the skip link', () => {
    renderLayout('/');
    const main = screen.getByRole('main');
    expect(main).toHaveAttribute('id', 'main');
    // Focusable by the skip link without joining the tab order.
    expect(main).toHaveAttribute('tabindex', '-1');
    expect(within(main).getByText('Page content')).toBeInTheDocument();
    expect(screen.getAllByRole('main')).toHaveLength(1);
  });

  it('has a footer with the author and the social links', () => {
    renderLayout('/');
    const footer = screen.getByRole('contentinfo');
    expect(footer).toHaveTextContent('Ada Author — Writes about caches.');
    const elsewhere = within(footer).getByRole('list', { name: 'Elsewhere' });
    const links = within(elsewhere).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href'), link.getAttribute('rel')])).toEqual([
      ['GitHub', 'https://github.com/ada', 'me'],
      ['Mastodon', 'https://mastodon.social/@ada', 'me'],
    ]);
  });

  it('leaves out the social list when there are no social links', () => {
    renderLayout('/', { social: [] });
    const footer = screen.getByRole('contentinfo');
    expect(footer).toHaveTextContent('Ada Author — Writes about caches.');
    expect(within(footer).queryByRole('list')).toBeNull();
    expect(within(footer).queryByRole('link')).toBeNull();
  });
});
