import { render, screen, within } from '@testing-library/react';
import { ContentErrorPanel } from './ContentErrorPanel';

describe('ContentErrorPanel', () => {
  it('is an alert that shows the file:line, the field and the message', () => {
    render(<ContentErrorPanel error={{ file: 'posts/broken.md', line: 3, field: 'date', message: 'posts/broken.md:3: date: "2017-13-45" is not a valid date (use YYYY-MM-DD)' }} />);
    const alert = screen.getByRole('alert', { name: 'This post has an error' });
    expect(within(alert).getByRole('heading', { level: 1 })).toHaveTextContent('This post has an error');

    expect(within(alert).getByText('posts/broken.md:3').tagName).toBe('CODE');
    const terms = Array.from(alert.querySelectorAll('dt')).map((dt) => dt.textContent);
    expect(terms).toEqual(['File', 'Field']);
    expect(within(alert).getByText('date').tagName).toBe('CODE');
    const message = within(alert).getByText('posts/broken.md:3: date: "2017-13-45" is not a valid date (use YYYY-MM-DD)');
    expect(message.tagName).toBe('PRE');
    expect(alert).toHaveTextContent('npm run build');
  });

  it('shows the file alone when the line is unknown, and no Field row without a field', () => {
    render(<ContentErrorPanel error={{ file: 'posts/cache-layers/', line: null, field: null, message: 'has both index.md and index.mdx; keep one' }} />);
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('posts/cache-layers/').tagName).toBe('CODE');
    expect(alert).not.toHaveTextContent('posts/cache-layers/:');
    expect(Array.from(alert.querySelectorAll('dt')).map((dt) => dt.textContent)).toEqual(['File']);
    expect(within(alert).getByText('has both index.md and index.mdx; keep one')).toBeInTheDocument();
  });

  it('shows the message as text, not markup', () => {
    const { container } = render(<ContentErrorPanel error={{ file: 'posts/x.mdx', line: 1, field: null, message: 'Unexpected <img src=x onerror=alert(1)>' }} />);
    expect(screen.getByText('Unexpected <img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });
});
