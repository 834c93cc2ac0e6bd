/**
 * The prepare step alone (lib/build/prepare.ts), as the first step of `npm run build` runs it:
 * for tools that run `next build` and the post-export step themselves (scripts/build-site.ts).
 *
 *   tsx scripts/prepare.ts
 */
import { ContentErrors } from '../lib/content/errors';
import { startPostBuilders } from '../lib/build/post-builders';
import { runPrepare } from '../lib/build/run-prepare';

const builders = startPostBuilders(process.cwd());
// As `npm run build` does: a worker loads the compile pipeline while the posts are read.
builders.prestart();
runPrepare(process.cwd(), 'production', builders)
  .catch((error: unknown) => {
    console.error(error instanceof ContentErrors ? `\n${error.message}\n` : error);
    process.exitCode = 1;
  })
  .finally(() => builders.close());
