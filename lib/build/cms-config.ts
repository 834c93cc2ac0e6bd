/**
 * The CMS's configuration (`admin/config.yml`, lib/build/admin.ts), made from the front matter
 * schema (lib/content/schema.ts): each field's widget follows its kind in the schema (a
 * calendar date, text, a boolean, a choice, a list), and whether it is required and its default
 * come from the schema too. So the CMS asks for what the build checks, and cannot write a post
 * the build rejects for its front matter: a date is written as `YYYY-MM-DD`, `title` must be
 * given, `draft` is a boolean, `template` one of its values. What the schema cannot say (a
 * field's label and hint, that an excerpt is a paragraph and a cover an image) is in
 * `FIELD_PRESENTATION`, which must name every field of the schema (the type checker sees to it).
 */
import type { z } from 'zod';
import { calendarDate, frontMatterSchema } from '../content/schema';
import type { CmsSettings } from '../integrations/cms';

/** One field of a Decap collection, as `config.yml` gives it. */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  default?: unknown;
  hint?: string;
  [option: string]: unknown;
}

type FieldName = keyof typeof frontMatterSchema.shape;

/**
 * How the CMS shows each front matter field: its label and hint, and a widget where the
 * schema's kind is not enough (`text` for a paragraph, `image` for an image path, `string`
 * for a URL the schema checks). A field
 * that is another name for one shown (`lastmod` for `updated`) is `aliasOf` it: the CMS does
 * not offer it, and keeps it in a post that has it.
 */
const FIELD_PRESENTATION: Record<FieldName, { label: string; hint?: string; widget?: 'string' | 'text' | 'image' } | { aliasOf: FieldName }> = {
  title: { label: 'Title' },
  date: { label: 'Date', hint: 'The day the post is dated. A date after today holds the post back until a build on that day.' },
  updated: { label: 'Updated', hint: 'When the post last changed meaningfully.' },
  lastmod: { aliasOf: 'updated' },
  excerpt: { label: 'Excerpt', widget: 'text', hint: 'The lead paragraph and meta description; the body\'s first paragraph when left empty.' },
  description: { aliasOf: 'excerpt' },
  template: { label: 'Template', hint: '"page" makes an About-style page at /<name>/, in the menu and out of the post lists.' },
  slug: { label: 'URL name', hint: 'The post\'s URL name when it should not be the folder\'s.' },
  draft: { label: 'Draft', hint: 'A draft is shown by npm run dev and npm run cms, and left out of the published site.' },
  lang: { label: 'Language', hint: 'The code of one of the site\'s languages; else the language of its folder (posts/fr/), else the default one.' },
  translationKey: { label: 'Translation key', hint: 'The same key in each translation of a post links them; else the file name does.' },
  category: { label: 'Category' },
  tags: { label: 'Tags', hint: 'Comma-separated.' },
  socialImage: { label: 'Social image', widget: 'image', hint: 'The image a link to the post is shared with; one is drawn when left empty.' },
  cover: { label: 'Cover image', widget: 'image' },
  coverImage: { aliasOf: 'cover' },
  aliases: { label: 'Old URLs', hint: 'The URLs this post had before, such as /2019/01/old-name/: each one redirects here.' },
  redirect_from: { aliasOf: 'aliases' },
  canonical: { label: 'First published at', widget: 'string', hint: 'For a post first published elsewhere: that URL, which its canonical link then names.' },
  series: { label: 'Series', hint: 'The name of the series this post is a part of; its parts link each other.' },
  seriesOrder: { label: 'Part number', hint: 'Its place in the series, from 1; parts without one follow in date order.' },
  featured: { label: 'Featured', hint: 'Shown in the featured section at the top of the home page.' },
  author: { aliasOf: 'authors' },
  authors: { label: 'Authors', hint: 'The ids of its authors, from the site settings, comma-separated; the site\'s first author when left empty.' },
};

/** A zod schema's definition, as much of it as the widgets need (zod 4's `def`). */
interface SchemaDef {
  type: string;
  innerType?: z.ZodType;
  defaultValue?: unknown;
  entries?: Record<string, string>;
  in?: z.ZodType;
  out?: z.ZodType;
}

const defOf = (schema: z.ZodType) => schema.def as unknown as SchemaDef;

/** What the schema says of one field: whether it may be left out, its default, and its value's kind. */
function describe(schema: z.ZodType): { required: boolean; default?: unknown; value: z.ZodType } {
  let value = schema;
  let required = true;
  let fallback: unknown;
  for (let def = defOf(value); ; def = defOf(value)) {
    if ((def.type === 'optional' || def.type === 'default') && def.innerType) {
      required = false;
      if (def.type === 'default') fallback = def.defaultValue;
      value = def.innerType;
    } else if (def.type === 'pipe' && def.in && defOf(def.in).type === 'transform' && def.out) {
      // A preprocessed field (tags): what the CMS writes is what the preprocessing hands on.
      value = def.out;
    } else {
      return { required, ...(fallback === undefined ? {} : { default: fallback }), value };
    }
  }
}

/** The widget, and its options, for a value of the schema `value`; throws for a kind the CMS has no widget for. */
function widgetFor(name: string, value: z.ZodType): Record<string, unknown> {
  if (value === calendarDate) {
    // A calendar date, stored as the build reads it: no time, no time zone to move the day.
    return { widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false, picker_utc: true };
  }
  const def = defOf(value);
  if (def.type === 'string') return { widget: 'string' };
  if (def.type === 'boolean') return { widget: 'boolean' };
  // Whole numbers from 1 are the only numbers front matter has (seriesOrder).
  if (def.type === 'number') return { widget: 'number', value_type: 'int', min: 1 };
  if (def.type === 'enum' && def.entries) return { widget: 'select', options: Object.values(def.entries) };
  if (def.type === 'array') return { widget: 'list' };
  throw new Error(`The CMS has no widget for the front matter field "${name}" (a ${def.type} in lib/content/schema.ts): add one in lib/build/cms-config.ts`);
}

/** The collection's fields, in the schema's order, then the body. */
export function frontMatterFields(): CmsField[] {
  const fields: CmsField[] = [];
  for (const [name, schema] of Object.entries(frontMatterSchema.shape) as [FieldName, z.ZodType][]) {
    const presentation = FIELD_PRESENTATION[name];
    if ('aliasOf' in presentation) continue;
    const { required, default: fallback, value } = describe(schema);
    const widget = presentation.widget ? { widget: presentation.widget } : widgetFor(name, value);
    fields.push({
      name,
      label: presentation.label,
      ...widget,
      // A field with a default is not required: a post written without it (most have no `template`) must stay savable.
      required,
      ...(fallback === undefined ? {} : { default: fallback }),
      ...(presentation.hint ? { hint: presentation.hint } : {}),
    } as CmsField);
  }
  fields.push({ name: 'body', label: 'Body', widget: 'markdown' });
  return fields;
}

/** Where the CMS's own configuration differs: the site, the settings' `cms`, and the local backend for `npm run cms`. */
export interface CmsConfigOptions {
  siteUrl: string;
  cms: CmsSettings;
  /** The local backend's API (`decap-server`), for the development admin page only. */
  localBackendApi?: string | null;
}

/**
 * The whole configuration: the GitHub backend (with the local backend in development), one
 * folder collection of posts written as `posts/<name>/index.md` with their images beside them,
 * and the fields from the schema.
 */
export function cmsConfig({ siteUrl, cms, localBackendApi = null }: CmsConfigOptions): Record<string, unknown> {
  return {
    backend: {
      name: 'github',
      ...(cms.repo ? { repo: cms.repo } : {}),
      branch: cms.branch,
      ...(cms.authBaseUrl ? { base_url: cms.authBaseUrl } : {}),
    },
    ...(localBackendApi ? { local_backend: { url: localBackendApi } } : {}),
    site_url: siteUrl,
    display_url: siteUrl,
    // The media library's own folder; a post's images go beside it (the collection's folders below).
    media_folder: 'public/images',
    public_folder: '/images',
    collections: [
      {
        name: 'posts',
        label: 'Posts',
        label_singular: 'Post',
        folder: 'posts',
        create: true,
        // A new post is a folder post, its images beside it; posts written as posts/<name>.md are listed and edited where they are.
        path: '{{slug}}/index',
        slug: '{{slug}}',
        media_folder: '',
        public_folder: '',
        extension: 'md',
        format: 'frontmatter',
        summary: '{{title}} ({{date}})',
        sortable_fields: ['date', 'title', 'category'],
        view_filters: [{ label: 'Drafts', field: 'draft', pattern: true }],
        fields: frontMatterFields(),
      },
    ],
  };
}
