/**
 * @jest-environment node
 *
 * The image cache: what the build makes of an image is made once, kept between builds by the
 * hash of the image's bytes, and published from there.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { imagesAreCurrent, publishImages } from '../lib/images/cache';
import { createImageStore, variantWidths } from '../lib/images/process';
import { filesWritten, writtenUnder } from './helpers/file-writes';
import { scratchImageStore, writeImage } from './helpers/images';

// Every sharp pipeline the store starts goes through this counter.
jest.mock('sharp', () => {
  const actual = jest.requireActual('sharp');
  const counted = jest.fn((...args: unknown[]) => actual(...args));
  Object.assign(counted, actual);
  return { __esModule: true, default: counted };
});
const sharpCalls = sharp as unknown as jest.Mock;

jest.setTimeout(120_000);

describe('variantWidths', () => {
  it('makes 480, 960 and 1600 px, never wider than the image, and the image\'s own width when it is narrower than 1600', () => {
    expect(variantWidths(4000)).toEqual([480, 960, 1600]);
    expect(variantWidths(1600)).toEqual([480, 960, 1600]);
    expect(variantWidths(1200)).toEqual([480, 960, 1200]);
    expect(variantWidths(960)).toEqual([480, 960]);
    expect(variantWidths(640)).toEqual([480, 640]);
    expect(variantWidths(300)).toEqual([300]);
  });
});

describe('image cache', () => {
  const project = scratchImageStore();
  const photo = path.join(project.root, 'posts', 'trip', 'photo.jpg');
  const files = () => fs.readdirSync(path.join(project.cacheDir, 'files')).sort();

  beforeAll(() => writeImage(photo, 1200, 800));

  it('makes an image once; a later build finds every file in the cache and runs no sharp at all', async () => {
    const firstBuild = project.store;
    sharpCalls.mockClear();
    const { result: made, written } = await filesWritten(() => firstBuild.bodyImage(photo));
    expect(firstBuild.stats).toEqual({ made: 1, cached: 0 });
    // The header, then 3 widths × 3 formats.
    expect(sharpCalls).toHaveBeenCalledTimes(1 + 9);
    expect(made.use).toEqual({ source: 'posts/trip/photo.jpg', hash: expect.stringMatching(/^[0-9a-f]{64}$/), files: expect.any(Array) });
    expect(files()).toEqual([...made.use.files].sort());
    // Each file, then the entry that names them, written once.
    expect(writtenUnder(project.cacheDir, written)).toEqual([...made.use.files.map((file) => path.join('files', file)), expect.stringMatching(/^entries\/[0-9a-f]+\.json$/)]);

    const nextBuild = createImageStore(project.store.dirs);
    sharpCalls.mockClear();
    const { result: again, written: writtenAgain } = await filesWritten(() => nextBuild.bodyImage(photo));
    expect(writtenAgain).toEqual([]);
    expect(sharpCalls).not.toHaveBeenCalled();
    expect(nextBuild.stats).toEqual({ made: 0, cached: 1 });
    expect(again).toEqual(made);
  });

  it('makes an image two pages show at once only once', async () => {
    const store = createImageStore(scratchImageStore().store.dirs);
    const shared = path.join(store.dirs.root, 'shared.png');
    await writeImage(shared, 200, 100, 'png');
    const [a, b] = await Promise.all([store.bodyImage(shared), store.bodyImage(shared)]);
    expect(a).toEqual(b);
    expect(store.stats.made).toBe(1);
  });

  it('names files by the image\'s bytes: a changed image gets new files, and its old markup is no longer current', async () => {
    const before = await project.store.bodyImage(photo);
    expect(imagesAreCurrent(project.store.dirs, [before.use])).toBe(true);
    await writeImage(photo, 1000, 500);
    expect(imagesAreCurrent(project.store.dirs, [before.use])).toBe(false);
    const after = await project.store.bodyImage(photo);
    expect(after.use.hash).not.toBe(before.use.hash);
    expect(after.use.files.filter((file) => before.use.files.includes(file))).toEqual([]);
    expect(after.image).toMatchObject({ width: 1000, height: 500 });
  });

  it('makes an image again when one of its files was deleted from the cache', async () => {
    const { use } = await project.store.bodyImage(photo);
    fs.rmSync(path.join(project.cacheDir, 'files', use.files[0]));
    expect(imagesAreCurrent(project.store.dirs, [use])).toBe(false);
    const store = createImageStore(project.store.dirs);
    await store.bodyImage(photo);
    expect(store.stats).toEqual({ made: 1, cached: 0 });
    expect(fs.existsSync(path.join(project.cacheDir, 'files', use.files[0]))).toBe(true);
  });

  it('names the files made from an image after that image\'s own file, never after another with the same bytes (a draft\'s, say)', async () => {
    const store = createImageStore(scratchImageStore().store.dirs);
    const draftImage = path.join(store.dirs.root, 'posts', 'draft', 'secret-launch-plan.png');
    const publishedImage = path.join(store.dirs.root, 'posts', 'news', 'diagram.png');
    await writeImage(draftImage, 200, 100, 'png');
    fs.mkdirSync(path.dirname(publishedImage), { recursive: true });
    fs.copyFileSync(draftImage, publishedImage);
    // The draft is built first, as in `npm run dev`; the published post's files must not carry its name.
    await store.bodyImage(draftImage);
    await store.socialImage(draftImage);
    const body = await store.bodyImage(publishedImage);
    const social = await store.socialImage(publishedImage);
    expect(body.use.files.length).toBeGreaterThan(0);
    for (const file of [...body.use.files, social.image.file]) expect(file).toMatch(/^diagram-[0-9a-f]{12}-\d+\.\w+$/);
  });

  it('publishes files into public/_img/ from the cache, once', async () => {
    const { use } = await project.store.bodyImage(photo);
    const { written } = await filesWritten(() => publishImages(project.store.dirs, use.files));
    expect(writtenUnder(path.join(project.publicDir, '_img'), written)).toEqual(use.files);
    for (const file of use.files) {
      expect(fs.readFileSync(path.join(project.publicDir, '_img', file))).toEqual(fs.readFileSync(path.join(project.cacheDir, 'files', file)));
    }
    expect((await filesWritten(() => publishImages(project.store.dirs, use.files))).written).toEqual([]);
  });
});
