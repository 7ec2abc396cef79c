// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';

// BASE_PATH lets the built site live under a sub-folder, e.g. BASE_PATH=/courses/segment-lab/
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  base,
  // OUT_DIR lets tests build the sub-folder variant beside the normal one
  outDir: process.env.OUT_DIR || 'dist',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [svelte(), mdx()],
  markdown: { remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex] },
});
