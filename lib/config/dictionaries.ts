/**
 * The interface text of the site, one dictionary per language (docs/i18n.md): everything a
 * page says that is not a post's or the settings'. English is complete and is the type; any
 * other language may leave a string out, which its pages then show in the default language,
 * and the build warns naming the language and the key (`missingStrings`). `{name}` in a string
 * is filled in where it is shown (`fillIn`, or `fillInParts` when a value is markup, a link);
 * a string that counts something has a form per plural category of the language (`plural`).
 */

/**
 * A counted string's forms, by the `Intl.PluralRules` category of the count in the page's
 * locale (`one`, `two`, `few`, `many`, `zero`), `other` for any category it does not give.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

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
  featured: 'Featured',
  seriesPart: 'Part {part} of {parts} in the series {name}',
  seriesHeading: 'Series: {name}',
  seriesDescription: { one: 'The {count} part of the series “{name}”.', other: 'The {count} parts of the series “{name}”, in order.' } as PluralForms,
  seriesIndex: 'Series',
  seriesIndexDescription: 'Every series, with its number of parts.',
  noSeries: 'No series yet.',
  partCount: { one: '{count} part', other: '{count} parts' } as PluralForms,
  archiveDescription: 'Every post on {site}, by year.',
  searchDescription: 'Search the posts on {site}.',
  searchLabel: 'Search the posts',
  searchButton: 'Search',
  searchNoScript: 'Search needs JavaScript, which is off in this browser. {archive} lists every post by year.',
  searchNoScriptArchive: 'The archive',
  searchResults: 'Search results',
  moreResults: 'More results',
  searching: 'Searching for “{query}”…',
  noResults: 'No posts match “{query}”.',
  resultCount: { one: '{count} post matches “{query}”.', other: '{count} posts match “{query}”.' } as PluralForms,
  searchFailed: 'Search could not load. Check the connection and try again.',
  byline: 'By {names}',
  aboutAuthor: 'About the author',
  aboutAuthors: 'About the authors',
  authorElsewhere: '{name} elsewhere',
  postCount: { one: '{count} post', other: '{count} posts' } as PluralForms,
  authors: 'Authors',
  authorsDescription: 'Every author of the site, with their number of posts.',
  postsBy: 'Posts by {name}',
  postsByDescription: 'Every post by {name}, newest first.',
  editPost: 'Edit this post',
  editPage: 'Edit this page',
  originallyPublished: 'Originally published at {link}',
  draft: 'Draft',
  scheduled: 'Scheduled',
  comments: 'Comments',
  commentsDiscussion: 'The discussion of this post is on {link}.',
  showComments: 'Show comments',
  commentsPrivacy: 'Showing them loads {provider} from {host}, which lets it and GitHub see this visit.',
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
  featured: 'À la une',
  seriesPart: 'Partie {part} sur {parts} de la série {name}',
  seriesHeading: 'Série : {name}',
  seriesDescription: { one: 'La {count} partie de la série « {name} ».', other: 'Les {count} parties de la série « {name} », dans l’ordre.' },
  seriesIndex: 'Séries',
  seriesIndexDescription: 'Toutes les séries, avec leur nombre de parties.',
  noSeries: "Aucune série pour l'instant.",
  partCount: { one: '{count} partie', other: '{count} parties' },
  archiveDescription: 'Tous les articles de {site}, par année.',
  searchDescription: 'Rechercher dans les articles de {site}.',
  searchLabel: 'Rechercher dans les articles',
  searchButton: 'Rechercher',
  searchNoScript: 'La recherche a besoin de JavaScript, désactivé dans ce navigateur. {archive} liste tous les articles par année.',
  searchNoScriptArchive: 'Les archives',
  searchResults: 'Résultats de la recherche',
  moreResults: 'Plus de résultats',
  searching: 'Recherche de « {query} »…',
  noResults: 'Aucun article ne correspond à « {query} ».',
  resultCount: { one: '{count} article correspond à « {query} ».', other: '{count} articles correspondent à « {query} ».' },
  searchFailed: 'La recherche n’a pas pu se charger. Vérifiez la connexion et réessayez.',
  byline: 'Par {names}',
  aboutAuthor: 'À propos de l’auteur',
  aboutAuthors: 'À propos des auteurs',
  authorElsewhere: '{name} ailleurs',
  postCount: { one: '{count} article', other: '{count} articles' },
  authors: 'Auteurs',
  authorsDescription: 'Tous les auteurs du site, avec leur nombre d’articles.',
  postsBy: 'Articles de {name}',
  postsByDescription: 'Tous les articles de {name}, du plus récent au plus ancien.',
  editPost: 'Modifier cet article',
  editPage: 'Modifier cette page',
  originallyPublished: 'Publié d’abord sur {link}',
  draft: 'Brouillon',
  scheduled: 'Programmé',
  comments: 'Commentaires',
  commentsDiscussion: 'La discussion de cet article a lieu sur {link}.',
  showComments: 'Afficher les commentaires',
  commentsPrivacy: 'Les afficher charge {provider} depuis {host}, ce qui lui permet, ainsi qu’à GitHub, de voir cette visite.',
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
  featured: 'مقالات مميزة',
  seriesPart: 'الجزء {part} من {parts} في سلسلة {name}',
  seriesHeading: 'سلسلة: {name}',
  seriesDescription: { other: 'أجزاء سلسلة «{name}» بالترتيب، وعددها {count}.' },
  seriesIndex: 'السلاسل',
  seriesIndexDescription: 'كل السلاسل، مع عدد أجزائها.',
  noSeries: 'لا سلاسل بعد.',
  partCount: { zero: 'لا أجزاء', one: 'جزء واحد', two: 'جزآن', few: '{count} أجزاء', many: '{count} جزءًا', other: '{count} جزء' },
  archiveDescription: 'كل المقالات في {site}، حسب السنة.',
  searchDescription: 'ابحث في مقالات {site}.',
  searchLabel: 'ابحث في المقالات',
  searchButton: 'ابحث',
  searchNoScript: 'يحتاج البحث إلى JavaScript، وهو معطّل في هذا المتصفح. {archive} يسرد كل المقالات حسب السنة.',
  searchNoScriptArchive: 'الأرشيف',
  searchResults: 'نتائج البحث',
  moreResults: 'مزيد من النتائج',
  searching: 'جارٍ البحث عن «{query}»…',
  noResults: 'لا مقالات تطابق «{query}».',
  resultCount: {
    zero: 'لا مقالات تطابق «{query}».',
    one: 'مقال واحد يطابق «{query}».',
    two: 'مقالان يطابقان «{query}».',
    few: '{count} مقالات تطابق «{query}».',
    many: '{count} مقالًا يطابق «{query}».',
    other: '{count} مقال يطابق «{query}».',
  },
  searchFailed: 'تعذّر تحميل البحث. تحقّق من الاتصال وحاول مجددًا.',
  byline: 'بقلم {names}',
  aboutAuthor: 'عن الكاتب',
  aboutAuthors: 'عن الكتّاب',
  authorElsewhere: '{name} في أماكن أخرى',
  postCount: { zero: 'لا مقالات', one: 'مقال واحد', two: 'مقالان', few: '{count} مقالات', many: '{count} مقالًا', other: '{count} مقال' },
  authors: 'الكتّاب',
  authorsDescription: 'كل كتّاب الموقع، مع عدد مقالاتهم.',
  postsBy: 'مقالات {name}',
  postsByDescription: 'كل مقالات {name}، الأحدث أولًا.',
  editPost: 'عدّل هذا المقال',
  editPage: 'عدّل هذه الصفحة',
  originallyPublished: 'نُشر أولًا في {link}',
  draft: 'مسودة',
  scheduled: 'مجدول',
  comments: 'التعليقات',
  commentsDiscussion: 'النقاش حول هذا المقال على {link}.',
  showComments: 'اعرض التعليقات',
  commentsPrivacy: 'عرضها يحمّل {provider} من {host}، ما يتيح له ولـ GitHub رؤية هذه الزيارة.',
};

/** The dictionaries Folio ships, by language code; a language's code with a region (`fr-ca`) uses its language's (`fr`). */
export const DICTIONARIES: Readonly<Record<string, Partial<Dictionary>>> = { en, fr, ar };

/** The dictionary of `code` as shipped, or of its language without the region; an empty one for a language Folio has none for. */
const shipped = (code: string): Partial<Dictionary> => DICTIONARIES[code] ?? DICTIONARIES[code.split('-')[0]] ?? {};

/** The strings the dictionary of `code` lacks, which its pages show in the language `fallback` (the site's default). */
export const missingStrings = (code: string): DictionaryKey[] => (Object.keys(en) as DictionaryKey[]).filter((key) => shipped(code)[key] === undefined);

/** The complete dictionary of `code`: its own strings, the default language's (`fallback`) where it has none, then English. */
export const dictionaryOf = (code: string, fallback: string): Dictionary => ({ ...en, ...shipped(fallback), ...shipped(code) });

/**
 * The arrows of "← Previous" and "Next →", pointing the way the page reads: back is to the
 * left on a left-to-right page, to the right on a right-to-left one (arrows are not mirrored
 * by the browser, as brackets are).
 */
export const readingArrows = (dir: 'ltr' | 'rtl' | null): { back: string; forward: string } => (dir === 'rtl' ? { back: '→', forward: '←' } : { back: '←', forward: '→' });

/** `text` with each `{name}` replaced by `values[name]`: `fillIn('Page {page} of {pages}', { page: 2, pages: 3 })`. */
export const fillIn = (text: string, values: Record<string, string | number>): string => text.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));

/**
 * `text` cut at its placeholders, each replaced by its value, which may be markup: `fillInParts('By {names}', { names: <a…/> })`
 * is `['By ', <a…/>]`, for a component to render in order. The empty strings between placeholders are left out.
 */
export function fillInParts<Value>(text: string, values: Record<string, Value>): (string | Value)[] {
  return text
    .split(/(\{\w+\})/)
    .map((part) => (/^\{\w+\}$/.test(part) && part.slice(1, -1) in values ? values[part.slice(1, -1)] : part))
    .filter((part) => part !== '');
}

/** The form of `forms` for `count` in `locale`, with `{count}` (written in the locale's digits) and `values` filled in. */
export function plural(forms: PluralForms, count: number, locale: string, values: Record<string, string | number> = {}): string {
  const form = forms[new Intl.PluralRules(locale).select(count)] ?? forms.other;
  return fillIn(form, { ...values, count: new Intl.NumberFormat(locale).format(count) });
}
