import { render, screen } from '@testing-library/react';
import { EditLink } from './EditLink';
import { dictionaryOf } from '../../lib/config/dictionaries';

describe('EditLink', () => {
  it('links to the source file, saying what is edited', () => {
    const href = 'https://github.com/owner/repo/edit/main/posts/hello.md';
    render(<EditLink href={href} what="post" />);
    expect(screen.getByRole('link', { name: 'Edit this post' })).toHaveAttribute('href', href);
  });

  it('writes a hostile href as an attribute value, never as markup', () => {
    const href = 'https://example.com/edit/posts/"><script>alert(1)</script>.md';
    const { container } = render(<EditLink href={href} what="page" />);
    expect(container.querySelector('script')).toBeNull();
    expect(screen.getByRole('link', { name: 'Edit this page' })).toHaveAttribute('href', href);
  });

  it("says what is edited in the page's language", () => {
    const href = 'https://github.com/owner/repo/edit/main/posts/fr/hello.md';
    const { unmount } = render(<EditLink href={href} what="post" text={dictionaryOf('fr', 'en')} />);
    expect(screen.getByRole('link', { name: 'Modifier cet article' })).toHaveAttribute('href', href);
    unmount();
    render(<EditLink href={href} what="page" text={dictionaryOf('ar', 'en')} />);
    expect(screen.getByRole('link', { name: 'عدّل هذه الصفحة' })).toHaveAttribute('href', href);
  });
});
