/**
 * A worker process of the prepare step (lib/build/prepare.ts): builds the posts it is sent, one
 * at a time, with the site's body renderer. Started by `createWorkerPool`, never by hand.
 */
import { renderBodyHtml } from '../../components/MdxBody/renderBody';
import type { Post } from '../content/types';
import { basePath, site } from '../config/site';
import { WARM_PIPELINE_VARIABLE } from './post-builders';
import { buildPostOutput, warmPipeline, type PostBuildContext, type PostResult } from './post-output';
import { serveJobs } from './worker-pool';

const context: PostBuildContext = { root: process.cwd(), siteUrl: site.url, basePath, renderHtml: renderBodyHtml };

serveJobs<Post, PostResult>((post) => buildPostOutput(post, context));

// In `npm run dev`, the pipeline that the first compile would load is loaded now, while the author has not saved yet.
if (process.env[WARM_PIPELINE_VARIABLE]) warmPipeline(context).catch((error: unknown) => console.error('Could not warm up the compile pipeline:', error));
