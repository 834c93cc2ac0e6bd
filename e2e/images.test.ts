/**
 * Responsive images in Chromium, on the sample folder post: at a phone's width (390 px) and a
 * desktop's (1280 px), the browser picks the AVIF width that fits the column, downloads only
 * that file, loads the first image eagerly and the others lazily, and nothing shifts as they load.
 *
 *   node --import tsx --test e2e/images.test.ts
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { projectRoot } from '../scripts/build-site';
import { buildSampleSite, imagesAtViewport } from './harness';
import { start, type Served } from '../scripts/serve';

const FOLDER_POST = '/posts/cache-layers/';
const PHOTO_ALT = /^A still lake/;
const ORIGINAL_BYTES = fs.statSync(path.join(projectRoot, 'posts', 'cache-layers', 'lake.jpg')).size;

let outDir: string;
let server: Served;

before(
  async () => {
    ({ outDir } = await buildSampleSite());
    server = await start(outDir);
  },
  { timeout: 300_000 },
);

after(async () => {
  await server?.close();
});

/** The sample post at a viewport: the photo's `<img>`, and the photo files the browser downloaded. */
async function photoAt(viewport: { width: number; height: number; deviceScaleFactor?: number }) {
  const result = await imagesAtViewport(new URL(FOLDER_POST, server.url).href, viewport);
  const photo = result.images.find((image) => PHOTO_ALT.test(image.alt));
  assert.ok(photo, 'the post shows the photo');
  return { ...result, photo, photoDownloads: result.downloads.filter((download) => new URL(download.url).pathname.startsWith('/_img/lake-')) };
}

for (const { width, height, column, chosen } of [
  { width: 390, height: 844, column: 390 - 40, chosen: 480 },
  { width: 1280, height: 800, column: 664, chosen: 960 },
]) {
  test(`at ${width} px wide, the browser downloads only the ${chosen} px AVIF of the photo`, async () => {
    const { photo, photoDownloads, layoutShift } = await photoAt({ width, height });
    assert.match(photo.currentSrc, new RegExp(`/_img/lake-[0-9a-f]{12}-${chosen}\\.avif$`), 'the AVIF source, at the width that covers the column');
    assert.equal(photo.complete, true);
    assert.equal(Math.round(photo.shownWidth), column, 'shown at the column width');

    assert.equal(photoDownloads.length, 1, `one file of the photo: ${photoDownloads.map((download) => download.url)}`);
    const [download] = photoDownloads;
    assert.equal(download.url, photo.currentSrc);
    const fileBytes = fs.statSync(path.join(outDir, new URL(download.url).pathname)).size;
    assert.equal(download.bytes, fileBytes, 'the bytes that came over the network are the file');
    assert.ok(download.bytes < ORIGINAL_BYTES / 4, `${download.bytes} bytes instead of the original's ${ORIGINAL_BYTES}`);
    console.log(`# ${width} px: ${path.basename(download.url)}, ${download.bytes} bytes (the original JPEG is ${ORIGINAL_BYTES})`);

    assert.equal(layoutShift, 0, 'width and height reserve the space: nothing shifts as images load');
  });
}

test('the first image loads eagerly with high priority, the others lazily', async () => {
  const { images } = await photoAt({ width: 1280, height: 800 });
  const body = images.filter((image) => image.alt);
  assert.deepEqual(
    body.map(({ loading, fetchPriority }) => [loading, fetchPriority]),
    [['eager', 'high'], ...body.slice(1).map(() => ['lazy', null])],
  );
  assert.ok(body.length >= 2, 'the post has a second image');
});
