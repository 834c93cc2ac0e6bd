import { render, screen } from '@testing-library/react';
import { Figure } from './Figure';

describe('Figure', () => {
  it('shows the image the build made, and the caption', () => {
    const { container } = render(
      <Figure caption="Hit ratios by layer.">
        <picture>
          <source type="image/avif" srcSet="/_img/diagram-0123456789ab-480.avif 480w" />
          <img src="/_img/diagram-0123456789ab-480.png" alt="Bar chart of cache hit ratios" width={480} height={180} />
        </picture>
      </Figure>,
    );
    const figure = container.querySelector('figure');
    const image = screen.getByRole('img', { name: 'Bar chart of cache hit ratios' });
    expect(image.parentElement?.tagName).toBe('PICTURE');
    expect(image.parentElement?.parentElement).toBe(figure);
    expect(container.querySelectorAll('img')).toHaveLength(1);

    const caption = screen.getByText('Hit ratios by layer.');
    expect(caption.tagName).toBe('FIGCAPTION');
    expect(caption.parentElement).toBe(figure);
  });

  it('shows a src the build did not process as a lazily loaded image', () => {
    const { container } = render(<Figure src="https://example.com/chart.png" alt="Bar chart of cache hit ratios" caption="Hit ratios by layer." width={640} height={360} />);
    const image = screen.getByRole('img', { name: 'Bar chart of cache hit ratios' });
    expect(image).toHaveAttribute('src', 'https://example.com/chart.png');
    expect(image).toHaveAttribute('loading', 'lazy');
    expect(image).toHaveAttribute('decoding', 'async');
    expect(image).toHaveAttribute('width', '640');
    expect(image).toHaveAttribute('height', '360');
    expect(image.parentElement).toBe(container.querySelector('figure'));
  });

  it('has no figcaption without a caption, and no size it was not given', () => {
    const { container } = render(<Figure src="https://example.com/a.png" alt="A diagram" />);
    expect(container.querySelector('figcaption')).toBeNull();
    const image = screen.getByRole('img', { name: 'A diagram' });
    expect(image).not.toHaveAttribute('width');
    expect(image).not.toHaveAttribute('height');
  });

  it('keeps an empty alt for a decorative image', () => {
    const { container } = render(<Figure src="https://example.com/a.png" alt="" />);
    expect(container.querySelector('img')).toHaveAttribute('alt', '');
  });
});
