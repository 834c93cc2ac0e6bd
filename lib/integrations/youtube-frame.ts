/**
 * What a YouTube embed (components/YouTube) puts in its frame, shared with the
 * Content-Security-Policy (lib/export/headers.ts) that must allow it: the player's origin, which
 * the frame navigates to when played, and the one `<style>` element Folio writes inline,
 * the stylesheet of the play-button document in the frame's `srcdoc`. A `srcdoc` document
 * runs under its page's policy, so the policy allows this stylesheet by its hash.
 */
export const YOUTUBE_PLAYER_ORIGIN = 'https://www.youtube-nocookie.com';

export const YOUTUBE_PLAY_STYLE =
  'html,body{height:100%;margin:0}' +
  'a{display:flex;height:100%;flex-direction:column;align-items:center;justify-content:center;gap:.75rem;padding:1rem;box-sizing:border-box;' +
  'background:#0f0f0f;color:#fff;font:600 1.1rem/1.4 system-ui,sans-serif;text-align:center;text-decoration:none}' +
  'span{display:grid;place-items:center;width:4.25rem;height:3rem;border-radius:.75rem;background:#c00;font-size:1.5rem}' +
  'a:hover span,a:focus-visible span{background:#f00}a:focus-visible{outline:3px solid #fff;outline-offset:-6px}';
