import { render, screen, within } from '@testing-library/react';
import type { AuthorProps } from '../../lib/page-props/types';
import { AuthorBlock } from './AuthorBlock';
import { dictionaryOf } from '../../lib/config/dictionaries';

const solo: AuthorProps = { id: 'author', name: 'Ada Author', bio: 'Writes about caches.', url: null, avatar: null, links: [] };
const grace: AuthorProps = { id: 'grace', name: 'Grace Hopper', bio: 'Writes compilers.', url: '/authors/grace/', avatar: null, links: [{ label: 'Site', href: 'https://example.com/grace' }] };

describe('AuthorBlock', () => {
  it('is a section named "About the author" with the name and bio, for a site with one author: no link, no list', () => {
    render(<AuthorBlock authors={[solo]} />);
    const section = screen.getByRole('region', { name: 'About the author' });
    expect(within(section).getByRole('heading', { level: 2 })).toHaveTextContent(/^About the author$/);
    expect(within(section).getByText('Ada Author')).toHaveClass('name');
    expect(within(section).getByText('Writes about caches.')).toHaveClass('bio');
    expect(within(section).queryByRole('link')).toBeNull();
    expect(within(section).queryByRole('list')).toBeNull();
  });

  it('is "About the authors" with each author in order, their names linking their pages', () => {
    render(<AuthorBlock authors={[grace, { ...solo, url: '/authors/author/' }]} />);
    const section = screen.getByRole('region', { name: 'About the authors' });
    const items = within(section).getAllByRole('listitem').filter((item) => item.parentElement?.parentElement === section);
    expect(items.map((item) => within(item).getAllByRole('link')[0].textContent)).toEqual(['Grace Hopper', 'Ada Author']);
    expect(within(section).getByRole('link', { name: 'Ada Author' })).toHaveAttribute('href', '/authors/author/');
    expect(within(within(section).getByRole('list', { name: 'Grace Hopper elsewhere' })).getByRole('link', { name: 'Site' })).toHaveAttribute('href', 'https://example.com/grace');
  });

  it("is headed, and names each author's links, in the page's language", () => {
    const { unmount } = render(<AuthorBlock authors={[solo]} text={dictionaryOf('fr', 'en')} />);
    expect(screen.getByRole('region', { name: 'À propos de l’auteur' })).toBeInTheDocument();
    unmount();
    render(<AuthorBlock authors={[grace, solo]} text={dictionaryOf('ar', 'en')} />);
    const section = screen.getByRole('region', { name: 'عن الكتّاب' });
    expect(within(section).getByRole('list', { name: 'Grace Hopper في أماكن أخرى' })).toBeInTheDocument();
  });
});
