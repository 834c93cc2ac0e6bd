/**
 * Markdown extras in Chromium, on the sample site's MDX post: KaTeX math with its stylesheet
 * and fonts (and neither on a page without math), a GitHub alert, a titled code block with
 * highlighted lines and line numbers in both schemes, which copies as it was written, and a
 * YouTube embed that loads nothing from YouTube until it is played; the "Copy" button of a code
 * block, by mouse and keyboard, read back from Chromium's clipboard.
 *
 *   node --import tsx --test e2e/markdown.test.ts
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { projectRoot } from '../scripts/build-site';
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

/**
 * The text of the first fenced code block of a source file, exactly as written: every line
 * between its fences, each with its newline.
 */
const firstBlockOf = (file: string) => /^```[^\n]*\n([\s\S]*?)^```$/m.exec(fs.readFileSync(path.join(projectRoot, file), 'utf8'))![1];

/** What Chromium's clipboard holds, once it holds `expected` (a copy resolves after the click). */
async function clipboardOnceItHolds(page: Page, expected: string): Promise<string> {
  await page.waitForFunction(async (text) => (await navigator.clipboard.readText()) === text, expected).catch(() => {});
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Empties the clipboard and the block's status line, so the next copy is seen afresh. */
async function resetCopy(page: Page, block: Locator) {
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await block.getByRole('status').evaluate((status) => (status.textContent = ''));
}

test('a code block\'s "Copy" button copies the code exactly as written, by click and by Enter, and says "Copied"', async () => {
  await site.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
  try {
    const cases = [
      // A tab, trailing spaces, `<` and `&`, non-ASCII letters and an emoji, a blank line.
      { pathname: '/posts/e2e-non-ascii-terms/', source: firstBlockOf('e2e/fixtures/e2e-non-ascii-terms.md'), block: 'figure[data-rehype-pretty-code-figure]' },
      // Line numbers and highlighted lines, which are not copied.
      { pathname: MDX_POST, source: firstBlockOf('posts/writing-with-mdx.mdx'), block: 'figure[data-rehype-pretty-code-figure]:has(code[data-line-numbers])' },
    ];
    assert.match(cases[0].source, /^\t<p class="größe">A & B<\/p> {3}\n.*🚀\n\n<\/html>\n$/s, 'the fixture\'s block is the tricky one');
    for (const { pathname, source, block: selector } of cases) {
      await site.withPage(pathname, {}, async (page) => {
        const block = page.locator(selector);
        const button = block.getByRole('button', { name: 'Copy code' });
        assert.equal(await button.textContent(), 'Copy', `${pathname}: the button says what it does`);
        assert.ok(await button.isVisible(), `${pathname}: the button is shown`);
        const status = block.getByRole('status');
        assert.equal(await status.textContent(), '', `${pathname}: the status line is empty until a copy`);

        await button.click();
        assert.equal(await clipboardOnceItHolds(page, source), source, `${pathname}: a click copies the block as written`);
        await status.filter({ hasText: /^Copied$/ }).waitFor();

        await resetCopy(page, block);
        // The keyboard: Tab reaches the button (it is a button, in the tab order), Enter presses it.
        await button.focus();
        assert.equal(await button.evaluate((element) => element === document.activeElement && element.tabIndex === 0), true, `${pathname}: the button takes keyboard focus`);
        await page.keyboard.press('Enter');
        assert.equal(await clipboardOnceItHolds(page, source), source, `${pathname}: Enter copies the block as written`);
        await status.filter({ hasText: /^Copied$/ }).waitFor();
      });
    }
  } finally {
    await site.context.clearPermissions();
  }
});

test('a page without code carries no copy script and shows no button, and with JavaScript off no page does', async () => {
  await site.withPage('/posts/reinvent-2017/', {}, async (page) => {
    assert.equal(await page.locator('script#copy-code-script').count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Copy code' }).count(), 0);
  });
  // Its own context, closed with the browser (see e2e/a11y.test.ts).
  const noScript = await site.context.browser()!.newContext({ javaScriptEnabled: false });
  await site.withPage(MDX_POST, { context: noScript }, async (page) => {
    assert.equal(await page.locator('figure[data-rehype-pretty-code-figure]').count(), 1);
    assert.equal(await page.getByRole('button', { name: 'Copy code' }).count(), 0, 'no button that cannot work');
  });
});
