// @ts-check
/**
 * Rehype plugin: wraps a lesson's top-level content in chunks, <div class="lesson-chunk">, and
 * tells the layout whether the lesson has any KaTeX (`hasMath` in remarkPluginFrontmatter).
 *
 * Why: the lesson CSS gives each chunk `content-visibility: auto`, so in its first frame the
 * browser styles, lays out and paints only the chunks near the viewport, and the page renders the
 * rest ahead in short tasks (src/lib/render-ahead.ts). A lesson has 1,500+ elements and
 * ~25 formulas; laying all of it out at once was one 70–150 ms main-thread task in Chromium on
 * Linux. The cost of a task follows the height it lays out, so chunks are short:
 *   - a new chunk starts at every h2 and h3;
 *   - a block component (a simulator, a quiz) is a chunk of its own; a Callout is ordinary text;
 *   - a run of ordinary blocks closes once it holds CHUNK_ELEMENTS elements.
 * Each chunk carries an estimate of its height (`contain-intrinsic-size`), used until it has been
 * rendered, so the scrollbar is close to right from the first frame.
 *
 * `content-visibility: auto` still renders what is near the viewport, and "near" reaches well
 * below it: in the first frame that was the first few chunks of the body, 200–650 elements of text
 * and formulas under the lesson header. So only the chunks in the first LATER_FROM_PX (estimated)
 * of the body are `auto`; the others carry the class `later`, which holds them back
 * (`content-visibility: hidden`) until the render-ahead reaches them, a few frames after the
 * first paint; only while the render-ahead runs (no scripts: every chunk is `auto`).
 *
 * Only the root's children are grouped. MDX's ESM nodes (imports, exports) stay at the root, as
 * MDX requires; everything else (elements, MDX components, text) moves into its chunk in order.
 */

/** @typedef {{ type: string, tagName?: string, name?: string, value?: string, children?: Node[], properties?: Record<string, unknown> }} Node */

/** Elements in a run of ordinary blocks before the chunk closes. */
export const CHUNK_ELEMENTS = 120;

/** Chunks that start this far (estimated CSS px) into the body or further wait for the render-ahead. */
export const LATER_FROM_PX = 300;

/** Components that are only text and stay in the run around them. */
const TEXT_COMPONENTS = new Set(['Callout', 'Term', 'Cite']);

/** @param {Node} node */
const isEsm = (node) => node.type === 'mdxjsEsm';
/** @param {Node} node */
const isBreakHeading = (node) => node.type === 'element' && (node.tagName === 'h2' || node.tagName === 'h3');
/** @param {Node} node */
const isBlank = (node) => node.type === 'text' && !(node.value ?? '').trim();
/** @param {Node} node */
const isBlockComponent = (node) => node.type === 'mdxJsxFlowElement' && !TEXT_COMPONENTS.has(node.name ?? '');
/**
 * @param {Node} node
 * @param {string} name
 */
const hasClass = (node, name) => {
  const c = node.properties?.className;
  return Array.isArray(c) && c.includes(name);
};

/**
 * Elements in a subtree (MDX components count as one, plus their children).
 * @param {Node} node
 * @returns {number}
 */
export function countElements(node) {
  const own = node.type === 'element' || node.type === 'mdxJsxFlowElement' ? 1 : 0;
  return own + (node.children ?? []).reduce((sum, child) => sum + countElements(child), 0);
}

/**
 * Characters of visible text in a subtree (KaTeX's MathML copy left out).
 * @param {Node} node
 * @returns {number}
 */
function textLength(node) {
  if (node.type === 'text') return (node.value ?? '').trim().length;
  if (hasClass(node, 'katex-mathml')) return 0;
  return (node.children ?? []).reduce((sum, child) => sum + textLength(child), 0);
}

/**
 * A rough height of a chunk in CSS px at the lesson column's width (44rem at 17 px): ~85
 * characters a line, 29 px a line, block margins, 70 px a display formula, 40 px a table row,
 * 600 px a component (a simulator is taller, but its chunk renders before anyone reaches it).
 * @param {Node[]} nodes
 * @returns {number}
 */
export function estimateHeight(nodes) {
  let px = 0;
  /** @param {Node} node */
  const visit = (node) => {
    if (isBlockComponent(node)) {
      px += 600;
      return;
    }
    if (node.type !== 'element' && node.type !== 'mdxJsxFlowElement') return;
    if (hasClass(node, 'katex-display')) {
      px += 70;
      return;
    }
    const tag = node.tagName ?? '';
    if (tag === 'tr') {
      px += 40;
      return;
    }
    if (tag === 'p' || tag === 'li' || tag === 'dt' || tag === 'dd' || /^h[2-4]$/.test(tag)) {
      const lines = Math.max(1, Math.ceil(textLength(node) / 85));
      px += lines * 29 + (tag.startsWith('h') ? 40 : 12);
      // a list item's nested lists are counted through its children below
      if (tag !== 'li') return;
    }
    for (const child of node.children ?? []) visit(child);
  };
  for (const node of nodes) visit(node);
  return Math.max(40, Math.round(px));
}

/**
 * Does the tree hold any KaTeX output?
 * @param {Node} node
 * @returns {boolean}
 */
export function hasKatex(node) {
  if (hasClass(node, 'katex')) return true;
  return (node.children ?? []).some(hasKatex);
}

/**
 * Groups the root's children into chunks, in place. Exported for tests.
 * @param {Node} root
 * @returns {Node}
 */
export function chunk(root) {
  const children = root.children ?? [];
  /** @type {Node[]} */
  const out = [];
  /** @type {Node[] | undefined} */
  let current;
  let elements = 0;
  const open = () => {
    current = [];
    out.push({ type: 'chunk-placeholder', children: current });
    elements = 0;
  };
  for (const node of children) {
    if (isEsm(node)) {
      out.push(node);
      continue;
    }
    if (isBlank(node)) {
      current?.push(node);
      continue;
    }
    const block = isBlockComponent(node);
    if (!current || isBreakHeading(node) || block || elements >= CHUNK_ELEMENTS) open();
    current?.push(node);
    elements += countElements(node);
    // nothing joins a block component's chunk
    if (block) elements = Infinity;
  }
  let top = 0;
  root.children = out.map((node) => {
    if (node.type !== 'chunk-placeholder') return node;
    const height = estimateHeight(node.children ?? []);
    const later = top >= LATER_FROM_PX;
    top += height;
    return {
      type: 'element',
      tagName: 'div',
      properties: {
        className: later ? ['lesson-chunk', 'later'] : ['lesson-chunk'],
        style: `contain-intrinsic-size: auto ${height}px`,
      },
      children: node.children,
    };
  });
  return root;
}

/** The unified plugin: `rehypePlugins: [rehypeKatex, rehypeLessonChunks]`. */
export default function rehypeLessonChunks() {
  /**
   * @param {Node} tree
   * @param {{ data: { astro?: { frontmatter?: Record<string, unknown> } } }} file
   */
  return (tree, file) => {
    const math = hasKatex(tree);
    chunk(tree);
    file.data.astro ??= {};
    file.data.astro.frontmatter ??= {};
    file.data.astro.frontmatter.hasMath = math;
  };
}
