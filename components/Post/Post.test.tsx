import { render, screen, within } from '@testing-library/react';
import type { PostSummary } from '../../lib/content/types';
import { Post } from './Post';
import { dictionaryOf } from '../../lib/config/dictionaries';
import { category, tag } from '../../__tests__/helpers/post-summary';

const post: PostSummary = {
  slug: 'reinvent-2017',
  url: '/posts/reinvent-2017/',
  template: 'post',
  title: 're:Invent 2017: what changed for caching',
  date: '2017-12-15',
  updated: null,
  readingMinutes: 3,
  excerpt: 'Notes from a week in Las Vegas.',
  category: category('DevOps'),
  tags: ['aws', 'caching'].map(tag),
  draft: false,
  scheduled: false,
  cover: null,
  socialImage: null,
  canonical: null,
  authors: [{ id: 'folio-author', name: 'Folio Author', url: null }],
  lang: 'en',
};

const page: PostSummary = {
  ...post,
  slug: 'about',
  url: '/about/',
  template: 'page',
  title: 'About',
  excerpt: 'Who writes here.',
  category: category('Meta'),
  tags: ['me'].map(tag),
};

describe('Post', () => {
  it('shows the title as the only h1, then the date, category, tags and the excerpt as lead', () => {
    const { container } = render(
      <Post post={post} locale="en-GB">
        <p>The body.</p>
      </Post>,
    );
    const article = screen.getByRole('article');

    const headings = within(article).getAllByRole('heading', { level: 1 });
    expect(headings).toHaveLength(1);
    expect(headings[0]).toHaveTextContent(/^re:Invent 2017: what changed for caching$/);
    expect(container.querySelectorAll('h1')).toHaveLength(1);

    const time = article.querySelector('time');
    expect(time).toHaveAttribute('dateTime', '2017-12-15');
    expect(time).toHaveTextContent('15 December 2017');
    expect(within(article).getByText('3 min read')).toBeInTheDocument();
    expect(within(article).getByText('DevOps')).toBeInTheDocument();
    expect(within(article).getByText('#aws')).toBeInTheDocument();
    expect(within(article).getByText('#caching')).toBeInTheDocument();

    const lead = within(article).getByText('Notes from a week in Las Vegas.');
    expect(lead.tagName).toBe('P');
    expect(lead).toHaveClass('lead');
    // The lead is part of the header, not of the body that search indexes.
    expect(lead.closest('[data-post-body]')).toBeNull();
    expect(lead.closest('header')).toBe(headings[0].closest('header'));
  });

  it('puts its children, and only them, inside the element with data-post-body', () => {
    const { container } = render(
      <Post post={post} locale="en-GB">
        <p>The body.</p>
        <h2>A section</h2>
      </Post>,
    );
    const bodies = container.querySelectorAll('[data-post-body]');
    expect(bodies).toHaveLength(1);
    const body = bodies[0] as HTMLElement;
    expect(screen.getByText('The body.').closest('[data-post-body]')).toBe(body);
    expect(within(body).getByRole('heading', { level: 2, name: 'A section' })).toBeInTheDocument();
    expect(body).not.toHaveTextContent('re:Invent 2017');
    expect(body).not.toHaveTextContent('15 December 2017');
    expect(body.closest('article')).toBe(screen.getByRole('article'));
  });

  it('shows the update date when the post has one', () => {
    render(
      <Post post={{ ...post, updated: '2018-02-01' }} locale="en-GB">
        <p>The body.</p>
      </Post>,
    );
    expect(screen.getByText('1 February 2018')).toHaveAttribute('dateTime', '2018-02-01');
    expect(screen.getByText('1 February 2018').parentElement).toHaveTextContent(/^Updated 1 February 2018$/);
  });

  it('puts beforeBody between the header and the body, and afterBody after the body, in the article', () => {
    const { container } = render(
      <Post post={post} locale="en-GB" beforeBody={<nav aria-label="Contents">TOC</nav>} afterBody={<aside>By Ada</aside>}>
        <p>The body.</p>
      </Post>,
    );
    const article = screen.getByRole('article');
    expect(Array.from(article.children).map((child) => [child.tagName, child.textContent])).toEqual([
      ['HEADER', expect.stringContaining('re:Invent 2017')],
      ['NAV', 'TOC'],
      ['DIV', 'The body.'],
      ['ASIDE', 'By Ada'],
    ]);
    expect(container.querySelector('[data-post-body]')).toHaveTextContent(/^The body\.$/);
  });

  it('puts the contents after beforeBody and before the body, in a wrapper that wide screens lay out beside the text', () => {
    render(
      <Post post={post} locale="en-GB" beforeBody={<nav aria-label="Series">Parts</nav>} contents={<nav aria-label="Contents">TOC</nav>}>
        <p>The body.</p>
      </Post>,
    );
    const children = Array.from(screen.getByRole('article').children);
    expect(children.map((child) => [child.tagName, child.textContent])).toEqual([
      ['HEADER', expect.stringContaining('re:Invent 2017')],
      ['NAV', 'Parts'],
      ['DIV', 'TOC'],
      ['DIV', 'The body.'],
    ]);
    // The wrapper is the column the stylesheet places beside the body on wide screens (e2e/series.test.ts measures it).
    expect(children[2]).toHaveClass('contents');
    expect(children[2].firstElementChild).toBe(screen.getByRole('navigation', { name: 'Contents' }));
  });

  it('has only the header and the body without beforeBody and afterBody', () => {
    render(
      <Post post={post} locale="en-GB">
        <p>The body.</p>
      </Post>,
    );
    expect(Array.from(screen.getByRole('article').children).map((child) => child.tagName)).toEqual(['HEADER', 'DIV']);
  });

  it('leaves out the lead when the post has no excerpt', () => {
    const { container } = render(
      <Post post={{ ...post, excerpt: '' }} locale="en-GB">
        <p>The body.</p>
      </Post>,
    );
    expect(container.querySelector('.lead')).toBeNull();
    expect(container.querySelector('time')).not.toBeNull();
  });

  it('says where a cross-post was first published, by its host, in the header and outside the body', () => {
    render(
      <Post post={{ ...post, canonical: 'https://dev.example.org/me/post?x=<1>' }} locale="en-GB">
        <p>Body</p>
      </Post>,
    );
    const header = screen.getByRole('banner');
    const link = within(header).getByRole('link', { name: 'dev.example.org' });
    expect(link).toHaveAttribute('href', 'https://dev.example.org/me/post?x=<1>');
    expect(link.parentElement).toHaveTextContent(/^Originally published at dev\.example\.org$/);
    expect(document.querySelector('[data-post-body]')).not.toHaveTextContent('Originally');
  });

  it("says where a cross-post was first published in the page's language", () => {
    render(
      <Post post={{ ...post, canonical: 'https://dev.example.org/me/post' }} locale="fr-FR" text={dictionaryOf('fr', 'en')}>
        <p>Body</p>
      </Post>,
    );
    expect(within(screen.getByRole('banner')).getByRole('link', { name: 'dev.example.org' }).parentElement).toHaveTextContent(/^Publié d’abord sur dev\.example\.org$/);
  });

  it('says nothing of an original for a post first published here', () => {
    render(
      <Post post={post} locale="en-GB">
        <p>Body</p>
      </Post>,
    );
    expect(screen.queryByText(/Originally published/)).toBeNull();
  });

  it('for template "page": the title and body, without date line or lead', () => {
    const { container } = render(
      <Post post={page} locale="en-GB">
        <p>About this blog.</p>
      </Post>,
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(/^About$/);
    expect(container.querySelector('time')).toBeNull();
    expect(container.querySelector('.meta')).toBeNull();
    expect(screen.queryByText('15 December 2017')).toBeNull();
    expect(screen.queryByText('Meta')).toBeNull();
    expect(screen.queryByText('#me')).toBeNull();
    expect(screen.queryByText(/min read/)).toBeNull();
    expect(screen.queryByText('Who writes here.')).toBeNull();
    expect(screen.getByText('About this blog.').closest('[data-post-body]')).not.toBeNull();
  });
});
