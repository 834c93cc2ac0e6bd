import { screen, within } from '@testing-library/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { SearchForm, type SearchFormProps } from './SearchForm';
import { dictionaryOf } from '../../lib/config/dictionaries';

const props = { searchUrl: '/search/', archiveUrl: '/archive/', scriptUrl: '/search.js' };

/** The page as the export has it: server-rendered markup (React renders no script on the client). */
function render(element: React.ReactElement<SearchFormProps>) {
  const container = document.createElement('div');
  container.innerHTML = renderToStaticMarkup(element);
  document.body.replaceChildren(container);
  return { container };
}

describe('SearchForm', () => {
  it('has one h1 and a labelled search box that submits q to the search page by GET, so a search is a URL', () => {
    render(<SearchForm {...props} />);
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Search');
    const form = screen.getByRole('search');
    expect(form).toHaveAttribute('action', '/search/');
    expect(form).toHaveAttribute('method', 'get');
    const box = within(form).getByRole('searchbox', { name: 'Search the posts' });
    expect(box).toHaveAttribute('name', 'q');
    expect(within(form).getByRole('button', { name: 'Search' })).toHaveAttribute('type', 'submit');
  });

  it('has an empty results region whose status line is announced, and a hidden "More results" button', () => {
    render(<SearchForm {...props} />);
    const region = screen.getByRole('region', { name: 'Search results' });
    const status = region.querySelector('[data-search-status]');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(status).toBeEmptyDOMElement();
    expect(within(region).getByRole('list')).toBeEmptyDOMElement();
    expect(within(region).queryByRole('button', { name: 'More results' })).toBeNull();
    expect(region.querySelector('button[data-search-more]')).toHaveAttribute('hidden');
  });

  it('loads its script as a module from the given URL, and carries no inline script', () => {
    const { container } = render(<SearchForm {...props} scriptUrl="/my-blog/search.js" />);
    const scripts = [...container.querySelectorAll('script')];
    expect(scripts.map((script) => ({ src: script.getAttribute('src'), type: script.getAttribute('type'), text: script.textContent }))).toEqual([{ src: '/my-blog/search.js', type: 'module', text: '' }]);
  });

  it('tells readers without JavaScript that search needs it, and links to the archive', () => {
    // A browser with scripts off shows <noscript> content; jsdom, like a browser with scripts on, does not parse it.
    const html = renderToStaticMarkup(<SearchForm {...props} archiveUrl="/my-blog/archive/" />);
    const noscript = html.match(/<noscript>([\s\S]*?)<\/noscript>/)?.[1] ?? '';
    const message = document.createElement('div');
    message.innerHTML = noscript;
    expect(message).toHaveTextContent(/^Search needs JavaScript, which is off in this browser\. The archive lists every post by year\.$/);
    expect(within(message).getByRole('link', { name: 'The archive' })).toHaveAttribute('href', '/my-blog/archive/');
  });

  it("says everything in the page's language, and gives its script the messages it writes", () => {
    const french = dictionaryOf('fr', 'en');
    render(<SearchForm {...props} text={french} />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(/^Recherche$/);
    const form = screen.getByRole('search');
    expect(within(form).getByRole('searchbox', { name: 'Rechercher dans les articles' })).toBeInTheDocument();
    expect(within(form).getByRole('button', { name: 'Rechercher' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Résultats de la recherche' }).querySelector('[data-search-more]')).toHaveTextContent('Plus de résultats');
    expect(JSON.parse(form.dataset.searchText!)).toEqual({ searching: french.searching, noResults: french.noResults, resultCount: french.resultCount, searchFailed: french.searchFailed });
    expect(JSON.parse(form.dataset.searchText!).noResults).toBe('Aucun article ne correspond à « {query} ».');
    const html = renderToStaticMarkup(<SearchForm {...props} text={dictionaryOf('ar', 'en')} />);
    const message = document.createElement('div');
    message.innerHTML = html.match(/<noscript>([\s\S]*?)<\/noscript>/)?.[1] ?? '';
    expect(message).toHaveTextContent(/^يحتاج البحث إلى JavaScript، وهو معطّل في هذا المتصفح\. الأرشيف يسرد كل المقالات حسب السنة\.$/);
    expect(within(message).getByRole('link', { name: 'الأرشيف' })).toHaveAttribute('href', '/archive/');
  });
});
