import type { AnalyticsScript } from '../../lib/integrations/integrations';

export interface AnalyticsProps {
  /** The provider's script tag (lib/integrations/integrations.ts `analyticsScript`), or null when analytics are off. */
  script: AnalyticsScript | null;
}

/**
 * Analytics, for the `<head>` of every page (pages/_document.tsx): the provider's one script,
 * deferred so it never holds up the page; nothing at all when analytics are off.
 */
export function Analytics({ script }: AnalyticsProps) {
  if (!script) return null;
  return <script defer src={script.src} {...script.attributes} />;
}
