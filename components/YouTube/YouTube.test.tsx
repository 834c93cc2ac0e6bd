import { render, screen, within } from '@testing-library/react';
import { YouTube } from './YouTube';

/** The document the frame shows first, parsed as the browser parses `srcdoc`. */
function frameDocument(frame: HTMLElement): Document {
  return new DOMParser().parseFromString(frame.getAttribute('srcdoc') ?? '', 'text/html');
}

/** The frame document's body, placed in this page so Testing Library can query it by role. */
function frameBody(frame: HTMLElement): HTMLElement {
  const body = document.createElement('div');
  body.innerHTML = frameDocument(frame).body.innerHTML;
  document.body.append(body);
  return body;
}

describe('YouTube', () => {
  it('is a lazy youtube-nocookie frame, named by its title', () => {
    render(<YouTube id="WFRIivS2mpo" title="Cache me if you can" />);
    const frame = screen.getByTitle('Cache me if you can');
    expect(frame.tagName).toBe('IFRAME');
    expect(frame).toHaveAttribute('src', 'https://www.youtube-nocookie.com/embed/WFRIivS2mpo');
    expect(frame).toHaveAttribute('loading', 'lazy');
    expect(frame).toHaveAttribute('allowfullscreen');
  });

  it('shows a play link first, and nothing from YouTube: the player loads, playing, on click', () => {
    render(<YouTube id="WFRIivS2mpo" title="Cache me if you can" start={90} />);
    const frame = screen.getByTitle('Cache me if you can');
    const play = within(frameBody(frame)).getByRole('link', { name: 'Play video: Cache me if you can' });
    expect(play).toHaveAttribute('href', 'https://www.youtube-nocookie.com/embed/WFRIivS2mpo?autoplay=1&start=90');
    const first = frameDocument(frame);
    expect(first.querySelectorAll('script, img, iframe, link')).toHaveLength(0);
    expect(first.title).toBe('Cache me if you can');
  });

  it('links to the video on YouTube, for readers without frames', () => {
    render(<YouTube id="WFRIivS2mpo" title="Cache me if you can" start={90} />);
    const link = screen.getByRole('link', { name: 'Cache me if you can' });
    expect(link).toHaveAttribute('href', 'https://www.youtube.com/watch?v=WFRIivS2mpo&t=90s');
    expect(link.closest('figcaption')).toHaveTextContent('Cache me if you can on YouTube');
  });

  it('keeps a title with markup as text in the frame', () => {
    const title = 'Tags like </style><script>alert(1)</script> & "quotes"';
    render(<YouTube id="WFRIivS2mpo" title={title} />);
    const frame = screen.getByTitle(title);
    expect(frameDocument(frame).querySelectorAll('script')).toHaveLength(0);
    expect(within(frameBody(frame)).getByRole('link', { name: `Play video: ${title}` })).toBeInTheDocument();
  });
});
