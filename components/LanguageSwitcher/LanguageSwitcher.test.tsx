import { render, screen, within } from '@testing-library/react';
import { LanguageSwitcher } from './LanguageSwitcher';

const links = [
  { lang: 'en', name: 'English', href: '/posts/hello/', translation: true },
  { lang: 'fr', name: 'Français', href: '/fr/posts/hello/', translation: true },
  { lang: 'ar', name: 'العربية', href: '/ar/', translation: false },
];

describe('LanguageSwitcher', () => {
  it('links every language by its own name, in its own language, the current one marked', () => {
    render(<LanguageSwitcher current="fr" links={links} label="Langues" />);
    const nav = screen.getByRole('navigation', { name: 'Langues' });
    const found = within(nav)
      .getAllByRole('link')
      .map((link) => ({ name: link.textContent, href: link.getAttribute('href'), lang: link.getAttribute('lang'), hreflang: link.getAttribute('hreflang'), current: link.getAttribute('aria-current') }));
    expect(found).toEqual([
      { name: 'English', href: '/posts/hello/', lang: 'en', hreflang: 'en', current: null },
      { name: 'Français', href: '/fr/posts/hello/', lang: 'fr', hreflang: 'fr', current: 'page' },
      { name: 'العربية', href: '/ar/', lang: 'ar', hreflang: 'ar', current: null },
    ]);
  });

  it('is links alone: no button, no form, no script', () => {
    const { container } = render(<LanguageSwitcher current="en" links={links} label="Languages" />);
    expect(container.querySelectorAll('button, form, script, select')).toHaveLength(0);
  });
});
