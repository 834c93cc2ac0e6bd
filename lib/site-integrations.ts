/**
 * The integrations this build uses: the site's settings (lib/site.ts), checked, or those that
 * `FOLIO_INTEGRATIONS` puts in their place. Server-side only (page data, the document, the
 * build manifest): it reads the environment, and keeps zod out of the pages' own modules.
 */
import { resolveIntegrations, type Integrations } from './integrations.mjs';
import { site } from './site';

export const siteIntegrations: Integrations = resolveIntegrations(site, process.env.FOLIO_INTEGRATIONS);
