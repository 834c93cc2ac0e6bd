import { render, screen } from '@testing-library/react';
import { Figure } from './Figure';

describe('Figure', () => {
  it('shows the image with its alt text, lazily loaded, and the caption', () => {
    const { container } = render(<Figure src="/posts/cache-layers/diagram.png" alt="Bar chart of cache hit ratios" caption="Hit ratios by layer." width={640} height={360} />);
    const figure = container.querySelector('figure');
    expect(figure).not.toBeNull();

    const image = screen.getByRole('img', { name: 'Bar chart of cache hit ratios' });
    expect(image).toHaveAttribute('src', '/posts/cache-layers/diagram.png');
    expect(image).toHaveAttribute('alt', 'Bar chart of cache hit ratios');
    expect(image).toHaveAttribute('loading', 'lazy');
    expect(image).toHaveAttribute('decoding', 'async');
    expect(image).toHaveAttribute('width', '640');
    expect(image).toHaveAttribute('height', '360');
    expect(image.parentElement).toBe(figure);

    const caption = screen.getByText('Hit ratios by layer.');
    expect(caption.tagName).toBe('FIGCAPTION');
    expect(caption.parentElement).toBe(figure);
  });

  it('has no figcaption without a caption, and no size it was not given', () => {
    const { container } = render(<Figure src="/a.png" alt="A diagram" />);
    expect(container.querySelector('figcaption')).toBeNull();
    const image = screen.getByRole('img', { name: 'A diagram' });
    expect(image).toHaveAttribute('loading', 'lazy');
    expect(image).not.toHaveAttribute('width');
    expect(image).not.toHaveAttribute('height');
  });

  it('keeps an empty alt for a decorative image', () => {
    const { container } = render(<Figure src="/a.png" alt="" />);
    expect(container.querySelector('img')).toHaveAttribute('alt', '');
  });
});
