import { render, screen } from '@testing-library/react';
import { FilledIn } from './FilledIn';

describe('FilledIn', () => {
  it('shows the string with markup where its placeholders are, in the string’s order', () => {
    const { container } = render(
      <p>
        <FilledIn text="{link}, {count} fois" values={{ link: <a href="/x/">X</a>, count: 3 }} />
      </p>,
    );
    expect(container.querySelector('p')!.innerHTML).toBe('<a href="/x/">X</a>, 3 fois');
    expect(screen.getByRole('link', { name: 'X' })).toHaveAttribute('href', '/x/');
  });

  it('writes hostile text in a value as text, never as markup', () => {
    const { container } = render(<FilledIn text="By {names}" values={{ names: '<script>alert(1)</script>' }} />);
    expect(container.querySelector('script')).toBeNull();
    expect(container).toHaveTextContent('By <script>alert(1)</script>');
  });
});
