/**
 * Starts a new post: `npm run new-post -- "My title"` writes posts/my-title.md with today's
 * date and every front matter field, the optional ones commented out.
 *
 *   --mdx      write an .mdx post
 *   --folder   write a folder post, posts/my-title/index.md, for posts with images
 *
 * FOLIO_POSTS_DIR points it at another posts folder, as it does for the site.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { slugify } from '../lib/content/slug';

/** A reason not to write the post, with the exit status the command ends with. */
export class NewPostError extends Error {
  constructor(
    message: string,
    /** The exit status the command ends with. */
    readonly status: number,
  ) {
    super(message);
  }
}

/** Today on the author's own calendar: the date the clock and the machine's time zone give now. */
function today(): string {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
}

/**
 * Writes a new draft titled `title`, dated today, into `postsDir`; returns its path.
 */
export function writeNewPost(title: string, { postsDir, mdx = false, folder = false }: { postsDir: string; mdx?: boolean; folder?: boolean }): string {
  const slug = slugify(title);
  if (!slug) throw new NewPostError(`Cannot make a file name from ${JSON.stringify(title)}: use a title with letters or digits.`, 2);
  const extension = mdx ? 'mdx' : 'md';
  const file = folder ? path.join(postsDir, slug, `index.${extension}`) : path.join(postsDir, `${slug}.${extension}`);
  if (fs.existsSync(file)) throw new NewPostError(`${path.relative(process.cwd(), file)} already exists; choose another title.`, 1);

  const date = today();
  // JSON strings are valid YAML double-quoted strings, so any title is safely quoted.
  const contents = `---
title: ${JSON.stringify(title)}
date: "${date}"                # a calendar date, YYYY-MM-DD
# updated: "${date}"           # the date of the last meaningful change, for feeds and the sitemap
draft: true                     # shown by \`npm run dev\`, left out of \`npm run build\`; set false to publish
template: "post"                # or "page": served at /<slug>/ and linked from the menu
tags: []                        # e.g. ["aws", "caching"]
# category: "Notes"             # one category
# authors: ["folio-author"]     # ids of authors in lib/config/settings.ts; the first one when left out
# excerpt: "One or two sentences for lists, feeds and the meta description."
# description: "Another name for excerpt (Lumen, gatsby-starter-blog)."
# slug: "${slug}"               # defaults to the file name; Lumen's "/posts/${slug}/" works too
# cover: "./cover.jpg"          # an image for the post; relative paths need a folder post
# socialImage: "/media/card.png" # the image shown when the post is shared
# series: "Caching at scale"    # the series it is a part of; its parts link each other
# seriesOrder: 2                # its place in the series; without it, date order
# featured: true                # shown in the featured section at the top of the home page
---

Write the first paragraph here: without an excerpt, it is the post's summary.
`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, contents);
  return file;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const flags = new Set(args.filter((arg) => arg.startsWith('--')));
  const title = args.filter((arg) => !arg.startsWith('--')).join(' ').trim();
  if (!title) {
    console.error('usage: npm run new-post -- "My title" [--mdx] [--folder]');
    process.exit(2);
  }
  try {
    const file = writeNewPost(title, { postsDir: path.resolve(process.env.FOLIO_POSTS_DIR ?? 'posts'), mdx: flags.has('--mdx'), folder: flags.has('--folder') });
    console.log(`Wrote ${path.relative(process.cwd(), file)}`);
  } catch (error) {
    if (!(error instanceof NewPostError)) throw error;
    console.error(error.message);
    process.exit(error.status);
  }
}
