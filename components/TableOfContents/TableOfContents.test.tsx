import { render, screen, within } from '@testing-library/react';
import { TableOfContents } from './TableOfContents';

const entries = [
  { id: 'setup', text: 'Setup', children: [{ id: 'install', text: 'Install', children: [] }] },
  { id: 'usage', text: 'Usage', children: [] },
  { id: '中文标题', text: '中文标题', children: [] },
];

describe('TableOfContents', () => {
  it('is a navigation named by its "Contents" heading, linking each entry to its heading id', () => {
    render(<TableOfContents entries={entries} />);
    const nav = screen.getByRole('navigation', { name: 'Contents' });
    expect(within(nav).getByRole('heading', { level: 2 })).toHaveTextContent(/^Contents$/);
    expect(within(nav).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Setup', '#setup'],
      ['Install', '#install'],
      ['Usage', '#usage'],
      ['中文标题', '#中文标题'],
    ]);
  });

  it('nests sub-sections in a list inside their section', () => {
    render(<TableOfContents entries={entries} />);
    const setup = screen.getByRole('link', { name: 'Setup' }).closest('li')!;
    expect(within(setup).getByRole('list')).toContainElement(screen.getByRole('link', { name: 'Install' }));
    expect(screen.getByRole('link', { name: 'Usage' }).closest('li')!.querySelector('ol')).toBeNull();
  });

  it('gives its heading an id that no slug of a body heading can take', () => {
    render(<TableOfContents entries={entries} />);
    const id = screen.getByRole('heading', { name: 'Contents' }).id;
    expect(id).not.toBe('');
    expect(id).not.toMatch(/^[\p{L}\p{N}-]+$/u);
  });

  it('renders nothing without entries', () => {
    const { container } = render(<TableOfContents entries={[]} />);
    expect(container).toBeEmptyDOMElement();
  });
});
