import fs from 'node:fs';
import path from 'node:path';
import type { ReactElement } from 'react';
import { screen, within } from '@testing-library/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { commentsEmbed } from '../../lib/integrations/integrations';
import { COMMENTS_LOADER_PATH } from '../../lib/routes/table';
import { Comments } from './Comments';
import { dictionaryOf } from '../../lib/config/dictionaries';

const giscus = commentsEmbed({ provider: 'giscus', repo: 'owner/blog', repoId: 'R_kgDOabc', category: 'Comments', categoryId: 'DIC_kwDOabc', theme: { light: 'light_tritanopia', dark: 'dark_dimmed' } });
const utterances = commentsEmbed({ provider: 'utterances', repo: 'owner/blog', label: 'comments' });

/** Scripts the page carries that load from the comments providers. */
const providerScripts = () => [...document.querySelectorAll<HTMLScriptElement>('script[src]')].filter((script) => /giscus|utteranc/.test(script.getAttribute('src') ?? ''));

/**
 * Puts `element`'s server-rendered HTML in the page, as the exported site serves it: pages
 * ship no React runtime, so the markup and the loader are all a reader's browser has.
 */
function render(element: ReactElement) {
  const container = document.createElement('div');
  container.innerHTML = renderToStaticMarkup(element);
  document.body.append(container);
}

// The real loader (public/comments.js), run once in this page as a browser runs it: its
// click listener on the document then serves every section rendered below.
beforeAll(() => {
  const loader = fs.readFileSync(path.join(__dirname, '..', '..', 'public', COMMENTS_LOADER_PATH), 'utf8');
  window.matchMedia = (query: string) => ({ matches: false, media: query }) as MediaQueryList;
  new Function(loader)();
});

afterEach(() => {
  document.body.replaceChildren();
  delete document.documentElement.dataset.theme;
});

describe('Comments', () => {
  it('shows a button, the link to the discussion and what the button loads, and loads nothing from the provider', () => {
    render(<Comments comments={giscus} />);
    const section = screen.getByRole('region', { name: 'Comments' });
    expect(within(section).getByRole('heading', { level: 2, name: 'Comments' })).toBeInTheDocument();
    expect(within(section).getByRole('button', { name: 'Show comments' })).toHaveAttribute('type', 'button');
    expect(within(section).getByRole('link', { name: 'GitHub Discussions' })).toHaveAttribute('href', 'https://github.com/owner/blog/discussions');
    expect(section).toHaveTextContent('Showing them loads giscus from giscus.app');
    expect(providerScripts()).toEqual([]);
    // The loader is the section's only script: same-origin and deferred.
    const scripts = section.querySelectorAll('script');
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toHaveAttribute('src', COMMENTS_LOADER_PATH);
    expect(scripts[0]).toHaveAttribute('defer');
  });

  it('links utterances readers to the repository issues', () => {
    render(<Comments comments={utterances} />);
    const section = screen.getByRole('region', { name: 'Comments' });
    expect(within(section).getByRole('link', { name: 'GitHub Issues' })).toHaveAttribute('href', 'https://github.com/owner/blog/issues');
    expect(section).toHaveTextContent('Showing them loads utterances from utteranc.es');
  });

  it('carries the provider settings as JSON for the loader', () => {
    render(<Comments comments={giscus} />);
    const section = screen.getByRole('region', { name: 'Comments' });
    expect(JSON.parse(section.dataset.comments!)).toEqual({ scriptSrc: 'https://giscus.app/client.js', attributes: giscus.attributes, themeAttribute: 'data-theme', themes: giscus.themes });
  });

  it('on click, loads giscus with its settings and the light theme, and moves focus to the heading', () => {
    render(<Comments comments={giscus} />);
    const section = screen.getByRole('region', { name: 'Comments' });
    within(section).getByRole('button', { name: 'Show comments' }).click();

    const [script] = providerScripts();
    expect(providerScripts()).toHaveLength(1);
    expect(script.getAttribute('src')).toBe('https://giscus.app/client.js');
    expect(script.closest('[data-comments-thread]')).not.toBeNull();
    // The attributes themselves are checked in __tests__/integrations.test.ts (commentsEmbed).
    expect(Object.fromEntries([...script.attributes].filter((attribute) => attribute.name.startsWith('data-')).map((attribute) => [attribute.name, attribute.value]))).toEqual({
      ...giscus.attributes,
      'data-repo': 'owner/blog',
      'data-theme': 'light_tritanopia',
    });
    expect(script).toHaveAttribute('crossorigin', 'anonymous');
    expect(script.async).toBe(true);
    expect(within(section).queryByRole('button')).toBeNull();
    expect(document.activeElement).toBe(within(section).getByRole('heading', { name: 'Comments' }));
  });

  it("passes the dark theme when the reader's toggle chose dark", () => {
    document.documentElement.dataset.theme = 'dark';
    render(<Comments comments={utterances} />);
    screen.getByRole('button', { name: 'Show comments' }).click();
    const [script] = providerScripts();
    expect(script.getAttribute('src')).toBe('https://utteranc.es/client.js');
    expect(script).toHaveAttribute('theme', 'github-dark');
    expect(script).toHaveAttribute('repo', 'owner/blog');
    expect(script).toHaveAttribute('issue-term', 'pathname');
    expect(script).toHaveAttribute('label', 'comments');
  });

  it('says so when the provider cannot be reached', () => {
    render(<Comments comments={giscus} />);
    const section = screen.getByRole('region', { name: 'Comments' });
    screen.getByRole('button', { name: 'Show comments' }).click();
    providerScripts()[0].dispatchEvent(new Event('error'));
    expect(section.querySelector('[data-comments-thread]')).toHaveTextContent('The comments could not be loaded. The link above leads to them.');
  });

  it('loads each section once, and only the one whose button was clicked', () => {
    render(
      <>
        <Comments comments={giscus} />
        <Comments comments={utterances} />
      </>,
    );
    const [first, second] = screen.getAllByRole('region', { name: 'Comments' });
    within(second).getByRole('button', { name: 'Show comments' }).click();
    expect(providerScripts().map((script) => script.getAttribute('src'))).toEqual(['https://utteranc.es/client.js']);
    expect(within(first).getByRole('button', { name: 'Show comments' })).toBeInTheDocument();
  });

  it("says everything in the page's language, the button, the link and the provider's name kept", () => {
    render(<Comments comments={giscus} text={dictionaryOf('fr', 'en')} />);
    const section = screen.getByRole('region', { name: 'Commentaires' });
    expect(within(section).getByRole('button', { name: 'Afficher les commentaires' })).toBeInTheDocument();
    expect(section).toHaveTextContent('La discussion de cet article a lieu sur GitHub Discussions.');
    expect(within(section).getByRole('link', { name: 'GitHub Discussions' })).toHaveAttribute('href', 'https://github.com/owner/blog/discussions');
    expect(section).toHaveTextContent('Les afficher charge giscus depuis giscus.app');
    document.body.replaceChildren();
    render(<Comments comments={utterances} text={dictionaryOf('ar', 'en')} />);
    const arabic = screen.getByRole('region', { name: 'التعليقات' });
    expect(within(arabic).getByRole('button', { name: 'اعرض التعليقات' })).toBeInTheDocument();
    expect(arabic).toHaveTextContent('عرضها يحمّل utterances من utteranc.es');
  });
});
