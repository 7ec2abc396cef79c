// The rehype plugin that cuts a lesson into chunks the browser can skip until they are near the
// viewport (src/lib/markdown/rehype-lesson-chunks.mjs).
import { describe, expect, it } from 'vitest';
import rehypeLessonChunks, { CHUNK_ELEMENTS, LATER_FROM_PX, chunk, countElements, estimateHeight, hasKatex } from '../src/lib/markdown/rehype-lesson-chunks.mjs';

type Node = { type: string; tagName?: string; name?: string; value?: string; children?: Node[]; properties?: Record<string, unknown> };

const text = (value: string): Node => ({ type: 'text', value });
const el = (tagName: string, children: Node[] = [], className?: string[]): Node => ({
  type: 'element',
  tagName,
  properties: className ? { className } : {},
  children,
});
const p = (words = 'Some words.') => el('p', [text(words)]);
const component = (name: string, children: Node[] = []): Node => ({ type: 'mdxJsxFlowElement', name, children });
const esm = (value: string): Node => ({ type: 'mdxjsEsm', value });

const chunksOf = (root: Node) => (root.children ?? []).filter((n) => n.type === 'element' && n.tagName === 'div');
/** the chunks' content, blank text left out, each node named by its tag, component name or type */
const outline = (root: Node) =>
  chunksOf(root).map((c) => (c.children ?? []).filter((n) => n.type !== 'text').map((n) => n.tagName ?? n.name ?? n.type));

describe('chunk', () => {
  it('starts a chunk at every h2 and h3 and keeps everything in order', () => {
    const root: Node = { type: 'root', children: [p('intro'), text('\n'), el('h2'), p(), el('h3'), p(), p(), el('h2'), el('ul', [el('li')])] };
    const before = (root.children ?? []).filter((n) => n.type !== 'text');
    chunk(root);
    expect(outline(root)).toEqual([['p'], ['h2', 'p'], ['h3', 'p', 'p'], ['h2', 'ul']]);
    // nothing lost, nothing reordered, and every root child is a chunk
    expect(chunksOf(root).flatMap((c) => (c.children ?? []).filter((n) => n.type !== 'text'))).toEqual(before);
    expect(root.children).toEqual(chunksOf(root));
    for (const c of chunksOf(root)) expect((c.properties?.className as string[])[0]).toBe('lesson-chunk');
  });

  it('holds back (class `later`) every chunk that starts LATER_FROM_PX or more into the body', () => {
    const root: Node = { type: 'root', children: Array.from({ length: 12 }, () => [el('h2'), p('word '.repeat(60))]).flat() };
    chunk(root);
    let top = 0;
    const seen: boolean[] = [];
    for (const c of chunksOf(root)) {
      const later = (c.properties?.className as string[]).includes('later');
      expect(later, `chunk at ${top}px`).toBe(top >= LATER_FROM_PX);
      seen.push(later);
      top += Number(/(\d+)px/.exec(String(c.properties?.style))?.[1]);
    }
    expect(seen[0]).toBe(false);
    expect(seen.at(-1)).toBe(true);
  });

  it('leaves MDX imports and exports at the root, where MDX needs them', () => {
    const imports = esm("import Quiz from '@components/Quiz.svelte';");
    const root: Node = { type: 'root', children: [imports, el('h2'), p(), esm('export const x = 1;')] };
    chunk(root);
    expect(root.children?.[0]).toBe(imports);
    expect(root.children?.[2]?.type).toBe('mdxjsEsm');
    expect(outline(root)).toEqual([['h2', 'p']]);
  });

  it('gives a simulator or a quiz a chunk of its own, but keeps a Callout in the text around it', () => {
    const root: Node = {
      type: 'root',
      children: [el('h2'), p(), component('SegmentLab'), p('after'), component('Callout', [p()]), p(), component('Quiz'), component('Quiz')],
    };
    chunk(root);
    expect(outline(root)).toEqual([['h2', 'p'], ['SegmentLab'], ['p', 'Callout', 'p'], ['Quiz'], ['Quiz']]);
  });

  it('closes a long run of text once it holds CHUNK_ELEMENTS elements', () => {
    // a paragraph with 9 inline elements: 10 elements each
    const para = () => el('p', Array.from({ length: 9 }, () => el('em', [text('x')])));
    expect(countElements(para())).toBe(10);
    const root: Node = { type: 'root', children: [el('h2'), ...Array.from({ length: 40 }, para)] };
    chunk(root);
    const sizes = chunksOf(root).map((c) => (c.children ?? []).reduce((s, n) => s + countElements(n), 0));
    expect(sizes.length).toBeGreaterThan(3);
    for (const size of sizes) expect(size).toBeLessThanOrEqual(CHUNK_ELEMENTS + 10);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(1 + 40 * 10);
  });

  it('estimates a height for each chunk from its content', () => {
    const short = estimateHeight([p('A short line.')]);
    const long = estimateHeight([p('word '.repeat(100))]);
    const formula = estimateHeight([el('span', [], ['katex-display'])]);
    const lab = estimateHeight([component('SegmentLab')]);
    expect(short).toBeGreaterThanOrEqual(40);
    expect(long).toBeGreaterThan(short * 3);
    expect(formula).toBeGreaterThan(40);
    expect(lab).toBeGreaterThan(long);
    const root: Node = { type: 'root', children: [el('h2'), p('word '.repeat(400))] };
    chunk(root);
    expect(chunksOf(root)[0].properties?.style).toMatch(/^contain-intrinsic-size: auto \d+px$/);
  });

  it('leaves an empty document empty', () => {
    const root: Node = { type: 'root', children: [text('\n')] };
    chunk(root);
    expect(root.children).toEqual([]);
  });
});

describe('the plugin', () => {
  it('tells the layout whether the lesson has formulas', () => {
    const katex = el('span', [el('span', [], ['katex-html'])], ['katex']);
    const withMath: Node = { type: 'root', children: [el('h2'), el('p', [text('x = '), katex])] };
    const without: Node = { type: 'root', children: [el('h2'), p()] };
    expect(hasKatex(withMath)).toBe(true);
    expect(hasKatex(without)).toBe(false);
    const transform = rehypeLessonChunks();
    const fileWith: { data: { astro?: { frontmatter?: Record<string, unknown> } } } = { data: {} };
    const fileWithout: { data: { astro?: { frontmatter?: Record<string, unknown> } } } = { data: { astro: { frontmatter: { title: 'kept' } } } };
    transform(withMath, fileWith);
    transform(without, fileWithout);
    expect(fileWith.data.astro?.frontmatter?.hasMath).toBe(true);
    expect(fileWithout.data.astro?.frontmatter).toEqual({ title: 'kept', hasMath: false });
    expect(outline(withMath)).toEqual([['h2', 'p']]);
  });
});
