/**
 * The integrations this build uses: the site's settings (lib/site.ts), checked, or those that
 * `FOLIO_INTEGRATIONS` puts in their place. Server-side only (page data, the document, the
 * build manifest): it reads the environment. Components get what it decides as props.
 */
import { commentsEmbed, resolveIntegrations, type CommentsEmbed, type Integrations } from '../integrations/integrations.mjs';
import { basePath, site } from './site';

export const siteIntegrations: Integrations = resolveIntegrations(site, process.env.FOLIO_INTEGRATIONS);

/** What every post page embeds for comments, made once; null when comments are off. */
export const siteCommentsEmbed: CommentsEmbed | null = siteIntegrations.comments && commentsEmbed(siteIntegrations.comments, basePath);
