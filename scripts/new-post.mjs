#!/usr/bin/env node
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
import { slugify } from '../lib/slug.mjs';

const args = process.argv.slice(2);
const flags = new Set(args.filter((arg) => arg.startsWith('--')));
const title = args.filter((arg) => !arg.startsWith('--')).join(' ').trim();
if (!title) {
  console.error('usage: npm run new-post -- "My title" [--mdx] [--folder]');
  process.exit(2);
}

const slug = slugify(title);
if (!slug) {
  console.error(`Cannot make a file name from ${JSON.stringify(title)}: use a title with letters or digits.`);
  process.exit(2);
}

/** Today on the author's own calendar. */
const now = new Date();
const today = [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');

const extension = flags.has('--mdx') ? 'mdx' : 'md';
const postsDir = path.resolve(process.env.FOLIO_POSTS_DIR ?? 'posts');
const file = flags.has('--folder') ? path.join(postsDir, slug, `index.${extension}`) : path.join(postsDir, `${slug}.${extension}`);

if (fs.existsSync(file)) {
  console.error(`${path.relative(process.cwd(), file)} already exists; choose another title.`);
  process.exit(1);
}

// JSON strings are valid YAML double-quoted strings, so any title is safely quoted.
const contents = `---
title: ${JSON.stringify(title)}
date: "${today}"                # a calendar date, YYYY-MM-DD
# updated: "${today}"           # the date of the last meaningful change, for feeds and the sitemap
draft: true                     # shown by \`npm run dev\`, left out of \`npm run build\`; set false to publish
template: "post"                # or "page": served at /<slug>/ and linked from the menu
tags: []                        # e.g. ["aws", "caching"]
# category: "Notes"             # one category
# excerpt: "One or two sentences for lists, feeds and the meta description."
# description: "Another name for excerpt (Lumen, gatsby-starter-blog)."
# slug: "${slug}"               # defaults to the file name; Lumen's "/posts/${slug}/" works too
# cover: "./cover.jpg"          # an image for the post; relative paths need a folder post
# socialImage: "/media/card.png" # the image shown when the post is shared
---

Write the first paragraph here: without an excerpt, it is the post's summary.
`;

fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, contents);
console.log(`Wrote ${path.relative(process.cwd(), file)}`);
