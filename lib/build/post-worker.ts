/**
 * A worker process of the prepare step (lib/build/prepare.ts): builds the posts it is sent, one
 * at a time, with the site's body renderer. Started by `createWorkerPool`, never by hand.
 */
import { renderBodyHtml } from '../../components/MdxBody/renderBody';
import type { Post } from '../content/types';
import { basePath, site } from '../config/site';
import { buildPostOutput, type PostResult } from './post-output';
import { serveJobs } from './worker-pool';

serveJobs<Post, PostResult>((post) => buildPostOutput(post, { root: process.cwd(), siteUrl: site.url, basePath, renderHtml: renderBodyHtml }));
