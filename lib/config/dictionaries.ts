/**
 * The interface text of the site, one dictionary per language (docs/i18n.md): everything a
 * page says that is not a post's or the settings'. English is complete and is the type; any
 * other language may leave a string out, which its pages then show in the default language,
 * and the build warns naming the language and the key (`missingStrings`). `{name}` in a string
 * is filled in where it is shown (`fillIn`).
 */

const en = {
  skipToContent: 'Skip to content',
  mainMenu: 'Main',
  languages: 'Languages',
  elsewhere: 'Elsewhere',
  latestPosts: 'Latest posts',
  pagination: 'Pagination',
  newerPosts: 'Newer posts',
  olderPosts: 'Older posts',
  pageOf: 'Page {page} of {pages}',
  titlePage: '{title}, page {page} of {pages}',
  postsTagged: 'Posts tagged “{name}”',
  postsTaggedDescription: 'Every post tagged “{name}”, newest first.',
  postsInCategory: 'Posts in {name}',
  postsInCategoryDescription: 'Every post in the category {name}, newest first.',
  tagsDescription: 'Every tag, with its number of posts.',
  categoriesDescription: 'Every category, with its number of posts.',
  noTags: 'No tags yet.',
  noCategories: 'No categories yet.',
  notFoundDescription: 'There is no page at this address.',
  contents: 'Contents',
  minRead: '{minutes} min read',
  updated: 'Updated',
  tagsLabel: 'Tags:',
  previousAndNext: 'Previous and next posts',
  previousPost: 'Previous post',
  nextPost: 'Next post',
  relatedPosts: 'Related posts',
  noPosts: 'No posts yet.',
  tags: 'Tags',
  categories: 'Categories',
  archive: 'Archive',
  search: 'Search',
  notFound: 'Page not found',
  notFoundText: 'There is no page at this address. It may have moved, or the link may be mistyped.',
  notFoundLink: 'Go to the latest posts',
  darkTheme: 'Dark theme',
};

/** The English text: complete, and what a component shows when given none (its tests, a site of one language). */
export const ENGLISH: Readonly<Dictionary> = en;

/** Every interface string, by key. */
export type Dictionary = typeof en;
export type DictionaryKey = keyof Dictionary;

const fr: Partial<Dictionary> = {
  skipToContent: 'Aller au contenu',
  mainMenu: 'Principal',
  languages: 'Langues',
  elsewhere: 'Ailleurs',
  latestPosts: 'Derniers articles',
  pagination: 'Pagination',
  newerPosts: 'Articles plus récents',
  olderPosts: 'Articles plus anciens',
  pageOf: 'Page {page} sur {pages}',
  titlePage: '{title}, page {page} sur {pages}',
  postsTagged: 'Articles étiquetés « {name} »',
  postsTaggedDescription: 'Tous les articles étiquetés « {name} », du plus récent au plus ancien.',
  postsInCategory: 'Articles dans {name}',
  postsInCategoryDescription: 'Tous les articles de la catégorie {name}, du plus récent au plus ancien.',
  tagsDescription: "Toutes les étiquettes, avec leur nombre d'articles.",
  categoriesDescription: "Toutes les catégories, avec leur nombre d'articles.",
  noTags: "Aucune étiquette pour l'instant.",
  noCategories: "Aucune catégorie pour l'instant.",
  notFoundDescription: "Il n'y a pas de page à cette adresse.",
  contents: 'Sommaire',
  minRead: '{minutes} min de lecture',
  updated: 'Mis à jour le',
  tagsLabel: 'Étiquettes :',
  previousAndNext: 'Articles précédent et suivant',
  previousPost: 'Article précédent',
  nextPost: 'Article suivant',
  relatedPosts: 'Articles liés',
  noPosts: 'Aucun article pour le moment.',
  tags: 'Étiquettes',
  categories: 'Catégories',
  archive: 'Archives',
  search: 'Recherche',
  notFound: 'Page introuvable',
  notFoundText: "Il n'y a pas de page à cette adresse. Elle a peut-être été déplacée, ou le lien est mal saisi.",
  notFoundLink: 'Voir les derniers articles',
  darkTheme: 'Thème sombre',
};

const ar: Partial<Dictionary> = {
  skipToContent: 'انتقل إلى المحتوى',
  mainMenu: 'الرئيسية',
  languages: 'اللغات',
  elsewhere: 'في أماكن أخرى',
  latestPosts: 'أحدث المقالات',
  pagination: 'ترقيم الصفحات',
  newerPosts: 'مقالات أحدث',
  olderPosts: 'مقالات أقدم',
  pageOf: 'الصفحة {page} من {pages}',
  titlePage: '{title}، الصفحة {page} من {pages}',
  postsTagged: 'مقالات موسومة «{name}»',
  postsTaggedDescription: 'كل المقالات الموسومة «{name}»، الأحدث أولًا.',
  postsInCategory: 'مقالات في {name}',
  postsInCategoryDescription: 'كل المقالات في تصنيف {name}، الأحدث أولًا.',
  tagsDescription: 'كل الوسوم، مع عدد مقالاتها.',
  categoriesDescription: 'كل التصنيفات، مع عدد مقالاتها.',
  noTags: 'لا وسوم بعد.',
  noCategories: 'لا تصنيفات بعد.',
  notFoundDescription: 'لا توجد صفحة بهذا العنوان.',
  contents: 'المحتويات',
  minRead: '{minutes} دقائق قراءة',
  updated: 'حُدّث في',
  tagsLabel: 'الوسوم:',
  previousAndNext: 'المقال السابق والتالي',
  previousPost: 'المقال السابق',
  nextPost: 'المقال التالي',
  relatedPosts: 'مقالات ذات صلة',
  noPosts: 'لا مقالات بعد.',
  tags: 'الوسوم',
  categories: 'التصنيفات',
  archive: 'الأرشيف',
  search: 'بحث',
  notFound: 'الصفحة غير موجودة',
  notFoundText: 'لا توجد صفحة بهذا العنوان. ربما نُقلت، أو أن الرابط مكتوب خطأ.',
  notFoundLink: 'اذهب إلى أحدث المقالات',
  darkTheme: 'المظهر الداكن',
};

/** The dictionaries Folio ships, by language code; a language's code with a region (`fr-ca`) uses its language's (`fr`). */
export const DICTIONARIES: Readonly<Record<string, Partial<Dictionary>>> = { en, fr, ar };

/** The dictionary of `code` as shipped, or of its language without the region; an empty one for a language Folio has none for. */
const shipped = (code: string): Partial<Dictionary> => DICTIONARIES[code] ?? DICTIONARIES[code.split('-')[0]] ?? {};

/** The strings the dictionary of `code` lacks, which its pages show in the language `fallback` (the site's default). */
export const missingStrings = (code: string): DictionaryKey[] => (Object.keys(en) as DictionaryKey[]).filter((key) => shipped(code)[key] === undefined);

/** The complete dictionary of `code`: its own strings, the default language's (`fallback`) where it has none, then English. */
export const dictionaryOf = (code: string, fallback: string): Dictionary => ({ ...en, ...shipped(fallback), ...shipped(code) });

/** `text` with each `{name}` replaced by `values[name]`: `fillIn('Page {page} of {pages}', { page: 2, pages: 3 })`. */
export const fillIn = (text: string, values: Record<string, string | number>): string => text.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
