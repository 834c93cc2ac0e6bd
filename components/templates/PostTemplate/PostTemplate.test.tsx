import type { ReactNode } from 'react';
import { render, screen, within } from '@testing-library/react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { PostSummary } from '../../../lib/content/types';
import { compileBody } from '../../../lib/markdown/compile';
import { commentsEmbed } from '../../../lib/integrations/integrations';
import type { AuthorProps, PostChrome, PostPageProps } from '../../../lib/page-props/types';
import { site, siteAuthors } from '../../../lib/config/site';
import { PostTemplate } from './PostTemplate';
import { renderBodyHtml } from '../../MdxBody/renderBody';
import { category, tag } from '../../../__tests__/helpers/post-summary';
import { scratchImageStore } from '../../../__tests__/helpers/images';
import { oneLanguagePage } from '../../../__tests__/helpers/page-language';

// next/head only collects its children for Next's document; render them in place instead.
jest.mock('next/head', () => ({ __esModule: true, default: ({ children }: { children: ReactNode }) => <>{children}</> }));

const COMPILE_TIMEOUT = 60_000;

const menu = [
  { label: 'Posts', href: '/' },
  { label: 'About', href: '/about/' },
];

const post: PostSummary = {
  slug: 'reinvent-2017',
  url: '/posts/reinvent-2017/',
  template: 'post',
  title: 're:Invent 2017',
  date: '2017-12-15',
  updated: null,
  readingMinutes: 3,
  excerpt: 'Notes from a week in Las Vegas.',
  category: category('DevOps'),
  tags: ['aws'].map(tag),
  draft: false,
  scheduled: false,
  cover: null,
  socialImage: null,
  canonical: null,
  authors: [
    { id: 'ada', name: 'Ada <b>Reviewer</b>', url: '/authors/ada/' },
    { id: 'folio', name: 'Folio Author', url: '/authors/folio/' },
  ],
  lang: 'en',
};

/** The post's authors as the author block shows them: Ada with an avatar and a link. */
const authors: AuthorProps[] = [
  {
    id: 'ada',
    name: 'Ada <b>Reviewer</b>',
    bio: 'Reviews </script> designs.',
    url: '/authors/ada/',
    avatar: { sources: [{ type: 'image/avif', srcSet: '/_img/ada-0123456789ab-64.avif 64w' }], src: '/_img/ada-0123456789ab-64.png', srcSet: '/_img/ada-0123456789ab-64.png 64w', width: 64, height: 64 },
    links: [{ label: 'Mastodon', href: 'https://mastodon.social/@ada' }],
  },
  { id: 'folio', name: 'Folio Author', bio: 'Writes about caches.', url: '/authors/folio/', avatar: null, links: [] },
];

const chrome: PostChrome = {
  previous: { title: 'Older one', url: '/posts/older-one/', date: '2017-01-01' },
  next: { title: 'Newer one', url: '/posts/newer-one/', date: '2018-01-01' },
  related: [{ title: 'Related one', url: '/posts/related-one/', date: '2016-05-05' }],
  tableOfContents: [
    { id: 'keynotes', text: 'Keynotes', children: [] },
    { id: 'sessions', text: 'Sessions', children: [] },
    { id: 'hallway', text: 'Hallway', children: [] },
  ],
  series: null,
  comments: null,
  authors,
};

/** The card the build drew for the post (lib/images/social-image.ts). */
const socialImage = { url: '/_img/card-0123456789ab.png', width: 1200, height: 630 };

/** A body compiled and rendered as the post route does it, for this site. */
async function compile(body: string) {
  const { content, usesMath, hasCodeBlocks } = await compileBody({ body, format: 'md', sourcePath: 'posts/test.md', bodyStartLine: 1, assetDir: null, slug: 'test' }, { imageStore: scratchImageStore().store });
  return { html: renderBodyHtml(content, site.url), usesMath, hasCodeBlocks };
}

describe('PostTemplate', () => {
  it(
    'renders a post: layout, head tags, title, date and the compiled body',
    async () => {
      const props: PostPageProps = { menu, language: oneLanguagePage, post, chrome, socialImage, editUrl: null, body: await compile('## Keynotes\n\nSee [the AWS blog](https://aws.amazon.com/blogs/).\n') };
      render(<PostTemplate {...props} />);

      const main = screen.getByRole('main');
      const article = within(main).getByRole('article');
      expect(within(article).getByRole('heading', { level: 1 })).toHaveTextContent(/^re:Invent 2017$/);
      expect(article.querySelector('time')).toHaveAttribute('dateTime', '2017-12-15');
      expect(within(article).getByText('15 December 2017')).toBeInTheDocument();
      expect(within(article).getByText('DevOps')).toBeInTheDocument();
      expect(within(article).getByText('Notes from a week in Las Vegas.')).toHaveClass('lead');

      const body = article.querySelector('[data-post-body]') as HTMLElement;
      expect(within(body).getByRole('heading', { level: 2 })).toHaveAttribute('id', 'keynotes');
      // The body is rendered against the site's own URL: aws.amazon.com is external.
      expect(within(body).getByRole('link', { name: 'the AWS blog (external link)' })).toHaveAttribute('href', 'https://aws.amazon.com/blogs/');
      expect(screen.queryByRole('alert')).toBeNull();

      expect(document.title).toBe(`re:Invent 2017 | ${site.title}`);
      expect(document.querySelector('meta[name="description"]')).toHaveAttribute('content', 'Notes from a week in Las Vegas.');
      expect(document.querySelector('link[rel="canonical"]')).toHaveAttribute('href', `${site.url}/posts/reinvent-2017/`);
      // Shared with its card, as an absolute URL, with its size.
      const card = `${site.url}/_img/card-0123456789ab.png`;
      expect(document.querySelector('meta[property="og:image"]')).toHaveAttribute('content', card);
      // X takes the image from og:image: no tag of its own repeats it.
      expect(document.querySelector('meta[name="twitter:image"]')).toBeNull();
      expect(document.querySelector('meta[property="og:image:width"]')).toHaveAttribute('content', '1200');
      expect(document.querySelector('meta[property="og:image:height"]')).toHaveAttribute('content', '630');

      expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
      // The footer names the site's first author.
      expect(screen.getByRole('contentinfo')).toHaveTextContent(`${siteAuthors[0].name} — ${siteAuthors[0].bio}`);
    },
    COMPILE_TIMEOUT,
  );

  it(
    'surrounds a post with its chrome: contents, reading time, author, previous and next, related posts',
    async () => {
      render(<PostTemplate menu={menu} language={oneLanguagePage} post={post} socialImage={socialImage} editUrl={null} chrome={chrome} body={await compile('## Keynotes\n\n## Sessions\n\n## Hallway\n\nText.\n')} />);
      const article = screen.getByRole('article');
      const body = article.querySelector('[data-post-body]') as HTMLElement;

      const toc = within(article).getByRole('navigation', { name: 'Contents' });
      expect(toc.compareDocumentPosition(body) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      expect(within(toc).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual(['#keynotes', '#sessions', '#hallway']);
      for (const link of within(toc).getAllByRole('link')) expect(body.querySelector(link.getAttribute('href')!)).not.toBeNull();

      expect(within(article).getByText('3 min read')).toBeInTheDocument();
      const author = within(article).getByRole('region', { name: 'About the authors' });
      expect(body.compareDocumentPosition(author) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      expect(within(author).getAllByRole('link', { name: /Reviewer|Folio/ }).map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
        ['Ada <b>Reviewer</b>', '/authors/ada/'],
        ['Folio Author', '/authors/folio/'],
      ]);
      expect(author).toHaveTextContent('Reviews </script> designs.');

      const main = screen.getByRole('main');
      const postNav = within(main).getByRole('navigation', { name: 'Previous and next posts' });
      expect(within(postNav).getByRole('link', { name: /^Previous post Older one$/ })).toHaveAttribute('href', '/posts/older-one/');
      expect(within(postNav).getByRole('link', { name: /^Next post Newer one$/ })).toHaveAttribute('href', '/posts/newer-one/');
      const related = within(main).getByRole('region', { name: 'Related posts' });
      expect(within(related).getByRole('link', { name: 'Related one' })).toHaveAttribute('href', '/posts/related-one/');

      expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    },
    COMPILE_TIMEOUT,
  );

  it(
    'names its authors under the title, each linking their page, and as a list of Person in its JSON-LD; a page names none',
    async () => {
      const { unmount } = render(<PostTemplate menu={menu} language={oneLanguagePage} post={post} socialImage={socialImage} editUrl={null} chrome={chrome} body={await compile('Text.')} />);
      const header = screen.getByRole('article').querySelector('header')!;
      const byline = within(header).getByText(/^By /);
      expect(byline).toHaveTextContent(/^By Ada <b>Reviewer<\/b> and Folio Author$/);
      expect(within(byline).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href'), link.getAttribute('rel')])).toEqual([
        ['Ada <b>Reviewer</b>', '/authors/ada/', 'author'],
        ['Folio Author', '/authors/folio/', 'author'],
      ]);
      const jsonLd = JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent!);
      expect(jsonLd.author).toEqual([
        { '@type': 'Person', name: 'Ada <b>Reviewer</b>', url: `${site.url}/authors/ada/` },
        { '@type': 'Person', name: 'Folio Author', url: `${site.url}/authors/folio/` },
      ]);
      // The avatar the pipeline made, beside the name that says who it is.
      const avatar = within(screen.getByRole('region', { name: 'About the authors' })).getByRole('presentation');
      expect(avatar).toHaveAttribute('src', '/_img/ada-0123456789ab-64.png');
      unmount();

      render(<PostTemplate menu={menu} language={oneLanguagePage} post={{ ...post, template: 'page' }} socialImage={socialImage} editUrl={null} chrome={null} body={await compile('Text.')} />);
      expect(screen.queryByText(/^By /)).toBeNull();
      expect(screen.queryByRole('region', { name: /^About the author/ })).toBeNull();
    },
    COMPILE_TIMEOUT,
  );

  it(
    'ends a post and a page with a link that edits its source file when the site sets editUrl, outside the body, and with none when it does not',
    async () => {
      const editUrl = 'https://github.com/owner/repo/edit/main/posts/reinvent-2017.md';
      const { unmount } = render(<PostTemplate menu={menu} language={oneLanguagePage} post={post} socialImage={socialImage} editUrl={editUrl} chrome={chrome} body={await compile('Text.')} />);
      const article = screen.getByRole('article');
      const link = within(article).getByRole('link', { name: 'Edit this post' });
      expect(link).toHaveAttribute('href', editUrl);
      // After the body and outside it: feeds and search take the body as the post's text.
      const body = article.querySelector('[data-post-body]') as HTMLElement;
      expect(body).not.toContainElement(link);
      expect(body.compareDocumentPosition(link) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      unmount();

      const { unmount: unmountPage } = render(<PostTemplate menu={menu} language={oneLanguagePage} post={{ ...post, template: 'page' }} socialImage={socialImage} editUrl={editUrl} chrome={null} body={await compile('Text.')} />);
      expect(screen.getByRole('link', { name: 'Edit this page' })).toHaveAttribute('href', editUrl);
      unmountPage();

      render(<PostTemplate menu={menu} language={oneLanguagePage} post={post} socialImage={socialImage} editUrl={null} chrome={chrome} body={await compile('Text.')} />);
      expect(screen.queryByRole('link', { name: /^Edit this/ })).toBeNull();
    },
    COMPILE_TIMEOUT,
  );

  it(
    'shows a part of a series its place and the other parts before the contents, and says isPartOf in the JSON-LD',
    async () => {
      const series = {
        name: 'Conferences',
        url: '/series/conferences/',
        parts: [
          { title: 'Older one', url: '/posts/older-one/', date: '2017-01-01' },
          { title: 're:Invent 2017', url: '/posts/reinvent-2017/', date: '2017-12-15' },
        ],
        current: 1,
      };
      render(<PostTemplate menu={menu} language={oneLanguagePage} post={post} socialImage={socialImage} editUrl={null} chrome={{ ...chrome, series }} body={await compile('## Keynotes\n\n## Sessions\n\n## Hallway\n\nText.\n')} />);
      const article = screen.getByRole('article');
      const seriesNav = within(article).getByRole('navigation', { name: 'Part 2 of 2 in the series Conferences' });
      expect(within(seriesNav).getByRole('link', { name: 'Conferences' })).toHaveAttribute('href', '/series/conferences/');
      expect(seriesNav.compareDocumentPosition(within(article).getByRole('navigation', { name: 'Contents' })) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      const jsonLd = JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent!);
      expect(jsonLd.isPartOf).toEqual({ '@type': 'CreativeWorkSeries', name: 'Conferences', url: `${site.url}/series/conferences/` });
    },
    COMPILE_TIMEOUT,
  );

  it(
    'leaves out the contents, related posts and post navigation when a post has none',
    async () => {
      render(<PostTemplate menu={menu} language={oneLanguagePage} post={post} socialImage={socialImage} editUrl={null} chrome={{ previous: null, next: null, related: [], tableOfContents: [], series: null, comments: null, authors: [authors[1]] }} body={await compile('Text.')} />);
      expect(screen.getAllByRole('navigation').map((nav) => nav.getAttribute('aria-label'))).toEqual(['Main']);
      expect(screen.queryByRole('region', { name: 'Related posts' })).toBeNull();
      expect(screen.queryByRole('region', { name: 'Comments' })).toBeNull();
      expect(screen.getByRole('region', { name: 'About the author' })).toBeInTheDocument();
    },
    COMPILE_TIMEOUT,
  );

  it(
    'ends a post with its comments when the site has them on',
    async () => {
      const comments = commentsEmbed({ provider: 'giscus', repo: 'owner/blog', repoId: 'R_1', category: 'Comments', categoryId: 'DIC_1' });
      // Server-rendered, as exported: React warns of a <script> (the loader) that it renders on the client.
      const page = document.createElement('div');
      page.innerHTML = renderToStaticMarkup(<PostTemplate menu={menu} language={oneLanguagePage} post={post} socialImage={socialImage} editUrl={null} chrome={{ ...chrome, comments }} body={await compile('Text.')} />);
      document.body.append(page);
      try {
        const section = within(page).getByRole('region', { name: 'Comments' });
        const related = within(page).getByRole('region', { name: 'Related posts' });
        expect(related.compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
        expect(within(section).getByRole('button', { name: 'Show comments' })).toBeInTheDocument();
      } finally {
        page.remove();
      }
    },
    COMPILE_TIMEOUT,
  );

  it(
    'marks a page in the menu and falls back to the site description without an excerpt',
    async () => {
      const page: PostSummary = { ...post, slug: 'about', url: '/about/', template: 'page', title: 'About', excerpt: '', category: null, tags: [] };
      render(<PostTemplate menu={menu} language={oneLanguagePage} post={page} socialImage={socialImage} editUrl={null} chrome={null} body={await compile('## One\n\n## Two\n\n## Three\n\nWho writes here.')} />);

      const nav = screen.getByRole('navigation', { name: 'Main' });
      expect(within(nav).getByRole('link', { name: 'About' })).toHaveAttribute('aria-current', 'page');
      expect(within(nav).getByRole('link', { name: 'Posts' })).not.toHaveAttribute('aria-current');

      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(/^About$/);
      expect(document.querySelector('time')).toBeNull();
      expect(screen.getByText('Who writes here.').closest('[data-post-body]')).not.toBeNull();
      // A page has no post chrome, even with enough headings for a table of contents.
      expect(screen.getAllByRole('navigation').map((nav) => nav.getAttribute('aria-label'))).toEqual(['Main']);
      expect(screen.queryByRole('region')).toBeNull();
      expect(screen.queryByText(/min read/)).toBeNull();

      expect(document.title).toBe(`About | ${site.title}`);
      expect(document.querySelector('meta[name="description"]')).toHaveAttribute('content', site.description);
      expect(document.querySelector('link[rel="canonical"]')).toHaveAttribute('href', `${site.url}/about/`);
    },
    COMPILE_TIMEOUT,
  );

  it('renders the error panel, inside the layout, for error props', () => {
    const error = { file: 'posts/broken.md', line: 2, field: 'date', message: 'posts/broken.md:2: date: "tomorrow" is not a valid date (use YYYY-MM-DD)' };
    render(<PostTemplate menu={menu} language={oneLanguagePage} error={error} />);

    const main = screen.getByRole('main');
    const alert = within(main).getByRole('alert', { name: 'This post has an error' });
    expect(within(alert).getByText('posts/broken.md:2')).toBeInTheDocument();
    expect(within(alert).getByText('date')).toBeInTheDocument();
    expect(within(alert).getByText(error.message)).toBeInTheDocument();
    expect(screen.queryByRole('article')).toBeNull();

    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    expect(document.querySelector('[aria-current]')).toBeNull();

    expect(document.title).toBe(`Error | ${site.title}`);
    expect(document.querySelector('meta[name="description"]')).toHaveAttribute('content', error.message);
    expect(document.querySelector('link[rel="canonical"]')).toHaveAttribute('href', `${site.url}/`);
  });
});
