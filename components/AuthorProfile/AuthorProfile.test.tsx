import { render, screen, within } from '@testing-library/react';
import type { AuthorProps } from '../../lib/page-props/types';
import { AuthorProfile } from './AuthorProfile';
import { dictionaryOf } from '../../lib/config/dictionaries';

const ada: AuthorProps = {
  id: 'ada',
  name: 'Ada "<img src=x onerror=alert(1)>"',
  bio: 'Reviews </p><script>alert(1)</script> designs.',
  url: '/authors/ada/',
  avatar: {
    sources: [
      { type: 'image/avif', srcSet: '/_img/ada-0123456789ab-64.avif 64w, /_img/ada-0123456789ab-128.avif 128w' },
      { type: 'image/webp', srcSet: '/_img/ada-0123456789ab-64.webp 64w, /_img/ada-0123456789ab-128.webp 128w' },
    ],
    src: '/_img/ada-0123456789ab-64.png',
    srcSet: '/_img/ada-0123456789ab-64.png 64w, /_img/ada-0123456789ab-128.png 128w',
    width: 64,
    height: 64,
  },
  links: [
    { label: 'Mastodon', href: 'https://mastodon.social/@ada' },
    { label: 'Site', href: 'https://ada.example/' },
  ],
};

describe('AuthorProfile', () => {
  it('shows the avatar as a picture of every format and size made, its size set, named by the name beside it', () => {
    const { container } = render(<AuthorProfile author={ada} />);
    const picture = container.querySelector('picture')!;
    expect([...picture.querySelectorAll('source')].map((source) => [source.getAttribute('type'), source.getAttribute('srcset'), source.getAttribute('sizes')])).toEqual([
      ['image/avif', ada.avatar!.sources[0].srcSet, '64px'],
      ['image/webp', ada.avatar!.sources[1].srcSet, '64px'],
    ]);
    const img = within(picture as HTMLElement).getByRole('presentation');
    expect([img.getAttribute('src'), img.getAttribute('srcset'), img.getAttribute('width'), img.getAttribute('height'), img.getAttribute('alt')]).toEqual([ada.avatar!.src, ada.avatar!.srcSet, '64', '64', '']);
  });

  it('shows the name (a link to their page), the bio and their links, as text whatever they hold', () => {
    const { container } = render(<AuthorProfile author={ada} />);
    expect(screen.getByRole('link', { name: ada.name })).toHaveAttribute('href', '/authors/ada/');
    expect(screen.getByText(ada.bio)).toHaveClass('bio');
    expect(container.querySelector('script, img[onerror]')).toBeNull();
    const links = within(screen.getByRole('list', { name: `${ada.name} elsewhere` })).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href'), link.getAttribute('rel')])).toEqual([
      ['Mastodon', 'https://mastodon.social/@ada', 'me'],
      ['Site', 'https://ada.example/', 'me'],
    ]);
  });

  it('has no picture without an avatar, no link without a page, no list without links, and a count when given', () => {
    const { container } = render(<AuthorProfile author={{ ...ada, avatar: null, url: null, links: [] }} count={1} />);
    expect(container.querySelector('picture, img')).toBeNull();
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.getByText('1 post')).toBeInTheDocument();
  });

  it("counts the posts in the page's language, in the plural form and digits of its locale", () => {
    const count = (posts: number, locale: string, lang: string) => {
      const { container, unmount } = render(<AuthorProfile author={{ ...ada, avatar: null }} count={posts} locale={locale} text={dictionaryOf(lang, 'en')} />);
      const text = container.querySelector('.count')?.textContent;
      unmount();
      return text;
    };
    expect([count(1, 'en-GB', 'en'), count(2, 'en-GB', 'en')]).toEqual(['1 post', '2 posts']);
    expect([count(1, 'fr-FR', 'fr'), count(2, 'fr-FR', 'fr')]).toEqual(['1 article', '2 articles']);
    expect([1, 2, 3, 11, 100].map((posts) => count(posts, 'ar-EG', 'ar'))).toEqual(['مقال واحد', 'مقالان', '٣ مقالات', '١١ مقالًا', '١٠٠ مقال']);
  });

  it("names the list of links in the page's language", () => {
    render(<AuthorProfile author={ada} text={dictionaryOf('fr', 'en')} />);
    expect(screen.getByRole('list', { name: `${ada.name} ailleurs` })).toBeInTheDocument();
  });
});
