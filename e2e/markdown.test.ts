/**
 * Markdown extras in Chromium, on the sample site's MDX post: KaTeX math with its stylesheet
 * and fonts (and neither on a page without math), a GitHub alert, a titled code block with
 * highlighted lines and line numbers in both schemes, which copies as it was written, and a
 * YouTube embed that loads nothing from YouTube until it is played.
 *
 *   node --import tsx --test e2e/markdown.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildSampleSite, openSite, text } from './harness';
import type { OpenSite } from './harness';

const MDX_POST = '/posts/writing-with-mdx/';
const POST_WITHOUT_MATH = '/posts/reinvent-2017/';
const KATEX_STYLESHEET = '/katex/katex.min.css';
const VIDEO = { id: 'WFRIivS2mpo', title: 'Cache me if you can' };

let site: OpenSite;
/** Every URL the browser asked for, frames included. */
const requested: string[] = [];

before(
  async () => {
    const { outDir } = await buildSampleSite();
    site = await openSite(outDir);
    site.context.on('request', (request) => requested.push(request.url()));
  },
  { timeout: 300_000 },
);

after(async () => {
  await site?.close();
});

test('math is KaTeX markup styled by its own stylesheet and fonts, on the page that has math only', async () => {
  await site.withPage(MDX_POST, {}, async (page) => {
    assert.equal(await page.locator(`head link[rel="stylesheet"][href="${KATEX_STYLESHEET}"]`).count(), 1, 'the page links KaTeX\'s stylesheet');
    assert.equal(await page.locator('[data-post-body] .katex').count(), 3, 'two inline formulas and one display');
    assert.equal(await page.locator('[data-post-body] .katex-display').count(), 1);
    // Screen readers get MathML; the visual HTML is hidden from them.
    assert.equal(await page.locator('.katex-display annotation').first().textContent(), 'T = h \\cdot T_{\\text{cache}} + (1 - h) \\cdot T_{\\text{origin}}');
    assert.equal(await page.locator('.katex-display .katex-html').getAttribute('aria-hidden'), 'true');
    await page.evaluate(() => document.fonts.ready);
    const math = await page.locator('.katex-display .katex').evaluate((element) => ({
      font: getComputedStyle(element).fontFamily,
      mathmlWidth: element.querySelector('.katex-mathml')!.getBoundingClientRect().width,
      loadedFonts: [...document.fonts].filter((font) => font.family.startsWith('KaTeX') && font.status === 'loaded').map((font) => font.family),
    }));
    assert.match(math.font, /^KaTeX_Main/, 'KaTeX\'s stylesheet applies');
    assert.ok(math.mathmlWidth <= 1, 'the MathML copy is visually hidden');
    assert.ok(math.loadedFonts.includes('KaTeX_Main') && math.loadedFonts.includes('KaTeX_Math'), `KaTeX's fonts load: ${math.loadedFonts}`);
  });

  const before = requested.length;
  await site.withPage(POST_WITHOUT_MATH, {}, async (page) => {
    assert.equal(await page.locator('link[href*="katex"]').count(), 0, 'no KaTeX stylesheet without math');
    assert.equal(await page.locator('.katex').count(), 0);
  });
  assert.deepEqual(requested.slice(before).filter((url) => url.includes('/katex/')), [], 'a page without math loads nothing of KaTeX');
});

test('a GitHub alert is a named aside', async () => {
  await site.withPage(MDX_POST, {}, async (page) => {
    const note = page.getByRole('complementary', { name: 'Note' });
    assert.ok(await note.isVisible());
    assert.match(await text(note), /^Note GitHub's alerts work in \.md and \.mdx alike/);
  });
});

test('a code block shows its title, line numbers and highlighted lines, in both schemes, and copies as written', async () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    await site.withPage(MDX_POST, { colorScheme }, async (page) => {
      const block = page.locator('figure[data-rehype-pretty-code-figure]', { hasText: 'hit_ratio.py' });
      assert.equal(await text(block.locator('figcaption')), 'hit_ratio.py');
      assert.ok(await block.locator('figcaption').isVisible());
      const lines = await block.locator('[data-line]').evaluateAll((elements) =>
        elements.map((line) => {
          const style = getComputedStyle(line);
          const number = getComputedStyle(line, '::before');
          return { highlighted: line.hasAttribute('data-highlighted-line'), bar: style.borderLeftColor, background: style.backgroundColor, counter: number.counterIncrement, numberWidth: number.width, height: line.getBoundingClientRect().height };
        }),
      );
      assert.deepEqual(lines.map((line) => line.highlighted), [false, true, true, false, false, false], `${colorScheme}: lines 2-3 are highlighted`);
      assert.deepEqual(lines.map((line) => line.counter), Array(6).fill('line 1'), `${colorScheme}: each line counts itself`);
      assert.equal(new Set(lines.map((line) => line.height)).size, 1, `${colorScheme}: a blank line is as tall as the others`);
      assert.ok(lines.every((line) => parseFloat(line.numberWidth) > 0), `${colorScheme}: the numbers take room`);
      const [plain, marked] = [lines[0], lines[1]];
      assert.notEqual(marked.bar, plain.bar, `${colorScheme}: a highlighted line has a bar`);
      assert.equal(marked.bar, lines[2].bar);
      if (colorScheme === 'dark') assert.notEqual(marked.background, plain.background, 'dark: a highlighted line is tinted');
      // The block's text is the code written, and so is what a reader copies, blank lines
      // included (a browser leaves out the final newline, which shows no line).
      const code = 'def hit_ratio(hits: int, misses: int) -> float:\n    total = hits + misses\n    return hits / total if total else 0.0\n\n\nprint(hit_ratio(95, 5))\n';
      const { text: blockText, copied } = await block.locator('pre').evaluate((pre) => {
        getSelection()!.selectAllChildren(pre);
        return { text: pre.textContent, copied: getSelection()!.toString() };
      });
      assert.equal(blockText, code);
      assert.equal(copied, code.slice(0, -1));
    });
  }
});

test('a YouTube link alone on a line is a player that loads nothing from YouTube until played', async () => {
  const before = requested.length;
  // No network here: the player is a stand-in page, served when the frame asks for it.
  await site.context.route('https://www.youtube-nocookie.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>player</title><p>player</p>' }));
  await site.withPage(MDX_POST, {}, async (page) => {
    const frame = page.locator(`iframe[title="${VIDEO.title}"]`);
    assert.equal(await frame.getAttribute('loading'), 'lazy');
    assert.equal(await frame.getAttribute('src'), `https://www.youtube-nocookie.com/embed/${VIDEO.id}`);
    await frame.scrollIntoViewIfNeeded();
    const play = page.frameLocator(`iframe[title="${VIDEO.title}"]`).getByRole('link', { name: `Play video: ${VIDEO.title}` });
    assert.ok(await play.isVisible(), 'the frame shows a play link');
    assert.deepEqual(requested.slice(before).filter((url) => /youtube/.test(url)), [], 'nothing from YouTube before the click');

    await play.click();
    const player = page.frames().find((candidate) => candidate.parentFrame() === page.mainFrame())!;
    await player.waitForURL(`https://www.youtube-nocookie.com/embed/${VIDEO.id}?autoplay=1`);
    assert.equal(await player.locator('p').textContent(), 'player');
    const link = page.getByRole('link', { name: VIDEO.title, exact: true });
    assert.equal(await link.getAttribute('href'), `https://www.youtube.com/watch?v=${VIDEO.id}`);
  });
  await site.context.unrouteAll();
});
