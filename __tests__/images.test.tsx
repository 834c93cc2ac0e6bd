/** @jest-environment node */
import fs from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import type { Element } from 'hast';
import sharp from 'sharp';
import { renderBodyHtml } from '../components/MdxBody/renderBody';
import { IMAGE_SIZES, IMAGE_ZOOM_TEXT } from '../lib/images/body-images';
import { compileBody } from '../lib/markdown/compile';
import { contentErrorOf } from './helpers/content-error';
import { scratchImageStore, writeImage, writeSvg } from './helpers/images';

jest.setTimeout(120_000);

const { store, root, publicDir, cacheDir } = scratchImageStore();
const postDir = path.join(root, 'posts', 'lake');

beforeAll(async () => {
  await writeImage(path.join(postDir, 'lake.jpg'), 2000, 1000);
  await writeImage(path.join(postDir, 'chart.png'), 640, 240, 'png');
  await writeImage(path.join(postDir, 'tiny.jpg'), 300, 200);
  await writeImage(path.join(postDir, 'spinner.gif'), 40, 40, 'gif');
  writeSvg(path.join(postDir, 'logo.svg'), 120, 60);
  await writeImage(path.join(publicDir, 'images', 'shared.png'), 1000, 500, 'png');
  fs.writeFileSync(path.join(postDir, 'broken.jpg'), 'this is not a JPEG');
  const truncated = fs.readFileSync(path.join(postDir, 'lake.jpg'));
  fs.writeFileSync(path.join(postDir, 'truncated.jpg'), truncated.subarray(0, truncated.length / 3));
});

interface Source {
  format?: 'md' | 'mdx';
  folder?: boolean;
  bodyStartLine?: number;
}

const compile = (body: string, { format = 'md', folder = true, bodyStartLine = 1 }: Source = {}) =>
  compileBody(
    { body, format, bodyStartLine, assetDir: folder ? postDir : null, sourcePath: folder ? `posts/lake/index.${format}` : `posts/lake.${format}`, slug: 'lake' },
    { imageStore: store },
  );

/** The compiled body rendered as the post page renders it, parsed. */
async function rendered(body: string, source: Source = {}) {
  const compiled = await compile(body, source);
  return { compiled, tree: fromHtml(renderBodyHtml(compiled.content, 'https://folio.example.com'), { fragment: true }) };
}

/** A copy of a tree without source positions, to compare markup made from different sources. */
const withoutPositions = (node: unknown) => JSON.parse(JSON.stringify(node, (key, value) => (key === 'position' ? undefined : value)));

/** The format sharp reads a file of each extension as: AVIF is a kind of HEIF. */
const SHARP_FORMATS = { avif: 'heif', webp: 'webp', jpg: 'jpeg' } as const;

const attribute = (element: Element | undefined, name: string) => element?.properties[name];

/** "url 480w, url 960w" → [[url, 480], …]. */
const candidates = (srcSet: unknown) =>
  String(srcSet)
    .split(', ')
    .map((candidate) => {
      const [url, width] = candidate.split(' ');
      return [url, Number.parseInt(width, 10)] as const;
    });

const compileError = (body: string, source: Source = {}) => contentErrorOf(compile(body, source));

describe('responsive images', () => {
  it('makes a photo a <picture> of AVIF and WebP sources and a JPEG <img>, at 480, 960 and 1600 px', async () => {
    const { tree } = await rendered('![A lake at dawn](./lake.jpg)');
    const picture = select('picture', tree)!;
    const sources = selectAll('source', picture);
    expect(sources.map((source) => attribute(source, 'type'))).toEqual(['image/avif', 'image/webp']);
    const img = select('img', picture)!;
    for (const [element, extension] of [[sources[0], 'avif'], [sources[1], 'webp'], [img, 'jpg']] as const) {
      const list = candidates(attribute(element, 'srcSet'));
      expect(list.map(([, width]) => width)).toEqual([480, 960, 1600]);
      for (const [url, width] of list) {
        expect(url).toMatch(new RegExp(`^/_img/lake-[0-9a-f]{12}-${width}\\.${extension}$`));
        // The file is in the cache, in its format, with the width its descriptor says.
        const metadata = await sharp(path.join(cacheDir, 'files', path.basename(url))).metadata();
        expect([metadata.format, metadata.width]).toEqual([SHARP_FORMATS[extension], width]);
      }
      expect(attribute(element, 'sizes')).toBe(IMAGE_SIZES);
    }
    expect(attribute(img, 'src')).toMatch(/^\/_img\/lake-[0-9a-f]{12}-960\.jpg$/);
    expect(attribute(img, 'alt')).toBe('A lake at dawn');
    expect([attribute(img, 'width'), attribute(img, 'height')]).toEqual([2000, 1000]);
  });

  it('loads the first image eagerly with high priority, and every other one lazily; all decode asynchronously', async () => {
    const { tree } = await rendered('![A lake](./lake.jpg)\n\n![A chart](./chart.png)\n\n![A logo](./logo.svg)\n\n![Remote](https://example.com/a.png)');
    // The images shown in the body, not the large ones of the zoom overlays.
    const images = selectAll('img', tree).filter((img) => !selectAll('.image-zoom-overlay img', tree).includes(img));
    expect(images.map((img) => [attribute(img, 'alt'), attribute(img, 'loading'), attribute(img, 'fetchPriority') ?? null, attribute(img, 'decoding')])).toEqual([
      ['A lake', 'eager', 'high', 'async'],
      ['A chart', 'lazy', null, 'async'],
      ['A logo', 'lazy', null, 'async'],
      ['Remote', 'lazy', null, 'async'],
    ]);
  });

  it('never upscales: an image narrower than a width gets its own width instead', async () => {
    const { tree } = await rendered('![A chart](./chart.png)\n\n![A tiny photo](./tiny.jpg)');
    const [chart, tiny] = selectAll('.image-zoom-open > picture', tree);
    // A PNG keeps PNG as its fallback.
    expect(candidates(attribute(select('img', chart), 'srcSet'))).toEqual([
      [expect.stringMatching(/-480\.png$/), 480],
      [expect.stringMatching(/-640\.png$/), 640],
    ]);
    expect([attribute(select('img', chart), 'width'), attribute(select('img', chart), 'height')]).toEqual([640, 240]);
    expect(candidates(attribute(select('source', tiny), 'srcSet')).map(([, width]) => width)).toEqual([300]);
    expect(attribute(select('img', tiny), 'src')).toMatch(/-300\.jpg$/);
  });

  it('makes images in public/ responsive too', async () => {
    const { tree, compiled } = await rendered('![Shared](/images/shared.png)', { folder: false });
    expect(candidates(attribute(select('source[type="image/avif"]', tree), 'srcSet')).map(([, width]) => width)).toEqual([480, 960, 1000]);
    expect(compiled.images).toEqual([{ source: 'public/images/shared.png', hash: expect.stringMatching(/^[0-9a-f]{64}$/), files: expect.arrayContaining([expect.stringMatching(/^shared-/)]) }]);
  });

  it('shows SVG and GIF as they are, with their size, and leaves images on other sites alone', async () => {
    const { tree, compiled } = await rendered('![A logo](./logo.svg) ![A spinner](./spinner.gif) ![Elsewhere](https://example.com/a.jpg)');
    expect(select('picture', tree)).toBeUndefined();
    const [logo, spinner, remote] = selectAll('img', tree);
    expect([attribute(logo, 'src'), attribute(logo, 'width'), attribute(logo, 'height')]).toEqual(['/posts/lake/logo.svg', 120, 60]);
    expect([attribute(spinner, 'src'), attribute(spinner, 'width'), attribute(spinner, 'height')]).toEqual(['/posts/lake/spinner.gif', 40, 40]);
    expect([attribute(remote, 'src'), attribute(remote, 'width')]).toEqual(['https://example.com/a.jpg', undefined]);
    // An image elsewhere keeps the size its author gave it, the only way to reserve its space.
    const sized = select('img', (await rendered('<img src="https://example.com/b.jpg" alt="Elsewhere" width="300" height="200">')).tree);
    expect([attribute(sized, 'width'), attribute(sized, 'height')]).toEqual([300, 200]);
    // Their use is recorded (a changed SVG has another size), but nothing was made from them.
    expect(compiled.images.map((use) => [use.source, use.files])).toEqual([
      ['posts/lake/logo.svg', []],
      ['posts/lake/spinner.gif', []],
    ]);
  });

  it('gives an MDX <Figure> the same <picture>, with its caption', async () => {
    const markdown = await rendered('![A lake](./lake.jpg)');
    const { tree } = await rendered('<Figure src="./lake.jpg" alt="A lake" caption="At dawn." />', { format: 'mdx' });
    const figure = select('figure', tree)!;
    expect(select('figcaption', figure)?.children).toEqual([expect.objectContaining({ value: 'At dawn.' })]);
    expect(withoutPositions(select('picture', figure))).toEqual(withoutPositions(select('picture', markdown.tree)));
  });

  it('leaves a <Figure> whose alt is an expression as the author wrote it', async () => {
    const { tree, compiled } = await rendered('<Figure src="./lake.jpg" alt={["A", "lake"].join(" ")} caption="At dawn." />', { format: 'mdx' });
    const img = select('figure img', tree);
    expect([attribute(img, 'alt'), attribute(img, 'src')]).toEqual(['A lake', '/posts/lake/lake.jpg']);
    expect(compiled.warnings).toEqual([]);
  });

  it('leaves a <Figure> of an image on another site as the author wrote it, with its size', async () => {
    const { tree, compiled } = await rendered('<Figure src="https://cdn.example.org/a.png" alt="A chart" width={640} height={320} caption="Elsewhere." />', { format: 'mdx' });
    const img = select('figure img', tree);
    expect([attribute(img, 'src'), attribute(img, 'alt'), attribute(img, 'width'), attribute(img, 'height')]).toEqual(['https://cdn.example.org/a.png', 'A chart', 640, 320]);
    expect(compiled.images).toEqual([]);
  });

  it('keeps what the author set besides the source, and records each image for the compile cache', async () => {
    const { tree, compiled } = await rendered('<img src="./chart.png" alt="A chart" title="Hit ratios" width="10">');
    const img = select('img', tree);
    expect([attribute(img, 'title'), attribute(img, 'width')]).toEqual(['Hit ratios', 640]);
    expect(compiled.images).toHaveLength(1);
    expect(compiled.images[0].source).toBe('posts/lake/chart.png');
  });
});

describe('image zoom', () => {
  it('wraps a responsive image in a button that opens a popover of its largest size, with a close button', async () => {
    const { tree } = await rendered('A photo: ![A lake at dawn](./lake.jpg) and text.\n\n![A chart](./chart.png)');
    const zooms = selectAll('span.image-zoom', tree);
    expect(zooms).toHaveLength(2);
    const [lake] = zooms;
    // In the paragraph it was in, as phrasing content: spans and buttons only.
    expect(selectAll('p > span.image-zoom', tree)).toHaveLength(2);
    expect(selectAll('div', lake)).toEqual([]);
    const open = select(':scope > button.image-zoom-open', lake)!;
    const overlay = select(':scope > span.image-zoom-overlay', lake)!;
    expect(open.properties).toMatchObject({ type: 'button', popoverTarget: 'image-zoom-1', ariaLabel: `${IMAGE_ZOOM_TEXT.open}: A lake at dawn` });
    expect(select('picture > img', open)!.properties).toMatchObject({ alt: 'A lake at dawn', loading: 'eager' });
    expect(overlay.properties).toMatchObject({ id: 'image-zoom-1', popover: 'auto', role: 'dialog', ariaLabel: `${IMAGE_ZOOM_TEXT.open}: A lake at dawn` });
    // The largest size made in each format (1600 px of a 2000 px photo), fetched only once shown.
    const large = select('picture', overlay)!;
    expect(selectAll('source', large).map((source) => [source.properties.type, source.properties.srcSet])).toEqual([
      ['image/avif', expect.stringMatching(/^\/_img\/lake-[0-9a-f]{12}-1600\.avif$/)],
      ['image/webp', expect.stringMatching(/^\/_img\/lake-[0-9a-f]{12}-1600\.webp$/)],
    ]);
    expect(select('img', large)!.properties).toMatchObject({ src: expect.stringMatching(/^\/_img\/lake-[0-9a-f]{12}-1600\.jpg$/), alt: 'A lake at dawn', width: 1600, height: 800, loading: 'lazy' });
    const close = select('button.image-zoom-close', overlay)!;
    expect(close.properties).toMatchObject({ type: 'button', popoverTarget: 'image-zoom-1', popoverTargetAction: 'hide', autoFocus: true });
    expect(withoutPositions(close.children)).toEqual([{ type: 'text', value: IMAGE_ZOOM_TEXT.close }]);
    // Each overlay its own id.
    expect(select('button.image-zoom-open', zooms[1])!.properties.popoverTarget).toBe('image-zoom-2');
  });

  it('gives an MDX <Figure> the same zoom, and none to an image shown as it is, on another site or inside a link', async () => {
    const { tree } = await rendered('<Figure src="./lake.jpg" alt="Lake" caption="At dawn." />\n\n![Logo](./logo.svg)\n\n![Remote](https://example.com/a.png)\n\n[![Linked](./chart.png)](https://example.com/)', { format: 'mdx' });
    expect(selectAll('figure > span.image-zoom > button.image-zoom-open', tree)).toHaveLength(1);
    expect(selectAll('.image-zoom', tree)).toHaveLength(1);
    expect(select('a picture', tree)).toBeDefined();
    expect(select('a button', tree)).toBeUndefined();
  });

  it('cannot be forged in raw HTML: the sanitizer removes buttons and popover attributes, and prefixes ids', async () => {
    const { tree } = await rendered('<span popover="auto" id="image-zoom-1" role="dialog">forged</span><button popovertarget="image-zoom-1">Open</button>\n\n![A lake](./lake.jpg)');
    expect(selectAll('[popover]', tree).map((element) => element.properties.id)).toEqual(['image-zoom-1']);
    expect(selectAll('button', tree).map((button) => button.properties.className)).toEqual([['image-zoom-open'], ['image-zoom-close']]);
    expect(select('#user-content-image-zoom-1', tree)).toBeDefined();
  });
});

describe('alt text', () => {
  it('warns, naming the file, the line and the image, when a Markdown image has none', async () => {
    const compiled = await compile('Text.\n\n![](./chart.png)\n\n![A chart](./chart.png)', { bodyStartLine: 5 });
    expect(compiled.warnings).toEqual([expect.stringMatching(/^posts\/lake\/index\.md:7: image "\.\/chart\.png" has no alt text/)]);
  });

  it('warns for raw HTML and <Figure> without alt, but not for a decorative alt=""', async () => {
    expect((await compile('<img src="./chart.png">\n\n<img src="./chart.png" alt="">')).warnings).toEqual([expect.stringMatching(/^posts\/lake\/index\.md:1: image "\.\/chart\.png" has no alt text/)]);
    expect((await compile('<Figure src="./chart.png" caption="A chart" />', { format: 'mdx' })).warnings).toEqual([expect.stringMatching(/^posts\/lake\/index\.mdx:1: image "\.\/chart\.png" has no alt text/)]);
    expect((await compile('![A chart](./chart.png)')).warnings).toEqual([]);
  });
});

describe('image errors', () => {
  it('fails on a missing image, naming the post, the line and the path', async () => {
    expect((await compileError('Text.\n\n![Gone](./gone.jpg)')).message).toBe('posts/lake/index.md:3: image "./gone.jpg" points to a file that does not exist in lake/');
    expect((await compileError('![Gone](/images/gone.png)', { folder: false })).message).toBe('posts/lake.md:1: image "/images/gone.png" points to a file that does not exist in public/');
    expect((await compileError('<Figure src="./gone.png" alt="Gone" />', { format: 'mdx' })).message).toMatch(/^posts\/lake\/index\.mdx:1: image "\.\/gone\.png" points to a file that does not exist in lake\/$/);
  });

  it('fails on an image that cannot be decoded, or is cut short', async () => {
    expect((await compileError('![Broken](./broken.jpg)')).message).toMatch(/^posts\/lake\/index\.md:1: image "\.\/broken\.jpg" cannot be read as an image \(.+\)$/);
    expect((await compileError('![Cut short](./truncated.jpg)')).message).toMatch(/^posts\/lake\/index\.md:1: image "\.\/truncated\.jpg" cannot be read as an image/);
  });

  it('fails on a relative image in a single-file post, which has no folder for it', async () => {
    expect((await compileError('![A chart](./chart.png)', { folder: false })).message).toMatch(/^posts\/lake\.md:1: image "\.\/chart\.png" is relative, but only a folder post has files beside it/);
  });

  it('fails on a path that leaves public/, even to a file that exists', async () => {
    // /../posts/lake/lake.jpg is the post's own photo, one folder above public/.
    expect((await compileError('![Photo](/../posts/lake/lake.jpg)', { folder: false })).message).toBe('posts/lake.md:1: image "/../posts/lake/lake.jpg" points outside public/');
  });

  it('takes a name that starts with two dots for a file in the folder, not a way out of it', async () => {
    fs.copyFileSync(path.join(postDir, 'chart.png'), path.join(postDir, '..dots.png'));
    const { tree } = await rendered('![Dots](./..dots.png)');
    expect(select('img', tree)?.properties.alt).toBe('Dots');
    fs.copyFileSync(path.join(postDir, 'chart.png'), path.join(postDir, '..', 'elsewhere.png'));
    expect((await compileError('![Out](./../elsewhere.png)')).message).toBe('posts/lake/index.md:1: image "./../elsewhere.png" points outside lake/');
  });
});
