import { render, screen, within } from '@testing-library/react';
import { SeriesNav } from './SeriesNav';
import { dictionaryOf } from '../../lib/config/dictionaries';
const french = dictionaryOf('fr', 'en');
const arabic = dictionaryOf('ar', 'en');


const parts = [
  { title: 'Where the cache hits land', url: '/posts/cache-layers/', date: '2018-03-02' },
  { title: 'Cache invalidation', url: '/posts/cache-invalidation/', date: '2018-06-11' },
  { title: 'When the cache goes away', url: '/posts/cold-cache/', date: '2018-09-01' },
  { title: 'Caching <script> tags', url: '/posts/script-tags/', date: '2018-10-01' },
];
const series = { name: 'Caching at scale', url: '/series/caching-at-scale/', parts, current: 1 };

describe('SeriesNav', () => {
  it('is a navigation named by "Part N of M in the series", linking the series page', () => {
    render(<SeriesNav series={series} />);
    const nav = screen.getByRole('navigation', { name: 'Part 2 of 4 in the series Caching at scale' });
    expect(within(nav).getByRole('link', { name: 'Caching at scale' })).toHaveAttribute('href', '/series/caching-at-scale/');
  });

  it('lists every part in order, each a link but the current one, which is marked aria-current', () => {
    render(<SeriesNav series={series} />);
    const list = screen.getByRole('list');
    expect(list.tagName).toBe('OL');
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual(parts.map((part) => part.title));
    expect(items.map((item) => item.querySelector('a')?.getAttribute('href') ?? null)).toEqual(['/posts/cache-layers/', null, '/posts/cold-cache/', '/posts/script-tags/']);
    const current = items[1].firstElementChild!;
    expect(current.tagName).toBe('SPAN');
    expect(current).toHaveAttribute('aria-current', 'page');
    expect(screen.getAllByRole('link').filter((link) => link.hasAttribute('aria-current'))).toEqual([]);
  });

  it('counts from the first part to the last', () => {
    const { unmount } = render(<SeriesNav series={{ ...series, current: 0 }} />);
    expect(screen.getByRole('navigation')).toHaveAccessibleName('Part 1 of 4 in the series Caching at scale');
    unmount();
    render(<SeriesNav series={{ ...series, current: 3 }} />);
    expect(screen.getByRole('navigation')).toHaveAccessibleName('Part 4 of 4 in the series Caching at scale');
    expect(screen.getByText('Caching <script> tags')).toHaveAttribute('aria-current', 'page');
  });

  it("says which part it is in the page's language, the series name still a link", () => {
    const { unmount } = render(<SeriesNav series={series} text={french} />);
    const frenchNav = screen.getByRole('navigation', { name: 'Partie 2 sur 4 de la série Caching at scale' });
    expect(within(frenchNav).getByRole('link', { name: 'Caching at scale' })).toHaveAttribute('href', '/series/caching-at-scale/');
    unmount();
    render(<SeriesNav series={series} text={arabic} />);
    expect(screen.getByRole('navigation')).toHaveAccessibleName('الجزء 2 من 4 في سلسلة Caching at scale');
  });
});
