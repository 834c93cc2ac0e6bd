import { render, screen, within } from '@testing-library/react';
import { Byline } from './Byline';
import { dictionaryOf } from '../../lib/config/dictionaries';

/** The byline paragraph, found by the text a reader reads in it. */
const byline = () => screen.getByText((_, element) => element?.tagName === 'P' && /^By /.test(element.textContent ?? ''));

const ada = { id: 'ada', name: 'Ada', url: '/authors/ada/' };
const grace = { id: 'grace', name: 'Grace <b>', url: '/authors/grace/' };
const linus = { id: 'linus', name: 'Linus', url: '/authors/linus/' };

describe('Byline', () => {
  it('names one author, linking their page with rel="author"', () => {
    render(<Byline authors={[ada]} locale="en-GB" />);
    expect(byline()).toHaveTextContent(/^By Ada$/);
    expect(within(byline()).getByRole('link', { name: 'Ada' })).toHaveAttribute('rel', 'author');
  });

  it('joins several as the locale does, in their order, each a link', () => {
    render(<Byline authors={[grace, ada, linus]} locale="en-US" />);
    expect(byline()).toHaveTextContent(/^By Grace <b>, Ada, and Linus$/);
    expect(within(byline()).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual(['/authors/grace/', '/authors/ada/', '/authors/linus/']);
  });

  it('names an author with no page as text', () => {
    render(<Byline authors={[{ ...ada, url: null }, grace]} locale="en-GB" />);
    expect(byline()).toHaveTextContent(/^By Ada and Grace <b>$/);
    expect(within(byline()).getAllByRole('link').map((link) => link.textContent)).toEqual(['Grace <b>']);
  });

  it("says who wrote it in the page's language, the names joined as its locale joins them", () => {
    const { container, unmount } = render(<Byline authors={[ada, linus]} locale="fr-FR" text={dictionaryOf('fr', 'en')} />);
    expect(container.querySelector('p')).toHaveTextContent(/^Par Ada et Linus$/);
    unmount();
    const arabic = render(<Byline authors={[ada, linus]} locale="ar-EG" text={dictionaryOf('ar', 'en')} />);
    expect(arabic.container.querySelector('p')).toHaveTextContent(/^بقلم Ada وLinus$/);
    expect(within(arabic.container).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual(['/authors/ada/', '/authors/linus/']);
  });
});
