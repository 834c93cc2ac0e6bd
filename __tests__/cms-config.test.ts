/**
 * The CMS's configuration made from the front matter schema (lib/build/cms-config.ts): each
 * field's widget, required flag and default follow lib/content/schema.ts, and what the CMS
 * writes with them is what the schema accepts.
 */
import { frontMatterSchema } from '../lib/content/schema';
import { cmsConfig, frontMatterFields, type CmsField } from '../lib/build/cms-config';

const fields = frontMatterFields();
const field = (name: string): CmsField => {
  const found = fields.find((entry) => entry.name === name);
  if (!found) throw new Error(`no field ${name}`);
  return found;
};
const settings = { app: 'decap' as const, repo: 'owner/blog', branch: 'main', authBaseUrl: null };

describe('frontMatterFields', () => {
  it('requires what the schema requires, and nothing else', () => {
    expect(fields.filter((entry) => entry.required !== false).map((entry) => entry.name)).toEqual(['title', 'date', 'body']);
    expect(frontMatterSchema.safeParse({ date: '2024-01-01' }).success).toBe(false);
    expect(frontMatterSchema.safeParse({ title: 'x' }).success).toBe(false);
  });

  it('writes dates as the YYYY-MM-DD calendar dates the schema reads, with no time', () => {
    for (const name of ['date', 'updated']) {
      expect(field(name)).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false });
    }
    expect(frontMatterSchema.parse({ title: 'x', date: '2024-06-01' }).date).toBe('2024-06-01');
  });

  it("takes each default and each choice from the schema, and they are values it accepts", () => {
    expect(field('draft')).toMatchObject({ widget: 'boolean', default: false, required: false });
    expect(field('template')).toMatchObject({ widget: 'select', options: ['post', 'page'], default: 'post', required: false });
    expect(field('tags')).toMatchObject({ widget: 'list', default: [], required: false });
    const defaults = Object.fromEntries(fields.filter((entry) => 'default' in entry).map((entry) => [entry.name, entry.default]));
    expect(frontMatterSchema.parse({ title: 'x', date: '2024-06-01', ...defaults })).toMatchObject({ draft: false, template: 'post', tags: [] });
    for (const option of field('template').options as string[]) expect(frontMatterSchema.safeParse({ title: 'x', date: '2024-06-01', template: option }).success).toBe(true);
  });

  it('offers every field of the schema but its aliases, and the body', () => {
    const aliases = ['lastmod', 'description', 'coverImage', 'redirect_from', 'author'];
    expect(fields.map((entry) => entry.name)).toEqual([...Object.keys(frontMatterSchema.shape).filter((name) => !aliases.includes(name)), 'body']);
    expect(field('excerpt').widget).toBe('text');
    expect(field('cover').widget).toBe('image');
    expect(field('category').widget).toBe('string');
    expect(field('canonical').widget).toBe('string');
    expect(field('aliases').widget).toBe('list');
  });
});

describe('cmsConfig', () => {
  it('writes posts as folder posts in posts/, their images beside them', () => {
    const [posts] = cmsConfig({ siteUrl: 'https://blog.example', cms: settings }).collections as Record<string, unknown>[];
    expect(posts).toMatchObject({ folder: 'posts', path: '{{slug}}/index', media_folder: '', public_folder: '', extension: 'md', format: 'frontmatter', create: true });
  });

  it('names the GitHub repository, and the local backend only when given one', () => {
    const published = cmsConfig({ siteUrl: 'https://blog.example', cms: { ...settings, authBaseUrl: 'https://auth.example' } });
    expect(published.backend).toEqual({ name: 'github', repo: 'owner/blog', branch: 'main', base_url: 'https://auth.example' });
    expect(published).not.toHaveProperty('local_backend');
    expect(cmsConfig({ siteUrl: 'https://blog.example', cms: settings, localBackendApi: 'http://127.0.0.1:8081/api/v1' }).local_backend).toEqual({ url: 'http://127.0.0.1:8081/api/v1' });
  });
});
