import type { ReactNode } from 'react';

export interface FigureProps {
  /**
   * The image as the build made it (lib/images/body-images.ts): a responsive `<picture>`, or an `<img>`
   * with its size. The build turns an MDX `<Figure src="…" alt="…">` into this.
   */
  children?: ReactNode;
  /** Without `children`: the image's URL, shown as it is. */
  src?: string;
  /** Without `children`: describes the image for people who cannot see it. */
  alt?: string;
  caption?: string;
  width?: number;
  height?: number;
}

/**
 * An image with a caption in an MDX post: `<Figure src="./diagram.png" alt="…" caption="…" />`.
 * The build passes the responsive image as children; a `src` it could not process (an
 * expression) is shown as a plain lazily loaded `<img>`. Styled by the body's stylesheet
 * (components/MdxBody/MdxBody.module.css).
 */
export function Figure({ children, src, alt, caption, width, height }: FigureProps) {
  return (
    <figure className="figure">
      {children ?? <img src={src} alt={alt} width={width} height={height} loading="lazy" decoding="async" />}
      {caption && <figcaption className="figure-caption">{caption}</figcaption>}
    </figure>
  );
}
