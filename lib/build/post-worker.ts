/**
 * A worker process of the prepare step (lib/build/prepare.ts): builds the posts it is sent, one
 * at a time, with the site's body renderer. Started by `createWorkerPool`, never by hand.
 */
import { renderBodyHtml } from '../../components/MdxBody/renderBody';
import type { Post } from '../content/types';
import { basePath, site } from '../config/site';
import { buildPostOutput, warmPipeline, type PostBuildContext, type PostResult } from './post-output';
import { serveJobs } from './worker-pool';

const context: PostBuildContext = { root: process.cwd(), siteUrl: site.url, basePath, renderHtml: renderBodyHtml };

// The compile pipeline (unified, shiki, KaTeX, MDX) is loaded and run once before the worker is
// ready, so that a post's time limit counts the post's own work: loading the pipeline takes
// seconds, and many more on a loaded machine. A worker starts only for a post the caches lack
// (lib/build/run-prepare.ts), and in `npm run dev` before the author saves.
const loaded = warmPipeline(context).catch((error: unknown) => console.error('Could not warm up the compile pipeline:', error));
serveJobs<Post, PostResult>((post) => buildPostOutput(post, context), loaded);
