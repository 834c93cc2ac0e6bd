import { render, screen, within } from '@testing-library/react';
import { Callout, type CalloutType } from './Callout';

describe('Callout', () => {
  it('is a note by default, titled "Note"', () => {
    render(<Callout>Remember this.</Callout>);
    const aside = screen.getByRole('complementary', { name: 'Note' });
    expect(aside.tagName).toBe('ASIDE');
    expect(aside).toHaveClass('callout', 'callout-note');
    expect(within(aside).getByText('Note')).toHaveClass('callout-title');
    expect(within(aside).getByText('Remember this.')).toHaveClass('callout-content');
  });

  it.each<[CalloutType, string]>([
    ['note', 'Note'],
    ['tip', 'Tip'],
    ['important', 'Important'],
    ['warning', 'Warning'],
    ['caution', 'Caution'],
  ])('type "%s" is styled as such and titled "%s"', (type, title) => {
    const { container } = render(<Callout type={type}>Body text.</Callout>);
    const aside = screen.getByRole('complementary', { name: title });
    expect(aside).toHaveClass(`callout-${type}`);
    for (const other of ['note', 'tip', 'important', 'warning', 'caution'].filter((name) => name !== type)) {
      expect(aside).not.toHaveClass(`callout-${other}`);
    }
    expect(container.querySelector('.callout-title')).toHaveTextContent(new RegExp(`^${title}$`));
  });

  it('uses a custom title as its heading text and its accessible name', () => {
    render(
      <Callout type="tip" title="Cache everything">
        <p>If it is read more than it is written, cache it.</p>
      </Callout>,
    );
    const aside = screen.getByRole('complementary', { name: 'Cache everything' });
    expect(aside).toHaveClass('callout-tip');
    expect(within(aside).getByText('Cache everything')).toHaveClass('callout-title');
    expect(within(aside).queryByText('Tip')).toBeNull();
    expect(within(aside).getByText('If it is read more than it is written, cache it.').tagName).toBe('P');
  });
});
