import { render, screen, within } from '@testing-library/react';
import { RelMeLinks } from './RelMeLinks';

describe('RelMeLinks', () => {
  it('lists each link as rel="me", in order, in a list named by its label', () => {
    render(<RelMeLinks label="Ada elsewhere" links={[{ label: 'Mastodon', href: 'https://mastodon.social/@ada' }, { label: 'GitHub <b>', href: 'https://github.com/ada' }]} />);
    const list = screen.getByRole('list', { name: 'Ada elsewhere' });
    expect(within(list).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href'), link.getAttribute('rel')])).toEqual([
      ['Mastodon', 'https://mastodon.social/@ada', 'me'],
      ['GitHub <b>', 'https://github.com/ada', 'me'],
    ]);
  });

  it('renders nothing without links', () => {
    const { container } = render(<RelMeLinks label="Ada elsewhere" links={[]} />);
    expect(container).toBeEmptyDOMElement();
  });
});
