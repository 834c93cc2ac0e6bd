/**
 * @jest-environment node
 *
 * The image each post is shared with: its own cover or social image made into one file, else
 * a card drawn at build time, in every script and direction, with fonts from node_modules; and
 * the head that points link previews and search engines at it.
 */
import fs from 'node:fs';
import type { ReactNode } from 'react';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as hastToString } from 'hast-util-to-string';
import { renderToStaticMarkup } from 'react-dom/server';
import satori from 'satori';
import sharp from 'sharp';
import { Seo } from '../components/Seo/Seo';
import { formatDate } from '../lib/content/dates';
import { loadContent } from '../lib/content/load';
import { type Post } from '../lib/content/types';
import { publishImages, sha256 } from '../lib/images/cache';
import { createImageStore, svgToPng, type ImageStore } from '../lib/images/process';
import { absoluteUrl, site, siteFeeds } from '../lib/config/site';
import { postSocialImage, socialCard, SOCIAL_CARD_SIZE, type SocialCardText } from '../lib/images/social-image';
import { contentErrorOf } from './helpers/content-error';
import { scratchImageStore, writeImage } from './helpers/images';
import { post, writePosts } from './helpers/posts-dir';

// next/head only collects its children for Next's document; render them in place instead.
jest.mock('next/head', () => ({ __esModule: true, default: ({ children }: { children: ReactNode }) => <>{children}</> }));

// satori as it is, recording the layout and options each card is drawn with.
jest.mock('satori', () => {
  const actual = jest.requireActual('satori');
  return { __esModule: true, default: jest.fn((...args: unknown[]) => actual.default(...args)) };
});
const satoriCalls = satori as unknown as jest.Mock<Promise<string>, Parameters<typeof satori>>;
const drawSvg: typeof satori = jest.requireActual('satori').default;

// The SVG each card's PNG is made from.
jest.mock('../lib/images/process', () => {
  const actual = jest.requireActual('../lib/images/process');
  return { ...actual, svgToPng: jest.fn(actual.svgToPng) };
});
const svgToPngCalls = svgToPng as jest.Mock<ReturnType<typeof svgToPng>, Parameters<typeof svgToPng>>;

jest.setTimeout(120_000);

const HOSTILE_TITLE = 'Ends </svg><script>alert(1)</script> & "quotes" <!--';

const postsDir = writePosts({
  'plain.md': post('title: Where the cache hits land\ndate: 2018-03-02'),
  'hostile.md': post(`title: ${JSON.stringify(HOSTILE_TITLE)}\ndate: 2018-03-03`),
  'about.md': post('title: About\ndate: 2018-01-01\ntemplate: page'),
  'with-cover/index.md': post('title: With a cover\ndate: 2018-03-04\ncover: ./cover.jpg'),
  'shared-elsewhere.md': post('title: Shared elsewhere\ndate: 2018-03-05\nsocialImage: https://cdn.example.org/share.png\ncover: /images/unused.png'),
  'public-social.md': post('title: Public social image\ndate: 2018-03-06\nsocialImage: /images/share.png'),
  'missing-cover/index.md': post('title: Missing cover\ndate: 2018-03-07\ncover: ./gone.jpg'),
  'chinese.md': post('title: 中文博客\ndate: 2018-03-09'),
  'thai.md': post('title: ภาษาไทย\ndate: 2018-03-10'),
  'broken-social.md': post('title: Broken social image\ndate: 2018-03-08\nsocialImage: /images/broken.png'),
});

let store: ReturnType<typeof scratchImageStore>;
let posts: Record<string, Post>;

beforeAll(async () => {
  store = scratchImageStore();
  await writeImage(path.join(postsDir, 'with-cover', 'cover.jpg'), 2000, 1000);
  await writeImage(path.join(store.publicDir, 'images', 'share.png'), 800, 400, 'png');
  fs.writeFileSync(path.join(store.publicDir, 'images', 'broken.png'), 'not a PNG');
  const index = loadContent({ dir: postsDir, root: path.dirname(postsDir), includeDrafts: false, keepBroken: false });
  posts = Object.fromEntries([...index.posts, ...index.pages].map((entry) => [entry.sourcePath.replace(/^posts\//, ''), entry]));
});

/** The published file behind a root-relative `/_img/…` URL. */
const published = (url: string) => path.join(store.publicDir, ...url.split('/').filter(Boolean));

/** The image `entry` is shared with, its files published as the prepare step publishes them. */
async function sharedImage(entry: Post, imageStore: ImageStore = store.store) {
  const { image, files } = await postSocialImage(entry, imageStore);
  publishImages(imageStore.dirs, files);
  return image;
}


describe('postSocialImage', () => {
  it('draws a 1200×630 PNG card for a post with no image of its own, and publishes it', async () => {
    const card = await sharedImage(posts['plain.md']);
    expect(card).toEqual({ url: expect.stringMatching(/^\/_img\/card-[0-9a-f]{12}\.png$/), ...SOCIAL_CARD_SIZE });
    const metadata = await sharp(published(card.url)).metadata();
    expect([metadata.format, metadata.width, metadata.height]).toEqual(['png', 1200, 630]);
    // Text was drawn: the card is not one flat colour.
    const { channels } = await sharp(published(card.url)).stats();
    expect(channels[0].min).toBeLessThan(64);
    expect(channels[0].max).toBeGreaterThan(200);
  });

  it('draws each title on its own card, and a page without a date', async () => {
    const [plain, hostile, page] = await Promise.all(['plain.md', 'hostile.md', 'about.md'].map((slug) => sharedImage(posts[slug])));
    expect(new Set([plain.url, hostile.url, page.url]).size).toBe(3);
    const hostileCard = await sharp(published(hostile.url)).metadata();
    expect([hostileCard.width, hostileCard.height]).toEqual([1200, 630]);
  });

  it('draws a hostile title as the text of its characters, never as markup', async () => {
    const hostile = posts['hostile.md'];
    satoriCalls.mockClear();
    svgToPngCalls.mockClear();
    // A cache of its own, so that the card is drawn here.
    await sharedImage(hostile, scratchImageStore().store);
    expect([satoriCalls.mock.calls.length, svgToPngCalls.mock.calls.length]).toEqual([1, 1]);
    const [[layout, options]] = satoriCalls.mock.calls;
    const [[svg]] = svgToPngCalls.mock.calls;
    // What sharp turns into the PNG: satori's shapes and glyph outlines, no element that runs or holds text.
    expect([...new Set([...svg.matchAll(/<([A-Za-z][\w:-]*)/g)].map((match) => match[1]))].sort()).toEqual(['clipPath', 'defs', 'g', 'mask', 'path', 'polygon', 'rect', 'svg']);
    expect(svg).not.toMatch(/alert|quotes/);
    // The same layout drawn with <text> elements instead of outlines: the characters laid out are the title's, every one.
    const asText = fromHtml(await drawSvg(layout, { ...options, embedFont: false }), { fragment: true, space: 'svg' });
    expect(selectAll('text', asText).map(hastToString).join('')).toBe(`${site.title}${HOSTILE_TITLE}${formatDate(hostile.date, site.dateLocale)}`);
  });

  it('shares a post with a Chinese title with its card, and says nothing', async () => {
    const shared = await postSocialImage(posts['chinese.md'], store.store);
    expect(shared).toEqual({ image: { url: expect.stringMatching(/^\/_img\/card-[0-9a-f]{12}\.png$/), ...SOCIAL_CARD_SIZE }, files: [expect.stringMatching(/^card-/)] });
  });

  it('shares a post whose title the card\'s fonts cannot draw (Thai) with the site\'s image, and says so', async () => {
    expect(await postSocialImage(posts['thai.md'], store.store)).toEqual({
      image: { url: site.socialImage, width: null, height: null },
      files: [],
      warnings: [expect.stringMatching(/^posts\/thai\.md: the social card's fonts have no "ภาษไทย"/)],
    });
  });

  it('draws no card when the site turns cards off: a post with no image of its own is shared with the site\'s image', async () => {
    const drawn = () => fs.readdirSync(path.join(store.publicDir, '_img')).filter((file) => file.startsWith('card-')).sort();
    const unchanged = createImageStore(store.store.dirs);
    const cardsBefore = drawn();
    site.socialCards = false;
    try {
      expect(await sharedImage({ ...posts['plain.md'], title: 'A title no card has been drawn for' }, unchanged)).toEqual({ url: site.socialImage, width: null, height: null });
      // A post's own image is still made.
      expect(await sharedImage(posts['public-social.md'], unchanged)).toEqual({ url: expect.stringMatching(/^\/_img\/share-[0-9a-f]{12}-800\.png$/), width: 800, height: 400 });
    } finally {
      site.socialCards = true;
    }
    expect(drawn()).toEqual(cardsBefore);
    expect((await sharedImage({ ...posts['plain.md'], title: 'A title no card has been drawn for' }, unchanged)).url).toMatch(/^\/_img\/card-/);
  });

  it('draws a card once: the next build takes it from the cache', async () => {
    const first = await sharedImage(posts['plain.md']);
    const nextBuild = createImageStore(store.store.dirs);
    expect(await sharedImage(posts['plain.md'], nextBuild)).toEqual(first);
    expect(nextBuild.stats).toEqual({ made: 0, cached: 1 });
  });

  it('makes a cover into one JPEG at most 1200 px wide, and a social image in public/ into one PNG', async () => {
    const cover = await sharedImage(posts['with-cover/index.md']);
    expect(cover).toEqual({ url: expect.stringMatching(/^\/_img\/cover-[0-9a-f]{12}-1200\.jpg$/), width: 1200, height: 600 });
    expect((await sharp(published(cover.url)).metadata()).format).toBe('jpeg');
    const shared = await sharedImage(posts['public-social.md']);
    expect(shared).toEqual({ url: expect.stringMatching(/^\/_img\/share-[0-9a-f]{12}-800\.png$/), width: 800, height: 400 });
  });

  it('leaves a social image on another site where it is, and prefers it to the cover', async () => {
    expect(await sharedImage(posts['shared-elsewhere.md'])).toEqual({ url: 'https://cdn.example.org/share.png', width: null, height: null });
  });

  it('fails on a missing or unreadable image, naming the post, the field and the path', async () => {
    expect((await contentErrorOf(postSocialImage(posts['missing-cover/index.md'], store.store))).message).toBe('posts/missing-cover/index.md:4: cover: image "./gone.jpg" points to a file that does not exist in missing-cover/');
    expect((await contentErrorOf(postSocialImage(posts['broken-social.md'], store.store))).message).toMatch(/^posts\/broken-social\.md:4: socialImage: image "\/images\/broken\.png" cannot be read as an image/);
  });
});

describe('cards in every script', () => {
  const DATE = '4 December 2026';
  const text = (title: string, more: Partial<SocialCardText> = {}): SocialCardText => ({ title, date: DATE, siteTitle: site.title, ...more });

  /** The card for `card`, drawn in a cache of its own (so satori runs), and its PNG's file; fails on a card that was not drawn. */
  async function draw(card: SocialCardText) {
    const { store: imageStore, publicDir } = scratchImageStore();
    satoriCalls.mockClear();
    const result = await socialCard(card, imageStore);
    if (!('image' in result)) throw new Error(`no card for "${card.title}": missing "${result.missing}"`);
    publishImages(imageStore.dirs, result.files);
    const [[layout, options]] = satoriCalls.mock.calls;
    return { file: path.join(publicDir, ...result.image.url.split('/').filter(Boolean)), fonts: options.fonts, layout, options };
  }

  /** A PNG's pixels as RGB. */
  const rgb = async (file: string) => (await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true })).data;

  /** The box around every pixel where `file` differs from the card with no title in the same direction: the title's ink. */
  async function titleInk(file: string, direction: 'ltr' | 'rtl' = 'ltr') {
    const [drawn, blank] = await Promise.all([rgb(file), rgb(blankCards[direction])]);
    const box = { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity, pixels: 0 };
    for (let y = 0; y < SOCIAL_CARD_SIZE.height; y++) {
      for (let x = 0; x < SOCIAL_CARD_SIZE.width; x++) {
        const at = (y * SOCIAL_CARD_SIZE.width + x) * 3;
        if (Math.max(...[0, 1, 2].map((channel) => Math.abs(drawn[at + channel] - blank[at + channel]))) < 96) continue;
        Object.assign(box, { left: Math.min(box.left, x), right: Math.max(box.right, x), top: Math.min(box.top, y), bottom: Math.max(box.bottom, y), pixels: box.pixels + 1 });
      }
    }
    return box;
  }

  /** Where satori sets each word of the layout it drew, from the same layout drawn with <text> elements instead of outlines. */
  async function wordsAt({ layout, options }: { layout: Parameters<typeof satori>[0]; options: Parameters<typeof satori>[1] }) {
    const asText = fromHtml(await drawSvg(layout, { ...options, embedFont: false }), { fragment: true, space: 'svg' });
    return selectAll('text', asText).map((element) => ({ text: hastToString(element), x: Number(element.properties.x), width: Number(element.properties.width) }));
  }

  /** The font file in node_modules that a font satori was given comes from: `Noto Sans SC 119` at 700 is @fontsource/noto-sans-sc's noto-sans-sc-119-700-normal.woff. */
  function fontFile({ name, weight }: { name: string; weight?: number }) {
    const [, family, range] = /^(.+) (\S+)$/.exec(name)!;
    const prefix = family.toLowerCase().replaceAll(' ', '-');
    return path.join(process.cwd(), 'node_modules', '@fontsource', prefix, 'files', `${prefix}-${range}-${weight}-normal.woff`);
  }

  const blankCards = { ltr: '', rtl: '' };
  beforeAll(async () => {
    blankCards.ltr = (await draw(text(''))).file;
    blankCards.rtl = (await draw(text('', { dir: 'rtl' }))).file;
  });

  it.each<[string, string, string, 'ltr' | 'rtl']>([
    ['Chinese', '中文博客：缓存的层次', 'Noto Sans SC', 'ltr'],
    ['Japanese', 'キャッシュの層を理解する', 'Noto Sans JP', 'ltr'],
    ['Korean', '캐시 계층 이해하기', 'Noto Sans KR', 'ltr'],
    ['Arabic', 'مقدمة في التخزين المؤقت', 'Noto Sans Arabic', 'rtl'],
    ['Hebrew', 'מבוא לזיכרון מטמון', 'Noto Sans Hebrew', 'rtl'],
  ])('draws a %s title (%s) with its font from node_modules, on the side it starts from', async (_script, title, family, direction) => {
    const card = await draw(text(title));
    const extra = card.fonts.filter((font) => font.name !== 'Inter');
    expect(extra.length).toBeGreaterThan(0);
    expect(extra.every((font) => font.name.startsWith(`${family} `))).toBe(true);
    for (const font of extra) expect(Buffer.compare(Buffer.from(font.data as Buffer), fs.readFileSync(fontFile(font)))).toBe(0);
    // The title has ink, a line of large type, at the left of a left-to-right card and the right of a right-to-left one.
    const ink = await titleInk(card.file, direction);
    expect(ink.pixels).toBeGreaterThan(2000);
    expect(ink.bottom - ink.top).toBeGreaterThan(40);
    // The padding is 80 px on either side; these short titles end well before the other side.
    const [start, end] = direction === 'ltr' ? [ink.left - 80, 1120 - ink.right] : [1120 - ink.right, ink.left - 80];
    expect(start).toBeGreaterThanOrEqual(0);
    expect(start).toBeLessThan(12);
    expect(end).toBeGreaterThan(100);
  });

  it('joins Arabic letters (satori shapes them with HarfBuzz): three joined behs are narrower than three kept apart', async () => {
    const joined = await titleInk((await draw(text('ببب'))).file, 'rtl');
    // A zero-width non-joiner between the letters keeps each in its isolated form, each as wide as a letter alone.
    const apart = await titleInk((await draw(text('ب\u200cب\u200cب'))).file, 'rtl');
    expect(joined.right - joined.left).toBeLessThan(0.75 * (apart.right - apart.left));
  });

  it('orders the words of a right-to-left title from the right, with a left-to-right run in its own order', async () => {
    const words = await wordsAt(await draw(text('مقدمة إلى React Server')));
    const order = words.filter((word) => ['مقدمة', 'إلى', 'React', 'Server'].includes(word.text)).sort((a, b) => a.x - b.x).map((word) => word.text);
    expect(order).toEqual(['React', 'Server', 'إلى', 'مقدمة']);
    // A Hebrew title with a word in parentheses: the opening one on the word's right (drawn mirrored), the closing one at the far left.
    const hebrew = await wordsAt(await draw(text('שלום (עולם)')));
    expect(hebrew.filter((word) => ['שלום', '(', 'עולם', ')'].includes(word.text)).sort((a, b) => a.x - b.x).map((word) => word.text)).toEqual([')', 'עולם', '(', 'שלום']);
  });

  it('takes the direction from the title\'s first strong character, or from `dir`, and the Han font from `lang`', async () => {
    expect((await titleInk((await draw(text('שלום Hello'))).file, 'rtl')).right).toBeGreaterThan(1100);
    expect((await titleInk((await draw(text('Hello שלום'))).file, 'ltr')).left).toBeLessThan(92);
    expect((await titleInk((await draw(text('Hello', { dir: 'rtl' }))).file, 'rtl')).right).toBeGreaterThan(1100);
    // Han characters alone: Chinese unless the post says Japanese or Korean, each a card of its own.
    const families = async (lang?: string) => {
      const card = await draw(text('東京大', { lang }));
      return { file: card.file, families: [...new Set(card.fonts.filter((font) => font.name !== 'Inter').map((font) => font.name.replace(/ \S+$/, '')))] };
    };
    const chinese = await families();
    const japanese = await families('ja-JP');
    const korean = await families('ko');
    expect([chinese.families, japanese.families, korean.families]).toEqual([['Noto Sans SC'], ['Noto Sans JP'], ['Noto Sans KR']]);
    expect(new Set([chinese.file, japanese.file, korean.file].map((file) => path.basename(file))).size).toBe(3);
  });

  it('draws an emoji with Noto Emoji, with a plain space after it; two emoji it cannot draw together are reported', async () => {
    const card = await draw(text('Shipping 🚀 faster'));
    expect(card.fonts.map((font) => font.name)).toContain('Noto Emoji 5');
    const words = await wordsAt(card);
    const rocket = words.find((word) => word.text === '🚀')!;
    const after = words.find((word) => word.text === 'faster')!;
    expect(after.x - (rocket.x + rocket.width)).toBeLessThan(30);
    // A skin tone, a heart with its variation selector and a flag are one glyph each.
    await draw(text('Thumbs 👍🏽, ❤️ and 🇫🇷'));
    // 🚀 and 👍 are in two of Noto Emoji's files that satori cannot tell apart.
    expect(await socialCard(text('🚀 and 👍'), scratchImageStore().store)).toEqual({ missing: '👍' });
  });

  it('keys a card by the fonts it is drawn with: each font\'s name, weight and the hash of its bytes', async () => {
    const imageStore = scratchImageStore().store;
    const generated = jest.spyOn(imageStore, 'generated');
    await socialCard(text('Plain Latin'), imageStore);
    await socialCard(text('中文博客'), imageStore);
    const [latin, chinese] = generated.mock.calls.map(([, input]) => input as { fonts: { name: string; weight: number; sha256: string }[] });
    expect(new Set(latin.fonts.map((font) => font.name))).toEqual(new Set(['Inter']));
    const notoSans = chinese.fonts.filter((font) => font.name !== 'Inter');
    expect(notoSans.length).toBeGreaterThan(0);
    for (const font of notoSans) expect(font.sha256).toBe(sha256(fs.readFileSync(fontFile(font))));
    expect(chinese.fonts.filter((font) => font.name === 'Inter')).toEqual(latin.fonts);
  });
});

describe('Seo with the generated card', () => {
  it('points og:image (which X reads too) and the JSON-LD image at the card, with its size', async () => {
    const card = await sharedImage(posts['hostile.md']);
    const imageUrl = absoluteUrl(card.url);
    const html = renderToStaticMarkup(
      <Seo
        title={HOSTILE_TITLE}
        siteTitle={site.title}
        description="A post with a hostile title."
        canonicalUrl={absoluteUrl('/posts/hostile/')}
        imageUrl={imageUrl}
        imageSize={{ width: card.width!, height: card.height! }}
        feeds={siteFeeds}
        article={{ published: '2018-03-03', modified: null, tags: [], section: null, authors: [{ name: 'Folio Author', url: site.url }] }}
      />,
    );
    const tree = fromHtml(html, { fragment: true });
    const meta = (selector: string) => selectAll(selector, tree).map((element) => element.properties.content);
    expect(imageUrl).toMatch(new RegExp(`^${site.url}/_img/card-[0-9a-f]{12}\\.png$`));
    expect(meta('meta[property="og:image"]')).toEqual([imageUrl]);
    expect(meta('meta[name="twitter:image"]')).toEqual([]);
    expect(meta('meta[property="og:image:width"]')).toEqual(['1200']);
    expect(meta('meta[property="og:image:height"]')).toEqual(['630']);
    expect(JSON.parse(hastToString(select('script[type="application/ld+json"]', tree)!)).image).toBe(imageUrl);
    expect(fs.existsSync(published(card.url))).toBe(true);
  });
});
