import type { ThemeColor, iconHrefs } from '../../lib/images/icons';

export interface SiteIconsProps {
  /** Where the icon set and the manifest are, under the base path (`iconHrefs`). */
  hrefs: ReturnType<typeof iconHrefs>;
  themeColor: ThemeColor;
}

/**
 * The site's icons, its web app manifest and the colour of the browser's frame, for the head
 * of every page (pages/_document.tsx). A page that names its icons is never asked for
 * `/favicon.ico` at the root of the origin, which a site under a base path does not own.
 * `favicon.ico` is for browsers without SVG icons; the others take the SVG, at any size.
 */
export function SiteIcons({ hrefs, themeColor }: SiteIconsProps) {
  return (
    <>
      <link rel="icon" href={hrefs.favicon} sizes="16x16 32x32 48x48" />
      <link rel="icon" href={hrefs.svg} type="image/svg+xml" sizes="any" />
      <link rel="apple-touch-icon" href={hrefs.appleTouchIcon} />
      <link rel="manifest" href={hrefs.manifest} />
      <meta name="theme-color" media="(prefers-color-scheme: light)" content={themeColor.light} />
      <meta name="theme-color" media="(prefers-color-scheme: dark)" content={themeColor.dark} />
    </>
  );
}
