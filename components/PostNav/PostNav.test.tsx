import { render, screen, within } from '@testing-library/react';
import { PostNav } from './PostNav';
import { dictionaryOf } from '../../lib/config/dictionaries';

const older = { title: 're:Invent 2017', url: '/posts/reinvent-2017/', date: '2017-12-15' };
const newer = { title: 'Writing with MDX', url: '/posts/writing-with-mdx/', date: '2019-06-20' };

describe('PostNav', () => {
  it('links the previous (older) and next (newer) posts, named by direction and title', () => {
    render(<PostNav previous={older} next={newer} />);
    const nav = screen.getByRole('navigation', { name: 'Previous and next posts' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['/posts/reinvent-2017/', '/posts/writing-with-mdx/']);
    expect(within(nav).getByRole('link', { name: 'Previous post re:Invent 2017' })).toBe(links[0]);
    expect(within(nav).getByRole('link', { name: 'Next post Writing with MDX' })).toBe(links[1]);
  });

  it('shows only the link there is at either end of the blog', () => {
    const { unmount } = render(<PostNav previous={null} next={newer} />);
    expect(within(screen.getByRole('navigation')).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual(['/posts/writing-with-mdx/']);
    expect(screen.queryByText(/Previous post/)).toBeNull();
    unmount();
    render(<PostNav previous={older} next={null} />);
    expect(within(screen.getByRole('navigation')).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual(['/posts/reinvent-2017/']);
  });

  it('renders nothing for the only post', () => {
    const { container } = render(<PostNav previous={null} next={null} />);
    expect(container).toBeEmptyDOMElement();
  });

  it("names its links in the page's language, and points the arrows the way it reads", () => {
    const { unmount } = render(<PostNav previous={older} next={newer} text={dictionaryOf('fr', 'en')} dir="ltr" />);
    const french = screen.getByRole('navigation', { name: 'Articles précédent et suivant' });
    expect(within(french).getAllByRole('link').map((link) => link.textContent)).toEqual(['← Article précédent re:Invent 2017', 'Article suivant → Writing with MDX']);
    unmount();
    render(<PostNav previous={older} next={newer} text={dictionaryOf('ar', 'en')} dir="rtl" />);
    const arabic = screen.getByRole('navigation', { name: 'المقال السابق والتالي' });
    // Right to left, the previous post is back to the right: →; the next is on to the left: ←.
    expect(within(arabic).getAllByRole('link').map((link) => link.textContent)).toEqual(['→ المقال السابق re:Invent 2017', 'المقال التالي ← Writing with MDX']);
    expect(within(arabic).getByRole('link', { name: 'المقال السابق re:Invent 2017' })).toHaveAttribute('href', '/posts/reinvent-2017/');
  });
});
