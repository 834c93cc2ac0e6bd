/** @jest-environment node */
// Series in the loader: a bad value names the file, its line and the field; two parts of one
// series at the same place, and two series names that would share a URL, name both posts.
// The order of parts is page-data.test.ts's; the pages, build-series.test.ts's.
import { loadContent } from '../lib/content/load';
import { dev, loadErrors } from './helpers/load-posts';
import { post, writePosts } from './helpers/posts-dir';

const errorsOf = (files: Record<string, string>) => loadErrors(writePosts(files));

describe('series in the loader', () => {
  it('names the file, the line and the field of a bad series value', () => {
    expect(errorsOf({ 'a.md': post('title: A\ndate: 2020-01-01\ntags: [x]\nseries: Deep dive\nseriesOrder: 0') })).toEqual([
      'posts/a.md:6: seriesOrder: must be a whole number from 1, like 2, got 0',
    ]);
    expect(errorsOf({ 'b.md': post('title: B\ndate: 2020-01-01\nseries: [one, two]') })).toEqual(['posts/b.md:4: series: must be a series name, got ["one","two"]']);
    expect(errorsOf({ 'c.md': post('title: C\ndate: 2020-01-01\n\nfeatured: "true"') })).toEqual(['posts/c.md:5: featured: must be true or false, got "true"']);
    expect(errorsOf({ 'd.md': post('title: D\ndate: 2020-01-01\nseriesOrder: 3') })).toEqual([
      'posts/d.md:4: seriesOrder: gives a place in a series, but the post names no series: add series: "Its name"',
    ]);
  });

  it('fails two parts of one series at the same place, each naming the other with its line, and lists every other broken post too', () => {
    const messages = errorsOf({
      'one.md': post('title: One\ndate: 2020-01-01\nseries: Deep dive\nseriesOrder: 2'),
      'two/index.md': post('title: Two\ndate: 2020-02-01\ncategory: x\nseries: deep dive\nseriesOrder: 2'),
      'three.md': post('title: Three\ndate: 2020-03-01\nseries: Deep dive\nseriesOrder: 1'),
      'other-series.md': post('title: Other\ndate: 2020-03-01\nseries: Another\nseriesOrder: 2'),
      'broken.md': post('title: Broken\ndate: 2020-02-30'),
    });
    expect(messages.sort()).toEqual([
      'posts/broken.md:3: date: "2020-02-30" is not a valid date (use YYYY-MM-DD)',
      'posts/one.md:5: seriesOrder: 2 is also the place of posts/two/index.md:6 in the series "Deep dive"; give each part its own number',
      'posts/two/index.md:6: seriesOrder: 2 is also the place of posts/one.md:5 in the series "deep dive"; give each part its own number',
    ]);
  });

  it('fails series names that would share a URL but differ in more than case and accents', () => {
    const messages = errorsOf({
      'a.md': post('title: A\ndate: 2020-01-01\nseries: Node.js'),
      'b.md': post('title: B\ndate: 2020-01-02\nseries: Node JS'),
    });
    expect(messages).toEqual([
      'posts/b.md:4: series: "Node JS" and "Node.js" in posts/a.md would share the URL /series/node-js/; names that differ in more than case and accents need different URLs: rename one',
    ]);
  });

  it('fails a series name that makes no URL', () => {
    expect(errorsOf({ 'a.md': post('title: A\ndate: 2020-01-01\nseries: "!!!"') })).toEqual(['posts/a.md:4: series: cannot make a URL from "!!!"; use letters or digits']);
  });

  it('in dev, keeps both clashing parts out of the index and the rest of the series in', () => {
    const index = loadContent(
      dev(
        writePosts({
          'one.md': post('title: One\ndate: 2020-01-01\nseries: S\nseriesOrder: 1'),
          'two.md': post('title: Two\ndate: 2020-01-02\nseries: S\nseriesOrder: 1'),
          'three.md': post('title: Three\ndate: 2020-01-03\nseries: S'),
        }),
      ),
    );
    expect(index.broken.map((entry) => entry.sourcePath).sort()).toEqual(['posts/one.md', 'posts/two.md']);
    expect(index.series.map((group) => [group.name, group.posts.map((entry) => entry.slug)])).toEqual([['S', ['three']]]);
  });
});
