import { YOUTUBE_PLAY_STYLE, YOUTUBE_PLAYER_ORIGIN } from '../../lib/integrations/youtube-frame';

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
 * The link then loads the youtube-nocookie player in the frame, playing. No script runs;
 * the page's Content-Security-Policy allows its stylesheet by hash (lib/integrations/youtube-frame.ts).
 */
function playButtonDocument(title: string, playerUrl: string): string {
  return `<!doctype html><html lang="en"><title>${escapeHtml(title)}</title><style>${YOUTUBE_PLAY_STYLE}</style><a href="${escapeHtml(playerUrl)}"><span aria-hidden="true">▶</span>Play video: ${escapeHtml(title)}</a>`;
}

/**
 * A YouTube video that loads only when played: `<YouTube id="WFRIivS2mpo" title="…" />`,
 * or a YouTube link alone on a line. Below the frame, a link to the video on YouTube also
 * serves readers (and feed readers) without frames. Styled by the body's stylesheet
 * (components/MdxBody/MdxBody.module.css).
 */
export function YouTube({ id, title, start }: YouTubeProps) {
  const video = encodeURIComponent(id);
  const player = `${YOUTUBE_PLAYER_ORIGIN}/embed/${video}`;
  const startAt = start ? `start=${start}` : '';
  return (
    <figure className="youtube">
      <iframe
        className="youtube-frame"
        title={title}
        // srcdoc wins; src is the player for a browser or reader that ignores srcdoc.
        src={startAt ? `${player}?${startAt}` : player}
        srcDoc={playButtonDocument(title, `${player}?autoplay=1${startAt && `&${startAt}`}`)}
        loading="lazy"
        allow="autoplay; encrypted-media; fullscreen; picture-in-picture"
        allowFullScreen
        referrerPolicy="strict-origin-when-cross-origin"
      />
      <figcaption className="youtube-caption">
        <a href={`https://www.youtube.com/watch?v=${video}${start ? `&t=${start}s` : ''}`}>{title}</a> on YouTube
      </figcaption>
    </figure>
  );
}
