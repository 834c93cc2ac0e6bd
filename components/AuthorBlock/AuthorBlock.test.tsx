import { render, screen, within } from '@testing-library/react';
import { AuthorBlock } from './AuthorBlock';

describe('AuthorBlock', () => {
  it('is a section named "About the author" with the name and bio', () => {
    render(<AuthorBlock author={{ name: 'Ada Author', bio: 'Writes about caches.' }} />);
    const section = screen.getByRole('region', { name: 'About the author' });
    expect(within(section).getByRole('heading', { level: 2 })).toHaveTextContent(/^About the author$/);
    expect(within(section).getByText('Ada Author')).toHaveClass('name');
    expect(within(section).getByText('Writes about caches.')).toHaveClass('bio');
  });
});
