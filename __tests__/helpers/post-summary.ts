import type { PostSummary, Term } from '../../lib/content/types';
import { slugify } from '../../lib/content/slug';

export const tag = (name: string): Term => ({ name, slug: slugify(name), url: `/tags/${encodeURIComponent(slugify(name))}/` });
export const category = (name: string): Term => ({ name, slug: slugify(name), url: `/categories/${encodeURIComponent(slugify(name))}/` });

/** A post summary as the content index makes it, with `overrides` applied. */
export function postSummary(overrides: Partial<PostSummary> & { slug: string }): PostSummary {
  return {
    url: `/posts/${overrides.slug}/`,
    template: 'post',
    title: overrides.slug,
    date: '2017-12-15',
    updated: null,
    readingMinutes: 3,
    excerpt: '',
    category: null,
    tags: [],
    draft: false,
    scheduled: false,
    cover: null,
    socialImage: null,
    canonical: null,
    authors: [{ id: 'folio-author', name: 'Folio Author', url: '/authors/folio-author/' }],
    lang: 'en',
    ...overrides,
  };
}
