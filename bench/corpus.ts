/**
 * A deterministic corpus of realistic posts for benchmarks and scale tests: the same count
 * and seed always give byte-identical files. Each post is about 6–9 KB of Markdown: headings,
 * paragraphs with emphasis, links and inline code, lists, a quote, fenced code in several
 * languages and a GFM table, with a title, a date, an excerpt, a category and tags.
 *
 *   npx tsx bench/corpus.ts <count> <dir> [--seed S] [--mdx-share F]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const WORDS = `cache invalidation latency throughput edge lambda region replica shard partition queue stream
event metric alarm dashboard deploy rollback canary chaos experiment failure resilience database index
query table schema migration backup restore snapshot object bucket cdn origin request response header
cookie session token policy role network subnet gateway balancer instance container cluster node pod
service mesh retry timeout circuit breaker fallback budget cost savings monitoring logging tracing
sampling percentile tail memory cpu disk bandwidth`.split(/\s+/);
const TAGS = ['aws', 'caching', 'scaling', 'chaos', 'devops', 'performance', 'architecture', 'serverless', 'databases', 'monitoring', 'culture', 'security'];
const CATEGORIES = ['Engineering', 'Conferences', 'Operations', 'Architecture', 'Notes'];

/** mulberry32: a small, fast, seedable generator. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes `count` posts into `dir`; returns their file names. */
export function writeCorpus(count: number, dir: string, { seed = 1, mdxShare = 0 } = {}) {
  const next = random(seed);
  const int = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const capital = (word: string) => word[0].toUpperCase() + word.slice(1);
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS));

  const sentence = () => {
    const parts = words(int(8, 20));
    const at = () => int(1, parts.length - 1);
    if (next() < 0.3) parts[at()] = `**${pick(WORDS)}**`;
    if (next() < 0.25) parts[at()] = `_${pick(WORDS)}_`;
    if (next() < 0.25) parts[at()] = `[${pick(WORDS)}](https://example.com/${pick(WORDS)})`;
    if (next() < 0.15) parts[at()] = `\`${pick(WORDS)}\``;
    return `${capital(parts.join(' '))}${pick(['.', '.', '.', '?', '!'])}`;
  };
  const paragraph = () => Array.from({ length: int(3, 6) }, sentence).join(' ');
  const code = {
    ts: () => `export function cacheKey(id: string): string {\n  const ttl = ${int(1, 3600)};\n  return \`post:\${id}:\${ttl}\`;\n}`,
    bash: () => `aws cloudfront create-invalidation --distribution-id E${int(1000, 9999)} --paths "/*"\ncurl -sI https://example.com/ | grep -i cache-control`,
    python: () => `def hit_ratio(hits: int, misses: int) -> float:\n    total = hits + misses\n    return hits / total if total else 0.0\n\nprint(hit_ratio(${int(1, 999)}, ${int(1, 99)}))`,
    json: () => `{\n  "ttl": ${int(1, 600)},\n  "negativeCaching": true,\n  "regions": ["eu-west-1", "us-east-1"]\n}`,
  };
  const start = Date.UTC(2010, 0, 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  fs.mkdirSync(dir, { recursive: true });
  const names = [];

  for (let i = 1; i <= count; i++) {
    const isMdx = next() < mdxShare;
    const day = new Date(start + int(0, 16 * 365) * 86_400_000);
    const date = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
    const title = `${words(int(2, 5)).map(capital).join(' ')} ${i}`;
    const tags = [...new Set(Array.from({ length: int(1, 4) }, () => pick(TAGS)))];
    const sections = [];
    for (let s = 0, sectionCount = int(4, 6); s < sectionCount; s++) {
      sections.push(`## ${words(int(2, 5)).map(capital).join(' ')}`, paragraph(), paragraph());
      const extra = int(0, 4);
      if (extra === 0) sections.push(Array.from({ length: int(3, 5) }, () => `- ${sentence()}`).join('\n'));
      if (extra === 1) sections.push(Array.from({ length: int(3, 5) }, (_, n) => `${n + 1}. ${sentence()}`).join('\n'));
      if (extra === 2) sections.push(`> ${sentence()} ${sentence()}`);
      if (extra === 3) {
        const lang = pick(Object.keys(code) as (keyof typeof code)[]);
        sections.push(`\`\`\`${lang}\n${code[lang]()}\n\`\`\``);
      }
      if (extra === 4) sections.push(['| Layer | Hit ratio | TTL |', '| --- | --- | --- |', ...Array.from({ length: int(2, 4) }, () => `| ${capital(pick(WORDS))} | ${int(1, 99)}% | ${int(1, 3600)}s |`)].join('\n'));
      if (isMdx && s === 0) sections.push(`<Callout type="tip">\n  ${sentence()}\n</Callout>`);
    }
    const frontMatter = [
      '---',
      `title: "${title}"`,
      `date: "${date}"`,
      `excerpt: "${sentence().replaceAll('"', '')}"`,
      `category: "${pick(CATEGORIES)}"`,
      `tags: [${tags.map((tag) => `"${tag}"`).join(', ')}]`,
      '---',
    ].join('\n');
    const name = `${date}-post-${String(i).padStart(5, '0')}.${isMdx ? 'mdx' : 'md'}`;
    fs.writeFileSync(path.join(dir, name), `${frontMatter}\n\n${paragraph()}\n\n${sections.join('\n\n')}\n`);
    names.push(name);
  }
  return names;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [count, dir, ...rest] = process.argv.slice(2);
  if (!count || !dir) {
    console.error('usage: npx tsx bench/corpus.ts <count> <dir> [--seed S] [--mdx-share F]');
    process.exit(2);
  }
  const option = (name: string, fallback: number) => (rest.includes(name) ? Number(rest[rest.indexOf(name) + 1]) : fallback);
  const names = writeCorpus(Number(count), dir, { seed: option('--seed', 1), mdxShare: option('--mdx-share', 0) });
  console.log(`wrote ${names.length} posts to ${dir}`);
}
