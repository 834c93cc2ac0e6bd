/**
 * @jest-environment node
 *
 * The languages setting, the route table's language prefix and reserved codes, and the
 * dictionaries' fallback: what a site in several languages is made of, without a build.
 */
import { settingsSchema } from '../lib/config/schema';
import { resolveLanguages } from '../lib/config/site';
import { DICTIONARIES, dictionaryOf, fillIn, fillInParts, missingStrings, plural, readingArrows } from '../lib/config/dictionaries';
import { inLanguage, isSearchPagePath, PAGE_ROUTES, reservedSlugProblem } from '../lib/routes/table';
import { headersFor } from '../lib/export/headers';
import { settings } from '../lib/config/settings';

const withoutLanguage = Object.fromEntries(Object.entries(settings).filter(([field]) => field !== 'language' && field !== 'dateLocale'));
const withLanguages = (languages: unknown) => ({ ...withoutLanguage, languages });
const problems = (value: unknown) => settingsSchema.safeParse(value).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];

const english = { code: 'en', name: 'English', dateLocale: 'en-GB', default: true };
const french = { code: 'fr', name: 'Français', dateLocale: 'fr-FR' };

describe('the languages setting', () => {
  it('takes the site languages in place of language and dateLocale, the default first', () => {
    const checked = settingsSchema.parse(withLanguages([french, { ...english }]));
    expect(resolveLanguages(checked).map(({ code, dir, default: isDefault }) => [code, dir, isDefault])).toEqual([
      ['en', 'ltr', true],
      ['fr', 'ltr', false],
    ]);
  });

  it('gives a site of one language its one language, with no direction, as before', () => {
    expect(resolveLanguages(settingsSchema.parse(settings))).toEqual([{ code: 'en', name: 'en', dir: null, dateLocale: 'en-GB', default: true }]);
  });

  it.each([
    [[french], ['languages: must mark exactly one language `default: true`, not 0']],
    [[english, { ...french, default: true }], ['languages: must mark exactly one language `default: true`, not 2']],
    [[english, { ...english, default: false }], ['languages.1.code: "en" is listed twice']],
    [[english, { ...french, code: 'tags' }], ['languages.1.code: "tags" is not a language code: write one like "en", "fr" or "pt-br", in lower case']],
    [[english, { ...french, code: 'FR' }], ['languages.1.code: "FR" is not a language code: write one like "en", "fr" or "pt-br", in lower case']],
    [[english, { ...french, dir: 'up' }], [expect.stringMatching(/^languages\.1\.dir: /)]],
  ])('refuses %j, naming the field', (languages, expected) => {
    expect(problems(withLanguages(languages))).toEqual(expected);
  });

  it('refuses both language and languages, and neither', () => {
    expect(problems({ ...settings, languages: [english] })).toEqual(["language: is each language's in `languages`: remove it", "dateLocale: is each language's in `languages`: remove it"]);
    expect(problems(withoutLanguage)).toEqual(["language: is required, unless `languages` lists the site's languages", "dateLocale: is required, unless `languages` lists the site's languages"]);
  });
});

describe('menu labels', () => {
  const withMenu = (label: unknown, base: object = withLanguages([english, french])) => ({ ...base, menu: [{ label, href: '/tags/' }] });

  it('take one label for every language, or one per language with the default language’s', () => {
    expect(problems(withMenu('Tags'))).toEqual([]);
    expect(settingsSchema.parse(withMenu({ en: 'Tags', fr: 'Étiquettes' })).menu).toEqual([{ label: { en: 'Tags', fr: 'Étiquettes' }, href: '/tags/' }]);
    expect(problems(withMenu({ en: 'Tags' }, settings))).toEqual([]);
  });

  it("refuse a label in a language the site does not have, one without the default language's, and an empty one", () => {
    expect(problems(withMenu({ en: 'Tags', de: 'Schlagwörter' }))).toEqual(["menu.0.label.de: is not one of the site's languages (en, fr)"]);
    expect(problems(withMenu({ fr: 'Étiquettes' }))).toEqual(['menu.0.label: has no label in the default language, "en", which the languages without one show']);
    expect(problems(withMenu({ fr: 'Étiquettes' }, settings))).toEqual(["menu.0.label.fr: is not one of the site's languages (en)", 'menu.0.label: has no label in the default language, "en", which the languages without one show']);
    expect(problems(withMenu({ en: 'Tags', fr: ' ' }))).toEqual(['menu.0.label.fr: must not be empty']);
  });
});

describe('routes in a language', () => {
  it('keeps the default language at the root and puts another under its code', () => {
    expect(inLanguage(null, PAGE_ROUTES.post.path('hello'))).toBe('/posts/hello/');
    expect(inLanguage('fr', PAGE_ROUTES.post.path('hello'))).toBe('/fr/posts/hello/');
    expect(inLanguage('ar', PAGE_ROUTES.home.path())).toBe('/ar/');
    expect(inLanguage('fr', PAGE_ROUTES.tag.path('c++'))).toBe('/fr/tags/c%2B%2B/');
  });

  it("reserves the other languages' codes at the root only", () => {
    const codes = new Set(['fr', 'ar']);
    expect(reservedSlugProblem('/fr/', codes)).toBe('/fr/ is a path the build writes itself');
    expect(reservedSlugProblem('/fr/')).toBeNull();
    expect(reservedSlugProblem('/posts/fr/', codes)).toBeNull();
    expect(reservedSlugProblem('/tags/ar/', codes)).toBeNull();
  });
});

describe("each language's search page", () => {
  it('is a search page, whose policy lets its script and Pagefind run', () => {
    expect(['/search/', '/fr/search/', '/pt-br/search/?q=x'].map(isSearchPagePath)).toEqual([true, true, true]);
    expect(['/posts/search/', '/tags/search/', '/fr/tags/search/', '/research/'].map(isSearchPagePath)).toEqual([false, false, false, false]);
    const scriptSrc = (sitePath: string) => /script-src ([^;]+)/.exec(headersFor(sitePath, { themeScriptHashes: [] })['Content-Security-Policy'])![1];
    expect(scriptSrc('/ar/search/')).toBe(scriptSrc('/search/'));
    expect(scriptSrc('/ar/search/')).toContain("'self'");
    expect(scriptSrc('/ar/')).not.toContain("'self'");
  });
});

describe('dictionaries', () => {
  it('ship English complete, and French and Arabic with every string', () => {
    expect(missingStrings('en')).toEqual([]);
    expect(missingStrings('fr')).toEqual([]);
    expect(missingStrings('ar')).toEqual([]);
    expect(Object.keys(DICTIONARIES).sort()).toEqual(['ar', 'en', 'fr']);
  });

  it("fill a string a language lacks from the default language's, and a language without a dictionary entirely", () => {
    expect(missingStrings('de')).toEqual(Object.keys(DICTIONARIES.en));
    expect(dictionaryOf('de', 'fr').contents).toBe('Sommaire');
    expect(dictionaryOf('de', 'en').contents).toBe('Contents');
    // A code with a region uses its language's dictionary.
    expect(dictionaryOf('fr-ca', 'en').contents).toBe('Sommaire');
  });

  it('fill in their placeholders', () => {
    expect(fillIn(dictionaryOf('fr', 'en').pageOf, { page: 2, pages: 3 })).toBe('Page 2 sur 3');
    expect(fillIn(dictionaryOf('en', 'en').minRead, { minutes: 4 })).toBe('4 min read');
    expect(fillIn('{missing} stays', {})).toBe('{missing} stays');
  });

  it('cut a string at its placeholders for markup to go in, in the order the language puts them', () => {
    const link = { href: '/series/x/' };
    expect(fillInParts(dictionaryOf('en', 'en').seriesPart, { part: 2, parts: 4, name: link })).toEqual(['Part ', 2, ' of ', 4, ' in the series ', link]);
    expect(fillInParts('{names}, {missing}', { names: link })).toEqual([link, ', ', '{missing}']);
  });

  it("count in each language's plural forms and digits, the other form where it gives no form of its own", () => {
    const { postCount } = dictionaryOf('ar', 'en');
    expect([0, 1, 2, 3, 11, 100].map((count) => plural(postCount, count, 'ar-EG'))).toEqual(['لا مقالات', 'مقال واحد', 'مقالان', '٣ مقالات', '١١ مقالًا', '١٠٠ مقال']);
    expect([1, 2, 1200].map((count) => plural(dictionaryOf('en', 'en').postCount, count, 'en-GB'))).toEqual(['1 post', '2 posts', '1,200 posts']);
    // French counts 0 and 1 as one; Arabic's series description has the other form alone.
    expect(plural(dictionaryOf('fr', 'en').resultCount, 0, 'fr-FR', { query: 'x' })).toBe('0 article correspond à « x ».');
    expect(plural(dictionaryOf('ar', 'en').seriesDescription, 2, 'ar-EG', { name: 'س' })).toBe('أجزاء سلسلة «س» بالترتيب، وعددها ٢.');
  });

  it('point the arrows of previous and next the way the page reads', () => {
    expect(readingArrows('ltr')).toEqual({ back: '←', forward: '→' });
    expect(readingArrows(null)).toEqual({ back: '←', forward: '→' });
    expect(readingArrows('rtl')).toEqual({ back: '→', forward: '←' });
  });
});
