import { render, screen, within } from '@testing-library/react';
import { TermList } from './TermList';
import { dictionaryOf } from '../../lib/config/dictionaries';

describe('TermList', () => {
  it('links every term to its page, with its number of posts', () => {
    render(
      <TermList
        terms={[
          { name: 'aws', url: '/tags/aws/', count: 3 },
          { name: '中文', url: '/tags/%E4%B8%AD%E6%96%87/', count: 1 },
        ]}
        emptyText="No tags yet."
      />,
    );
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual(['aws 3 posts', '中文 1 post']);
    expect(within(items[0]).getByRole('link', { name: 'aws' })).toHaveAttribute('href', '/tags/aws/');
    expect(within(items[1]).getByRole('link', { name: '中文' })).toHaveAttribute('href', '/tags/%E4%B8%AD%E6%96%87/');
  });

  it('says so when there are none', () => {
    render(<TermList terms={[]} emptyText="No categories yet." />);
    expect(screen.getByText('No categories yet.')).toBeInTheDocument();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it("counts each term's posts in the page's language", () => {
    const terms = [{ name: 'aws', url: '/tags/aws/', count: 2 }];
    const { unmount } = render(<TermList terms={terms} emptyText="" locale="fr-FR" text={dictionaryOf('fr', 'en')} />);
    expect(screen.getByRole('listitem')).toHaveTextContent(/^aws 2 articles$/);
    unmount();
    render(<TermList terms={terms} emptyText="" locale="ar-EG" text={dictionaryOf('ar', 'en')} />);
    expect(screen.getByRole('listitem')).toHaveTextContent(/^aws مقالان$/);
  });
});
