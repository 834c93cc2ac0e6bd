import type { ReactNode } from 'react';
import { render, screen, within } from '@testing-library/react';
import { site } from '../../../lib/config/site';
import { oneLanguagePage } from '../../../__tests__/helpers/page-language';
import { AuthorIndexTemplate } from './AuthorIndexTemplate';

// next/head only collects its children for Next's document; render them in place instead.
jest.mock('next/head', () => ({ __esModule: true, default: ({ children }: { children: ReactNode }) => <>{children}</> }));

const author = (id: string, name: string, count: number) => ({ id, name, bio: `${name} writes.`, url: `/authors/${id}/`, avatar: null, links: [], count });

describe('AuthorIndexTemplate', () => {
  it('lists every author in order, each linking their page, with their number of posts, under the one h1', () => {
    render(<AuthorIndexTemplate menu={[]} language={oneLanguagePage} authors={[author('folio', 'Folio Author', 3), author('ada', 'Ada Reviewer', 1)]} />);
    const main = screen.getByRole('main');
    expect(within(main).getAllByRole('heading', { level: 1 }).map((heading) => heading.textContent)).toEqual(['Authors']);
    const items = within(main).getAllByRole('listitem');
    expect(items.map((item) => [within(item).getByRole('link').textContent, within(item).getByRole('link').getAttribute('href'), item.textContent?.match(/\d+ posts?/)?.[0]])).toEqual([
      ['Folio Author', '/authors/folio/', '3 posts'],
      ['Ada Reviewer', '/authors/ada/', '1 post'],
    ]);
    expect(document.title).toBe(`Authors | ${site.title}`);
    expect(document.querySelector('link[rel="canonical"]')).toHaveAttribute('href', `${site.url}/authors/`);
  });
});
