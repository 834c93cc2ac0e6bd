import styles from './YouTube.module.css';

export interface YouTubeProps {
  /** The video's id: the `v=…` of its watch URL. */
  id: string;
  /** What the video is; names the frame and the play link for screen readers. */
  title: string;
  /** Where to start playing, in seconds. */
  start?: number;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * The frame's first document, written into `srcdoc`: a play link and nothing from YouTube,
 * so the page makes no request to YouTube, and sets no cookie, until the reader clicks.
 * The link then loads the youtube-nocookie player in the frame, playing. No script runs.
 */
function playButtonDocument(title: string, playerUrl: string): string {
  const style =
    'html,body{height:100%;margin:0}' +
    'a{display:flex;height:100%;flex-direction:column;align-items:center;justify-content:center;gap:.75rem;padding:1rem;box-sizing:border-box;' +
    'background:#0f0f0f;color:#fff;font:600 1.1rem/1.4 system-ui,sans-serif;text-align:center;text-decoration:none}' +
    'span{display:grid;place-items:center;width:4.25rem;height:3rem;border-radius:.75rem;background:#c00;font-size:1.5rem}' +
    'a:hover span,a:focus-visible span{background:#f00}a:focus-visible{outline:3px solid #fff;outline-offset:-6px}';
  return `<!doctype html><html lang="en"><title>${escapeHtml(title)}</title><style>${style}</style><a href="${escapeHtml(playerUrl)}"><span aria-hidden="true">▶</span>Play video: ${escapeHtml(title)}</a>`;
}

/**
 * A YouTube video that loads only when played: `<YouTube id="WFRIivS2mpo" title="…" />`,
 * or a YouTube link alone on a line. Below the frame, a link to the video on YouTube also
 * serves readers (and feed readers) without frames.
 */
export function YouTube({ id, title, start }: YouTubeProps) {
  const video = encodeURIComponent(id);
  const player = `https://www.youtube-nocookie.com/embed/${video}`;
  const startAt = start ? `start=${start}` : '';
  return (
    <figure className={styles.youtube}>
      <iframe
        className={styles.frame}
        title={title}
        // srcdoc wins; src is the player for a browser or reader that ignores srcdoc.
        src={startAt ? `${player}?${startAt}` : player}
        srcDoc={playButtonDocument(title, `${player}?autoplay=1${startAt && `&${startAt}`}`)}
        loading="lazy"
        allow="autoplay; encrypted-media; fullscreen; picture-in-picture"
        allowFullScreen
        referrerPolicy="strict-origin-when-cross-origin"
      />
      <figcaption className={styles.caption}>
        <a href={`https://www.youtube.com/watch?v=${video}${start ? `&t=${start}s` : ''}`}>{title}</a> on YouTube
      </figcaption>
    </figure>
  );
}
