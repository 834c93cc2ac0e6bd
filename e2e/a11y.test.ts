/**
 * Look and feel, and accessibility, in Chromium: the light/dark theme (system scheme, toggle,
 * saved choice with no flash, JavaScript off), the layout from 320 px to wide screens, print,
 * keyboard focus, and axe-core on the main kinds of page in both schemes.
 *
 *   node --import tsx --test e2e/a11y.test.ts
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { THEME_SCRIPT_ID } from '../lib/routes/page-scripts';
import { sampleSiteForThisFile } from './harness';
import type { PageVisit, VisitOptions } from './harness';
import type { Locator, Page } from 'playwright-core';

/** A folder post with an image, a table and a titled code block wider than a phone. */
const WIDE_POST = '/posts/cache-layers/';
/** One page of each kind. */
const PAGES = {
  home: '/',
  post: '/posts/reinvent-2017/',
  mdxPost: '/posts/writing-with-mdx/',
  folderPost: WIDE_POST,
  tag: '/tags/caching/',
  seriesIndex: '/series/',
  series: '/series/caching-at-scale/',
  seriesPart: '/posts/cache-invalidation/',
  archive: '/archive/',
  authors: '/authors/',
  author: '/authors/ada-reviewer/',
  search: '/search/',
  notFound: '/no-such-page/',
};

const site = sampleSiteForThisFile();

/**
 * Visits `pathname` (e2e/harness.ts `withPage`, which checks the visit as it ends) with the
 * system `colorScheme`, in `context` (the suite's by default), after `prepare(page)` if given.
 * Saved theme choices live in the context's storage, so every test that makes one clears it.
 */
const visit = <T>(pathname: string, options: VisitOptions, fn: (page: Page, visit: PageVisit) => Promise<T>) => site().withPage(pathname, { status: pathname === PAGES.notFound ? 404 : 200, ...options }, fn);

/** Relative luminance of a computed `rgb(…)` colour. */
function luminance(rgb: string): number {
  const [r, g, b] = rgb.match(/[\d.]+/g)!.slice(0, 3).map((channel) => Number(channel) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** 'dark' or 'light', from the colours the page actually paints its body with. */
const schemeOf = ({ background, color }: { background: string; color: string }) => (luminance(background) < luminance(color) ? 'dark' : 'light');

const bodyColors = (page: Page) => page.evaluate(() => ({ background: getComputedStyle(document.body).backgroundColor, color: getComputedStyle(document.body).color }));

const toggleOf = (page: Page) => page.getByRole('button', { name: 'Dark theme' });

/**
 * Makes every document of `page` record, in `window.__atBodyStart`, its theme and body
 * colours at the moment the parser enters `<body>`: a parser-blocking script put there runs
 * once the head's stylesheets have loaded and before any of the body can be painted, so it
 * sees what the first paint will show. The page's Content-Security-Policy, its header's and
 * its `<meta>`'s, is kept, with the probe allowed by its hash, so the theme script still runs
 * only as the policy allows.
 */
function probeBodyStart(page: Page) {
  const probe = 'window.__atBodyStart = { theme: document.documentElement.dataset.theme ?? null, background: getComputedStyle(document.body).backgroundColor, color: getComputedStyle(document.body).color };';
  const probeHash = `'sha256-${createHash('sha256').update(probe).digest('base64')}'`;
  const allowProbe = (policy: string) => policy.replace('script-src ', `script-src ${probeHash} `);
  return page.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.fallback();
    const response = await route.fetch();
    const headers = response.headers();
    if (headers['content-security-policy']) headers['content-security-policy'] = allowProbe(headers['content-security-policy']);
    const body = (await response.text())
      .replace(/(<meta http-equiv="Content-Security-Policy" content=")([^"]*)/, (_, start: string, policy: string) => start + allowProbe(policy))
      .replace(/<body[^>]*>/, (tag) => `${tag}<script>${probe}</script>`);
    await route.fulfill({ response, headers, body });
  });
}

async function clearSavedTheme() {
  await visit(PAGES.home, {}, (page) => page.evaluate(() => localStorage.clear()));
}

describe('theme', () => {
  test('the site follows the system scheme: dark when the system is dark, light when it is light', async () => {
    for (const colorScheme of ['dark', 'light'] as const) {
      await visit(PAGES.home, { colorScheme }, async (page) => {
        const colors = await bodyColors(page);
        assert.equal(schemeOf(colors), colorScheme, `body colours ${JSON.stringify(colors)}`);
        assert.ok(luminance(colors.background) < 0.05 || luminance(colors.background) > 0.9, 'a clearly light or dark background');
        assert.equal(await page.evaluate(() => document.documentElement.dataset.theme ?? null), null, 'no saved choice');
        assert.equal(await toggleOf(page).getAttribute('aria-pressed'), String(colorScheme === 'dark'));
      });
    }
  });

  test('one small theme script, in the head, with its id', async () => {
    await visit(PAGES.home, {}, async (page) => {
      const script = page.locator(`head > script#${THEME_SCRIPT_ID}`);
      assert.equal(await script.count(), 1);
      assert.ok(Buffer.byteLength((await script.textContent()) ?? '') < 1024, 'under 1 KB');
    });
  });

  test('the toggle switches the page, code included, and the choice outlasts a reload and other pages with no flash', async () => {
    await clearSavedTheme();
    const atBodyStart = (page: Page) => page.evaluate(() => (window as Window & { __atBodyStart?: { theme: string | null; background: string; color: string } }).__atBodyStart!);
    await visit(PAGES.home, { colorScheme: 'light', prepare: probeBodyStart }, async (page) => {
      assert.equal(schemeOf(await bodyColors(page)), 'light');
      const toggle = toggleOf(page);
      assert.ok(await toggle.isVisible(), 'the toggle shows');
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
      assert.equal(schemeOf(await bodyColors(page)), 'dark', 'the toggle makes a light-system page dark');

      await page.reload();
      const start = await atBodyStart(page);
      assert.equal(start.theme, 'dark', 'data-theme is set before the body is parsed');
      assert.equal(schemeOf(start), 'dark', `dark before the body is painted: ${JSON.stringify(start)}`);
      assert.equal(await toggleOf(page).getAttribute('aria-pressed'), 'true');
    });

    await visit(WIDE_POST, { colorScheme: 'light', prepare: probeBodyStart }, async (page) => {
      assert.equal(schemeOf(await atBodyStart(page)), 'dark', 'another page is dark from the start');
      // Code follows the page's scheme: each token is painted in its github-dark colour.
      const tokens = await page.locator('pre.shiki span[style*="--shiki-dark"]').evaluateAll((spans: HTMLElement[]) =>
        spans.map((span) => {
          const probe = document.createElement('span');
          probe.style.color = span.style.getPropertyValue('--shiki-dark');
          document.body.append(probe);
          const expected = getComputedStyle(probe).color;
          probe.remove();
          return { text: span.textContent, painted: getComputedStyle(span).color, expected };
        }),
      );
      assert.ok(tokens.length > 3, 'the post has highlighted code');
      assert.deepEqual(
        tokens.filter((token) => token.painted !== token.expected),
        [],
        'tokens not in their dark colour',
      );
    });

    // A saved light choice wins over a dark system, from the start.
    await visit(PAGES.home, { colorScheme: 'dark', prepare: probeBodyStart }, async (page) => {
      await toggleOf(page).click();
      assert.equal(await toggleOf(page).getAttribute('aria-pressed'), 'false');
      await page.reload();
      const start = await atBodyStart(page);
      assert.equal(start.theme, 'light');
      assert.equal(schemeOf(start), 'light', `light from the start on a dark system: ${JSON.stringify(start)}`);
    });
    await clearSavedTheme();
  });

  test('with JavaScript off the page follows the system and shows no toggle', async () => {
    // Its own context: scripts off from the start. It is closed with the browser (closing a
    // context on its own stops the single-process Chromium of @sparticuz/chromium).
    const noScript = await site().context.browser()!.newContext({ javaScriptEnabled: false });
    for (const colorScheme of ['dark', 'light'] as const) {
      await visit(PAGES.home, { colorScheme, context: noScript }, async (page) => {
        assert.equal(schemeOf(await bodyColors(page)), colorScheme);
        assert.equal(await page.locator('#theme-toggle').count(), 1, 'the button is in the markup');
        assert.equal(await page.locator('#theme-toggle').isVisible(), false, 'but not shown');
        assert.equal(await toggleOf(page).count(), 0, 'and not in the accessibility tree');
        assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-theme-toggle')), false);
      });
    }
  });
});

describe('layout', () => {
  test('at 320 px nothing scrolls sideways; wide tables and code scroll in their own boxes', async () => {
    for (const pathname of [...Object.values(PAGES), '/about/']) {
      await visit(pathname, {}, async (page) => {
        await page.setViewportSize({ width: 320, height: 800 });
        if (pathname === WIDE_POST) {
          // A table wider than the screen, as a post with many columns would have.
          await page.locator('[data-post-body] table tr').first().evaluate((row: HTMLTableRowElement) => {
            for (const heading of ['p50 latency', 'p99 latency', 'Requests per second', 'Monthly cost']) row.insertAdjacentHTML('beforeend', `<th>${heading}</th>`);
          });
          for (const selector of ['[data-post-body] table', '[data-post-body] pre']) {
            const box = await page.locator(selector).first().evaluate((element) => ({
              overflows: element.scrollWidth > element.clientWidth,
              overflowX: getComputedStyle(element).overflowX,
              right: element.getBoundingClientRect().right,
            }));
            assert.equal(box.overflows, true, `${selector} is wider than the screen`);
            assert.ok(['auto', 'scroll'].includes(box.overflowX), `${selector} scrolls (overflow-x ${box.overflowX})`);
            assert.ok(box.right <= 320, `${selector} ends inside the screen (right edge ${box.right})`);
          }
        }
        const width = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
        assert.ok(width.scrollWidth <= width.clientWidth, `${pathname} scrolls sideways at 320 px: ${JSON.stringify(width)}`);
      });
    }
  });

  test('on a wide screen the text is one centred column of readable length', async () => {
    await visit(PAGES.post, {}, async (page) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      const box = (await page.locator('main').boundingBox())!;
      assert.ok(box.width <= 720, `the column is at most 45rem wide, got ${box.width}`);
      assert.ok(Math.abs(box.x - (1280 - box.x - box.width)) <= 2, 'the column is centred');
    });
  });

  test('print: black on white, no menu, skip link, toggle or footer links; links elsewhere show their address', async () => {
    await visit(PAGES.post, { colorScheme: 'dark' }, async (page) => {
      await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
      const colors = await bodyColors(page);
      assert.deepEqual(colors, { background: 'rgb(255, 255, 255)', color: 'rgb(0, 0, 0)' });
      const hidden = ['nav[aria-label="Main"]', 'a[href="#main"]', '#theme-toggle', 'footer ul'];
      for (const selector of hidden) assert.equal(await page.locator(selector).first().isVisible(), false, `${selector} is not printed`);
      assert.ok(await page.locator('footer').isVisible(), 'the footer itself (author) is printed');
      const printedAfter = (link: Locator) => link.evaluate((element) => ({ href: element.getAttribute('href'), after: getComputedStyle(element, '::after').content }));
      const external = await printedAfter(page.locator('[data-post-body] a[rel~="external"]').first());
      assert.equal(external.after, `" (${external.href})"`, 'an external link prints its address after it');
      const internal = await printedAfter(page.locator('[data-post-body] a[href^="#"]').first());
      assert.ok(!internal.after.includes(internal.href ?? ''), `a link within the page does not: ${JSON.stringify(internal)}`);
    });
  });
});

describe('keyboard', () => {
  test('the first Tab shows the skip link, which moves focus to the main content', async () => {
    await visit(PAGES.post, {}, async (page) => {
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Skip to content' });
      assert.equal(await skip.evaluate((link) => link === document.activeElement), true, 'the skip link has focus');
      const box = await skip.boundingBox();
      assert.ok(box && box.y >= 0 && box.height > 0, `the focused skip link is on screen: ${JSON.stringify(box)}`);
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    });
  });

  test('everything focusable shows a visible outline when reached by keyboard', async () => {
    await visit(PAGES.home, {}, async (page) => {
      // Tab through the header, the toggle and the first posts.
      const outlines: { element: string; outline: string }[] = [];
      const reachedToggle = () => outlines.findIndex(({ element }) => element === 'theme-toggle');
      while (outlines.length < 30 && (reachedToggle() === -1 || outlines.length < reachedToggle() + 4)) {
        await page.keyboard.press('Tab');
        outlines.push(
          await page.evaluate(() => {
            const element = document.activeElement as Element;
            const style = getComputedStyle(element);
            return { element: element.id || (element.textContent ?? '').trim(), outline: `${style.outlineStyle} ${style.outlineWidth}` };
          }),
        );
      }
      assert.ok(outlines.some(({ element }) => element === 'theme-toggle'), `the toggle is reached: ${JSON.stringify(outlines)}`);
      assert.deepEqual(
        outlines.filter(({ outline }) => outline.startsWith('none') || outline.endsWith(' 0px')),
        [],
        'focused elements without an outline',
      );
    });
  });
});

describe('image zoom', () => {
  /** The photo of the folder post: its zoom button and its overlay. */
  const zoomOf = (page: Page) => {
    const open = page.getByRole('button', { name: /^Enlarge image: A still lake/ });
    // A closed popover is not rendered, so not in the accessibility tree: found by its class until it opens.
    return { open, overlay: page.locator('.image-zoom-overlay:has(img[alt^="A still lake"])') };
  };
  const isOpen = (overlay: Locator) => overlay.evaluate((element) => element.matches(':popover-open'));
  const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);

  test('a click opens the photo at its largest size, Escape closes it, and focus returns to the photo', async () => {
    await visit(WIDE_POST, {}, async (page) => {
      const { open, overlay } = zoomOf(page);
      assert.equal(await isOpen(overlay), false, 'closed at first');
      assert.equal(await overlay.isVisible(), false);
      await open.click();
      assert.equal(await isOpen(overlay), true, 'a click opens it');
      assert.equal(await page.getByRole('dialog', { name: /^Enlarge image: A still lake/ }).isVisible(), true, 'a dialog named by the photo');
      const large = overlay.locator('img');
      await large.evaluate((img: HTMLImageElement) => (img.complete ? null : new Promise((resolve) => img.addEventListener('load', resolve, { once: true }))));
      const shown = await large.evaluate((img: HTMLImageElement) => ({ src: img.currentSrc, naturalWidth: img.naturalWidth }));
      assert.match(shown.src, /\/_img\/lake-[0-9a-f]{12}-1600\.avif$/, 'the largest size made, in AVIF');
      assert.equal(shown.naturalWidth, 1600);
      assert.equal(await isFocused(overlay.getByRole('button', { name: 'Close' })), true, 'focus moves to its Close button');
      const { violations } = await new AxeBuilder({ page }).include('.image-zoom-overlay:popover-open').analyze();
      assert.deepEqual(violations.map(({ id, nodes }) => ({ id, nodes: nodes.map((node) => node.target.join(' ')) })), [], 'axe finds nothing in the open overlay');
      await page.keyboard.press('Escape');
      assert.equal(await isOpen(overlay), false, 'Escape closes it');
      assert.equal(await isFocused(open), true, 'focus is back on the photo');
    });
  });

  test('the keyboard opens it with Enter, and its Close button closes it, focus back on the photo', async () => {
    await visit(WIDE_POST, {}, async (page) => {
      const { open, overlay } = zoomOf(page);
      await open.focus();
      await page.keyboard.press('Enter');
      assert.equal(await isOpen(overlay), true, 'Enter opens it');
      await page.keyboard.press('Enter');
      assert.equal(await isOpen(overlay), false, 'Enter on the focused Close button closes it');
      assert.equal(await isFocused(open), true, 'focus is back on the photo');
      await page.keyboard.press('Space');
      assert.equal(await isOpen(overlay), true, 'Space opens it too');
      await overlay.getByRole('button', { name: 'Close' }).click();
      assert.equal(await isOpen(overlay), false, 'a click on Close closes it');
    });
  });

  test('with JavaScript off it works the same: the popover needs no script', async () => {
    // Its own context, closed with the browser, as the theme's test says why.
    const noScript = await site().context.browser()!.newContext({ javaScriptEnabled: false });
    await visit(WIDE_POST, { context: noScript }, async (page) => {
      const { open, overlay } = zoomOf(page);
      await open.click();
      assert.equal(await overlay.isVisible(), true, 'a click opens it');
      await page.keyboard.press('Escape');
      assert.equal(await overlay.isVisible(), false, 'Escape closes it');
    });
  });
});

describe('axe-core', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const [kind, pathname] of Object.entries(PAGES)) {
      test(`${kind} (${pathname}), ${colorScheme}: no violations`, async () => {
        await visit(pathname, { colorScheme }, async (page) => {
          const { violations } = await new AxeBuilder({ page }).analyze();
          const summary = violations.map(({ id, impact, nodes }) => ({ id, impact, nodes: nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary}`) }));
          assert.deepEqual(summary, []);
        });
      });
    }
  }
});
