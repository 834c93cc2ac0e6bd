import styles from './Figure.module.css';

export interface FigureProps {
  src: string;
  /** Required: describes the image for people who cannot see it. */
  alt: string;
  caption?: string;
  width?: number;
  height?: number;
}

/** An image with a caption in an MDX post: `<Figure src="./diagram.png" alt="…" caption="…" />`. */
export function Figure({ src, alt, caption, width, height }: FigureProps) {
  return (
    <figure className={styles.figure}>
      <img src={src} alt={alt} width={width} height={height} loading="lazy" decoding="async" />
      {caption && <figcaption className={styles.caption}>{caption}</figcaption>}
    </figure>
  );
}
