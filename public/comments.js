/*
 * Folio's comments loader. Post pages load it, deferred, only when the site has comments
 * on (see components/Comments). It loads the comments provider's script (giscus or
 * utterances) when the reader clicks "Show comments", and not before. Being a same-origin
 * file, it runs under a Content-Security-Policy of `script-src 'self' <provider>`, where an
 * inline handler would not.
 *
 * The comments section carries the provider's settings as JSON in `data-comments`: its
 * script URL, that script's attributes, and its theme for the light and the dark scheme.
 */
(() => {
  const root = document.documentElement;
  /** The scheme the page shows: the reader's choice from the theme toggle, else the system's. */
  const scheme = () => root.dataset.theme ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');

  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-comments-show]') : null;
    const section = button?.closest('[data-comments]');
    if (!section) return;
    const { scriptSrc, attributes, themeAttribute, themes } = JSON.parse(section.dataset.comments);
    const thread = section.querySelector('[data-comments-thread]');
    const script = document.createElement('script');
    for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
    script.setAttribute(themeAttribute, themes[scheme()] ?? themes.light);
    script.crossOrigin = 'anonymous';
    script.async = true;
    script.src = scriptSrc;
    script.addEventListener('error', () => {
      thread.textContent = 'The comments could not be loaded. The link above leads to them.';
    });
    thread.append(script);
    // The button has done its work; focus goes to the heading the comments appear under.
    button.remove();
    section.querySelector('h2')?.focus();
  });
})();
