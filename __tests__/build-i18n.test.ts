/**
 * @jest-environment node
 *
 * A site in three languages (__tests__/fixtures/i18n/: English at the root, French under /fr/,
 * Arabic right to left under /ar/), built with the real build, its out/ read: the routes of
 * every language, each page's lang and dir, its hreflang alternates, the switcher's targets,
 * the interface text from each language's dictionary and the fallback's warning, and the
 * sitemap's alternates, each language's 404.html and the `_redirects` rules that serve it. Then
 * a site of one language, built before languages existed and now,
 * gives the same files.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as hastToString } from 'hast-util-to-string';
import { buildSiteAtRef, makeSiteCopy, removeSiteCopy, runBuild } from '../scripts/build-site';
import { filesUnder } from '../lib/node/files';
import { buildSite, removeBuiltSites } from './helpers/build-site';
import { I18N_MENU_LABELS, I18N_POSTS, giveI18nSettings } from './helpers/i18n-site';

jest.setTimeout(900_000);

const run = promisify(execFile);
const SITE_URL = 'https://folio.example.com';
const EDIT_URL = 'https://github.com/owner/blog/edit/main/';
const ARABIC_SERIES_SLUG = 'الذاكرة-الموقتة';
/** An old URL the test gives the French post `seconde`: its 301 goes before the languages' 404 rules in `_redirects`. */
const FRENCH_OLD_URL = '/fr/2024/ancien.html';

let out: string;
let buildOutput: string;
const madeHere: string[] = [];

afterAll(() => {
  for (const siteDir of madeHere) removeSiteCopy(siteDir);
  removeBuiltSites();
});

const page = (sitePath: string): Root => {
  const file = path.join(out, sitePath, 'index.html');
  expect({ sitePath, exported: fs.existsSync(file) }).toEqual({ sitePath, exported: true });
  return fromHtml(fs.readFileSync(file, 'utf8').replaceAll('<!-- -->', ''));
};
const htmlOf = (tree: Root) => select('html', tree)!.properties;
const alternatesOf = (tree: Root) => Object.fromEntries(selectAll('head link[rel="alternate"][hreflang]', tree).map((link) => [String(link.properties.hrefLang), String(link.properties.href)]));
/** The sitemap's entries: each page's URL and its `xhtml:link` alternates, by hreflang. */
const sitemapEntries = () =>
  [...fs.readFileSync(path.join(out, 'sitemap.xml'), 'utf8').matchAll(/<url>([\s\S]*?)<\/url>/g)].map(([, entry]) => ({
    loc: /<loc>([^<]+)<\/loc>/.exec(entry)![1],
    alternates: Object.fromEntries([...entry.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map(([, lang, href]) => [lang, href])),
  }));
const switcherOf = (tree: Root) =>
  selectAll('nav[aria-label] a[hreflang]', tree).map((link) => ({ lang: link.properties.hrefLang, href: link.properties.href, current: link.properties.ariaCurrent ?? null, name: hastToString(link) }));

describe('a site in three languages', () => {
  beforeAll(async () => {
    const siteDir = makeSiteCopy(I18N_POSTS, 'build-i18n');
    madeHere.push(siteDir);
    giveI18nSettings(siteDir);
    // Arabic without its "Related posts": its pages fall back to English, with a warning.
    const dictionaries = path.join(siteDir, 'lib', 'config', 'dictionaries.ts');
    const arabicRelated = "  relatedPosts: 'مقالات ذات صلة',\n";
    const source = fs.readFileSync(dictionaries, 'utf8');
    if (!source.includes(arabicRelated)) throw new Error('the Arabic dictionary no longer has the string this test removes');
    fs.writeFileSync(dictionaries, source.replace(arabicRelated, ''));
    const settingsFile = path.join(siteDir, 'lib', 'config', 'settings.ts');
    const settings = fs.readFileSync(settingsFile, 'utf8');
    if (!settings.includes('  editUrl: null,\n')) throw new Error('the settings no longer set editUrl: null, which this test replaces');
    fs.writeFileSync(settingsFile, settings.replace('  editUrl: null,\n', `  editUrl: '${EDIT_URL}',\n`));
    const frenchPost = path.join(siteDir, 'posts', 'fr', 'seconde.md');
    fs.writeFileSync(frenchPost, fs.readFileSync(frenchPost, 'utf8').replace('translationKey: second\n', `translationKey: second\naliases: [${FRENCH_OLD_URL}]\n`));
    buildOutput = await runBuild(siteDir);
    out = path.join(siteDir, 'out');
    await run(process.execPath, ['--import', 'tsx', 'scripts/finish-export.ts', out], { cwd: siteDir });
  });

  it('exports every route of each language, the default at the root and the others under their code', () => {
    const pages = filesUnder(out)
      .map((file) => path.relative(out, file).split(path.sep).join('/'))
      .filter((file) => file.endsWith('index.html') && !file.startsWith('_next') && !file.startsWith('admin'))
      .map((file) => `/${file.slice(0, -'index.html'.length)}`)
      .sort();
    expect(pages).toEqual(
      [
        '/', '/404/', '/about/', '/archive/', '/categories/', '/categories/notes/', '/posts/english-only/', '/posts/hello/', '/posts/second/', '/search/', '/tags/', '/tags/caching/', '/tags/queues/',
        '/fr/', '/fr/404/', '/fr/a-propos/', '/fr/archive/', '/fr/categories/', '/fr/categories/notes/', '/fr/posts/hello/', '/fr/posts/seconde/', '/fr/search/', '/fr/series/', '/fr/series/caches-et-files/', '/fr/tags/', '/fr/tags/caching/', '/fr/tags/queues/',
        '/ar/', '/ar/404/', '/ar/archive/', '/ar/categories/', '/ar/posts/hello/', '/ar/posts/notes/', '/ar/search/', '/ar/series/', `/ar/series/${ARABIC_SERIES_SLUG}/`, '/ar/tags/', '/ar/tags/caching/',
        // The sample settings' two authors: their pages are at the root alone, whatever the language.
        '/authors/', '/authors/ada-reviewer/', '/authors/folio-author/',
      ].sort(),
    );
  });

  it('gives each page its language and direction', () => {
    for (const [sitePath, lang, dir] of [
      ['/', 'en', 'ltr'],
      ['/posts/hello/', 'en', 'ltr'],
      ['/fr/', 'fr', 'ltr'],
      ['/fr/tags/caching/', 'fr', 'ltr'],
      ['/ar/', 'ar', 'rtl'],
      ['/ar/posts/hello/', 'ar', 'rtl'],
      ['/ar/404/', 'ar', 'rtl'],
    ]) {
      expect({ sitePath, ...htmlOf(page(sitePath)) }).toMatchObject({ sitePath, lang, dir });
    }
  });

  it('links each translation of a post with hreflang, and the default language as x-default', () => {
    const hello = { en: `${SITE_URL}/posts/hello/`, fr: `${SITE_URL}/fr/posts/hello/`, ar: `${SITE_URL}/ar/posts/hello/`, 'x-default': `${SITE_URL}/posts/hello/` };
    for (const sitePath of ['/posts/hello/', '/fr/posts/hello/', '/ar/posts/hello/']) expect({ sitePath, alternates: alternatesOf(page(sitePath)) }).toEqual({ sitePath, alternates: hello });
    // Linked by translationKey: second.md and seconde.md; Arabic has none.
    expect(alternatesOf(page('/fr/posts/seconde/'))).toEqual({ en: `${SITE_URL}/posts/second/`, fr: `${SITE_URL}/fr/posts/seconde/`, 'x-default': `${SITE_URL}/posts/second/` });
    expect(alternatesOf(page('/fr/a-propos/'))).toEqual({ en: `${SITE_URL}/about/`, fr: `${SITE_URL}/fr/a-propos/`, 'x-default': `${SITE_URL}/about/` });
    // A page every language has: the archive in each.
    expect(alternatesOf(page('/ar/archive/'))).toEqual({ en: `${SITE_URL}/archive/`, fr: `${SITE_URL}/fr/archive/`, ar: `${SITE_URL}/ar/archive/`, 'x-default': `${SITE_URL}/archive/` });
  });

  it("switches to the page's translation, or to that language's home page, the current language marked", () => {
    expect(switcherOf(page('/fr/posts/seconde/'))).toEqual([
      { lang: 'en', href: '/posts/second/', current: null, name: 'English' },
      { lang: 'fr', href: '/fr/posts/seconde/', current: 'page', name: 'Français' },
      { lang: 'ar', href: '/ar/', current: null, name: 'العربية' },
    ]);
    expect(switcherOf(page('/tags/queues/')).map((link) => link.href)).toEqual(['/tags/queues/', '/fr/tags/queues/', '/ar/']);
    expect(switcherOf(page('/ar/posts/hello/')).map((link) => [link.href, link.current])).toEqual([['/posts/hello/', null], ['/fr/posts/hello/', null], ['/ar/posts/hello/', 'page']]);
  });

  it("lists each language's own posts, and links each post's previous, next and related posts in its language", () => {
    const titles = (tree: Root, selector: string) => selectAll(selector, tree).map((link) => hastToString(link).trim());
    expect(titles(page('/'), 'main h2 a')).toEqual(['Hello, caches', 'A second look at queues', 'Only in English']);
    expect(titles(page('/fr/'), 'main h2 a')).toEqual(['Bonjour, les caches', 'Un second regard sur les files']);
    expect(titles(page('/ar/tags/caching/'), 'main h2 a')).toEqual(['مرحبا بالذاكرة المؤقتة']);
    expect(selectAll('nav[aria-label="Articles précédent et suivant"] a', page('/fr/posts/hello/')).map((link) => link.properties.href)).toEqual(['/fr/posts/seconde/']);
    // The section headed "Related posts" (the author block after the body is a section too).
    const relatedSection = selectAll('section[aria-labelledby]', page('/posts/hello/')).find((section) => hastToString(select('h2', section)!) === 'Related posts')!;
    const related = selectAll('li a', relatedSection).map((link) => link.properties.href);
    expect(related).toEqual(['/posts/english-only/']);
  });

  it("shows each language's interface text, the default language's where a dictionary lacks a string, and warns naming both", () => {
    const frenchPost = page('/fr/posts/hello/');
    expect(hastToString(select('a[href="#main"]', frenchPost)!)).toBe('Aller au contenu');
    expect(hastToString(select('main article header p', frenchPost)!)).toContain('1 min de lecture');
    expect(hastToString(select('main article header time', frenchPost)!)).toBe('2 mars 2024');
    const arabicPost = page('/ar/posts/hello/');
    expect(hastToString(select('a[href="#main"]', arabicPost)!)).toBe('انتقل إلى المحتوى');
    expect(hastToString(select('main article header time', arabicPost)!)).toBe(new Intl.DateTimeFormat('ar-EG', { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 2, 3)));
    expect(hastToString(select('h1', page('/ar/tags/'))!)).toBe('الوسوم');
    expect(select('title', page('/fr/tags/caching/'))!.children).toEqual([expect.objectContaining({ value: 'Articles étiquetés « caching » | Folio' })]);
    expect(buildOutput).toContain('Warning: lib/config/dictionaries.ts: the "ar" dictionary has no "relatedPosts": its pages show the "en" text');
    expect(buildOutput.match(/dictionary has no/g)).toHaveLength(1);
  });

  it("says in each language's words what was English before: series, featured posts, search, authors, the edit link, the menu", () => {
    const text = (tree: Root, selector: string) => hastToString(select(selector, tree)!).trim();
    const french = page('/fr/posts/hello/');
    const arabic = page('/ar/posts/hello/');
    // The series' part line names the navigation of its parts.
    expect(text(french, 'nav[aria-labelledby] > p')).toBe('Partie 2 sur 2 de la série Caches et files');
    expect(select('nav[aria-labelledby] > p a', french)!.properties.href).toBe('/fr/series/caches-et-files/');
    expect(text(arabic, 'nav[aria-labelledby] > p')).toBe('الجزء 1 من 1 في سلسلة الذاكرة المؤقتة');
    expect(text(page('/fr/series/caches-et-files/'), 'h1')).toBe('Série : Caches et files');
    const arabicSeries = page(`/ar/series/${ARABIC_SERIES_SLUG}/`);
    expect(text(arabicSeries, 'h1')).toBe('سلسلة: الذاكرة المؤقتة');
    expect(select('meta[name="description"]', arabicSeries)!.properties.content).toBe('أجزاء سلسلة «الذاكرة المؤقتة» بالترتيب، وعددها ١.');
    // The featured section, above the home page's h1.
    expect(text(page('/fr/'), 'main section h2')).toBe('À la une');
    expect(text(page('/ar/'), 'main section h2')).toBe('مقالات مميزة');
    // The author block, the byline (the sample settings have two authors) and the edit link.
    expect(text(french, 'article > section[aria-labelledby] h2')).toBe('À propos de l’auteur');
    expect(text(arabic, 'article > section[aria-labelledby] h2')).toBe('عن الكاتب');
    expect(text(french, 'article header p:has(a[rel="author"])')).toBe('Par Folio Author');
    expect(text(french, `a[href="${EDIT_URL}posts/fr/hello.md"]`)).toBe('Modifier cet article');
    expect(text(arabic, `a[href="${EDIT_URL}posts/ar/hello.md"]`)).toBe('عدّل هذا المقال');
    // Previous and next: right to left, the arrow back points right.
    expect(text(french, 'nav[aria-label="Articles précédent et suivant"] a')).toBe('← Article précédent Un second regard sur les files');
    expect(text(page('/ar/posts/notes/'), 'nav[aria-label="المقال السابق والتالي"] a')).toBe('المقال التالي ← مرحبا بالذاكرة المؤقتة');
    // The search page: its form, and the messages its script writes.
    for (const [lang, heading, label, button, noResults] of [
      ['fr', 'Recherche', 'Rechercher dans les articles', 'Rechercher', 'Aucun article ne correspond à « {query} ».'],
      ['ar', 'بحث', 'ابحث في المقالات', 'ابحث', 'لا مقالات تطابق «{query}».'],
    ]) {
      const search = page(`/${lang}/search/`);
      expect({ lang, heading: text(search, 'h1'), label: text(search, 'form label'), button: text(search, 'form button'), noResults: JSON.parse(String(select('form', search)!.properties.dataSearchText)).noResults }).toEqual({ lang, heading, label, button, noResults });
    }
    // The menu's labels, given per language in the settings, and an author's page (in the default language).
    for (const lang of ['en', 'fr', 'ar']) {
      const home = page(lang === 'en' ? '/' : `/${lang}/`);
      expect({ lang, menu: selectAll('header nav[aria-label] > ul > li > a', home).slice(0, 4).map((link) => hastToString(link)) }).toEqual({ lang, menu: Object.values(I18N_MENU_LABELS).map((labels) => labels[lang]) });
    }
    expect(text(page('/authors/folio-author/'), 'h1')).toBe('Posts by Folio Author');
  });

  it('has a series index only in the languages with a series, in their words, linking each other as translations', () => {
    // English, the default language, has no series: no /series/, and nothing links it.
    expect(fs.existsSync(path.join(out, 'series', 'index.html'))).toBe(false);
    const entries = (tree: Root) => selectAll('main li', tree).map((item) => [hastToString(item).replace(/\s+/g, ' ').trim(), select('a', item)!.properties.href]);
    const french = page('/fr/series/');
    expect(hastToString(select('h1', french)!)).toBe('Séries');
    expect(select('title', french)!.children).toEqual([expect.objectContaining({ value: 'Séries | Folio' })]);
    expect(select('meta[name="description"]', french)!.properties.content).toBe('Toutes les séries, avec leur nombre de parties.');
    expect(entries(french)).toEqual([['Caches et files 2 parties', '/fr/series/caches-et-files/']]);
    const arabic = page('/ar/series/');
    expect(htmlOf(arabic)).toMatchObject({ lang: 'ar', dir: 'rtl' });
    expect(hastToString(select('h1', arabic)!)).toBe('السلاسل');
    expect(entries(arabic)).toEqual([['الذاكرة المؤقتة جزء واحد', `/ar/series/${encodeURIComponent(ARABIC_SERIES_SLUG)}/`]]);
    // hreflang: French and Arabic only, and no x-default, as the default language has no series index.
    const alternates = { fr: `${SITE_URL}/fr/series/`, ar: `${SITE_URL}/ar/series/` };
    for (const tree of [french, arabic]) expect(alternatesOf(tree)).toEqual(alternates);
    expect(switcherOf(french).map((link) => [link.lang, link.href])).toEqual([['en', '/'], ['fr', '/fr/series/'], ['ar', '/ar/series/']]);
    const inSitemap = sitemapEntries().filter((entry) => entry.loc.endsWith('/series/'));
    expect(inSitemap).toEqual([
      { loc: `${SITE_URL}/fr/series/`, alternates },
      { loc: `${SITE_URL}/ar/series/`, alternates },
    ]);
  });

  it("writes each language's feeds with its own posts: the default's at the root, the others' under their code", () => {
    const rssTitles = (file: string) => [...fs.readFileSync(path.join(out, file), 'utf8').matchAll(/<item>\s*<title>([^<]+)<\/title>/g)].map(([, title]) => title);
    expect(rssTitles('rss.xml')).toEqual(['Hello, caches', 'A second look at queues', 'Only in English']);
    expect(rssTitles('fr/rss.xml')).toEqual(['Bonjour, les caches', 'Un second regard sur les files']);
    expect(fs.readFileSync(path.join(out, 'fr', 'rss.xml'), 'utf8')).toContain('<language>fr</language>');
    expect(fs.readFileSync(path.join(out, 'ar', 'atom.xml'), 'utf8')).toMatch(/xml:lang="ar"[\s\S]*<title>مرحبا بالذاكرة المؤقتة<\/title>/);
    const json = JSON.parse(fs.readFileSync(path.join(out, 'ar', 'feed.json'), 'utf8')) as { language: string; feed_url: string; items: { url: string }[] };
    expect(json).toMatchObject({ language: 'ar', feed_url: `${SITE_URL}/ar/feed.json`, items: [{ url: `${SITE_URL}/ar/posts/hello/` }, { url: `${SITE_URL}/ar/posts/notes/` }] });
    const feedLinks = selectAll('head link[rel="alternate"][type]', page('/fr/')).map((link) => link.properties.href);
    expect(feedLinks).toEqual(['/fr/rss.xml', '/fr/atom.xml', '/fr/feed.json']);
  });

  it("writes each language's 404 page where hosts look for it, in its language and direction: 404.html, fr/404.html, ar/404.html", () => {
    for (const [file, lang, dir, heading] of [
      ['404.html', 'en', 'ltr', 'Page not found'],
      ['fr/404.html', 'fr', 'ltr', 'Page introuvable'],
      ['ar/404.html', 'ar', 'rtl', 'الصفحة غير موجودة'],
    ]) {
      const html = fs.readFileSync(path.join(out, file), 'utf8');
      const tree = fromHtml(html);
      expect({ file, lang: htmlOf(tree).lang, dir: htmlOf(tree).dir, heading: hastToString(select('main h1', tree)!) }).toEqual({ file, lang, dir, heading });
      expect(html).toBe(fs.readFileSync(path.join(out, path.dirname(file), '404', 'index.html'), 'utf8'));
    }
  });

  it("sends a missing path under each language's folder to its 404 page in _redirects, after the posts' old URLs", () => {
    const rules = fs
      .readFileSync(path.join(out, '_redirects'), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'));
    expect(rules).toEqual([`${FRENCH_OLD_URL} /fr/posts/seconde/ 301!`, `${FRENCH_OLD_URL} /fr/posts/seconde/ 301`, '/fr/* /fr/404.html 404', '/ar/* /ar/404.html 404']);
  });

  it('lists every page of every language in the sitemap, each with its xhtml:link alternates', () => {
    const sitemap = fs.readFileSync(path.join(out, 'sitemap.xml'), 'utf8');
    const entries = sitemapEntries();
    expect(entries.map((entry) => entry.loc)).toEqual(expect.arrayContaining([`${SITE_URL}/fr/posts/hello/`, `${SITE_URL}/ar/`, `${SITE_URL}/fr/tags/queues/`]));
    expect(entries.find((entry) => entry.loc === `${SITE_URL}/ar/posts/hello/`)!.alternates).toEqual({
      en: `${SITE_URL}/posts/hello/`,
      fr: `${SITE_URL}/fr/posts/hello/`,
      ar: `${SITE_URL}/ar/posts/hello/`,
      'x-default': `${SITE_URL}/posts/hello/`,
    });
    expect(sitemap).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
  });
});

describe('a site of one language', () => {
  /** The commit before languages were merged, with every other feature of its day (series, authors, term feeds, cards). */
  const BEFORE_LANGUAGES = '12fdad4';
  /**
   * Next's assets and CSS modules' class names are named by hashes of the build and of the
   * stylesheets (`w4rGpG_frame`, `_2X4kFa_frame` when the hash starts with a digit), in pages
   * and in the feeds' bodies: the files compared are the rest, with those hashes taken out,
   * as are React's separators between adjacent texts.
   */
  const withoutBuildHashes = (text: string) =>
    text
      // React separates adjacent text with <!-- --> ("1<!-- --> min read" is now one string): not what a reader sees.
      .replaceAll('<!-- -->', '')
      .replace(/\/_next\/static\/[^"' )]+/g, '/_next/static/…')
      // In a page's class="…", a feed's class=&quot;…&quot; and a JSON Feed's class=\"…\".
      .replace(/(class=(?:"|&quot;|\\"))(.*?)(?="|&quot;|\\")/g, (_, start: string, classes: string) => start + classes.replace(/(^|\s)_?[\w-]{6}_(?=[A-Za-z])/g, '$1…_'));

  /**
   * The changes made on purpose since BEFORE_LANGUAGES, each undone in the files of both builds
   * before they are compared (a change that adds leaves the older files as they are, one that
   * removes takes the same out of them), so any other difference still fails the test.
   */
  const DELIBERATE_CHANGES_SINCE: { commit: string; change: string; undo: (text: string) => string }[] = [
    {
      commit: '66f685d',
      change: 'the page left at an old URL links the site icon under the base path',
      undo: (text) => (text.includes('<title>Moved: ') ? text.replace('<link rel="icon" href="/favicon.ico">', '') : text),
    },
    {
      commit: '6fcaf80',
      change: "the search form carries its script's messages, from the page's dictionary",
      undo: (text) => text.replace(/ data-search-text="[^"]*"/, ''),
    },
    {
      commit: '4b86027',
      change: "the post-export step removes the marks of Next's head manager, which no page runs",
      undo: (text) => text.replaceAll(' data-next-head=""', ''),
    },
    {
      commit: 'c99798c',
      change: 'no twitter:image: X reads og:image',
      undo: (text) => text.replace(/<meta name="twitter:image" content="[^"]*"\/>/g, ''),
    },
  ];

  /**
   * The files added on purpose since BEFORE_LANGUAGES, left out of the newer build's files, and
   * their blocks out of its `_headers`, before they are compared.
   */
  const FILES_ADDED_SINCE: { commit: string; change: string; file: string }[] = [
    { commit: 'e0eecff', change: "the search index lists its parts (none, for this site) for the search page's script", file: 'pagefind/parts.json' },
  ];

  it('exports the same files, with the same contents, as before languages existed', async () => {
    const posts = path.join(__dirname, 'fixtures', 'site', 'posts');
    const [before, now] = [await buildSiteAtRef(BEFORE_LANGUAGES, posts, 'build-i18n-before'), await buildSite(posts, 'build-i18n-now')];
    madeHere.push(path.dirname(before));
    const siteFiles = (dir: string) =>
      filesUnder(dir)
        .map((file) => path.relative(dir, file).split(path.sep).join('/'))
        .filter((file) => !file.startsWith('_next/') && !FILES_ADDED_SINCE.some((added) => added.file === file))
        .sort();
    for (const { file } of FILES_ADDED_SINCE) expect(fs.existsSync(path.join(now, file))).toBe(true);
    expect(siteFiles(now)).toEqual(siteFiles(before));
    for (const file of siteFiles(now).filter((name) => /\.(html|xml|json|txt)$/.test(name) || name === '_headers')) {
      const read = (dir: string) => withoutBuildHashes(fs.readFileSync(path.join(dir, file), 'utf8'));
      const withoutAdded = (text: string) => FILES_ADDED_SINCE.reduce((rest, added) => rest.replace(new RegExp(`^/${added.file.replaceAll('.', '\\.')}\\n(?:  .*\\n)*`, 'm'), ''), text);
      const undone = (dir: string) => DELIBERATE_CHANGES_SINCE.reduce((text, { undo }) => undo(text), withoutAdded(read(dir)));
      expect({ file, contents: undone(now) }).toEqual({ file, contents: undone(before) });
    }
  });
});
