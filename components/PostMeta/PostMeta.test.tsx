import { render, screen } from '@testing-library/react';
import { PostMeta } from './PostMeta';
import { dictionaryOf } from '../../lib/config/dictionaries';
import { category as categoryTerm, tag } from '../../__tests__/helpers/post-summary';

describe('PostMeta', () => {
  it('shows the date, the category and the tags', () => {
    const { container } = render(<PostMeta date="2017-12-15" locale="en-GB" category={categoryTerm('DevOps')} tags={['aws', 'reinvent'].map(tag)} />);

    const time = container.querySelector('time');
    expect(time).toHaveAttribute('dateTime', '2017-12-15');
    expect(time).toHaveTextContent('15 December 2017');

    const category = screen.getByText('DevOps');
    expect(category).toHaveClass('category');

    expect(screen.getByText('#aws')).toHaveClass('tag');
    expect(screen.getByText('#reinvent')).toHaveClass('tag');
    // Screen readers hear "Tags:" before the list; the separators are hidden from them.
    expect(screen.getByText('Tags:')).toHaveClass('visually-hidden');
    const separators = Array.from(container.querySelectorAll('[aria-hidden="true"]'));
    expect(separators).toHaveLength(2);
    separators.forEach((separator) => expect(separator).toHaveTextContent('·'));

    expect(container.firstElementChild).toHaveTextContent(/^15 December 2017 · DevOps · Tags: #aws#reinvent$/);
  });

  it('marks a draft "Draft" and a scheduled post "Scheduled" (both only in npm run dev), and neither otherwise', () => {
    const { container, rerender } = render(<PostMeta date="2999-01-01" locale="en-GB" category={null} scheduled />);
    expect(screen.getByText('Scheduled').tagName).toBe('STRONG');
    expect(container.firstElementChild).toHaveTextContent(/^Scheduled1 January 2999$/);
    rerender(<PostMeta date="2999-01-01" locale="en-GB" category={null} draft scheduled />);
    expect(container.firstElementChild).toHaveTextContent(/^DraftScheduled1 January 2999$/);
    rerender(<PostMeta date="2999-01-01" locale="en-GB" category={null} />);
    expect(container.firstElementChild).toHaveTextContent(/^1 January 2999$/);
  });

  it("marks drafts and scheduled posts in the page's language", () => {
    const { container, rerender } = render(<PostMeta date="2999-01-01" locale="fr-FR" category={null} draft scheduled text={dictionaryOf('fr', 'en')} />);
    expect(container.firstElementChild).toHaveTextContent(/^BrouillonProgrammé1 janvier 2999$/);
    rerender(<PostMeta date="2999-01-01" locale="ar-EG" category={null} draft text={dictionaryOf('ar', 'en')} />);
    expect(screen.getByText('مسودة').tagName).toBe('STRONG');
  });

  it('shows only the date when there is no category and no tag', () => {
    const { container } = render(<PostMeta date="2019-06-20" locale="en-GB" category={null} />);
    expect(container.firstElementChild).toHaveTextContent(/^20 June 2019$/);
    expect(container.querySelector('[aria-hidden="true"]')).toBeNull();
    expect(screen.queryByText('Tags:')).toBeNull();
  });

  it('shows tags without a category', () => {
    const { container } = render(<PostMeta date="2019-06-20" locale="en-GB" category={null} tags={['mdx'].map(tag)} />);
    expect(container.firstElementChild).toHaveTextContent(/^20 June 2019 · Tags: #mdx$/);
    expect(container.querySelectorAll('[aria-hidden="true"]')).toHaveLength(1);
  });

  it('shows the reading time and the update date after the date, and no update that is the same day', () => {
    const { container, rerender } = render(<PostMeta date="2019-06-20" updated="2020-01-05" readingMinutes={4} locale="en-GB" category={categoryTerm('Notes')} />);
    expect(container.firstElementChild).toHaveTextContent(/^20 June 2019 · Updated 5 January 2020 · 4 min read · Notes$/);
    expect(Array.from(container.querySelectorAll('time')).map((time) => time.getAttribute('dateTime'))).toEqual(['2019-06-20', '2020-01-05']);

    rerender(<PostMeta date="2019-06-20" updated="2019-06-20" readingMinutes={1} locale="en-GB" category={null} />);
    expect(container.firstElementChild).toHaveTextContent(/^20 June 2019 · 1 min read$/);
    expect(container.querySelectorAll('time')).toHaveLength(1);
  });

  it('shows a category without tags', () => {
    const { container } = render(<PostMeta date="2019-06-20" locale="en-GB" category={categoryTerm('Notes')} tags={[]} />);
    expect(container.firstElementChild).toHaveTextContent(/^20 June 2019 · Notes$/);
    expect(screen.queryByText('Tags:')).toBeNull();
  });
});
