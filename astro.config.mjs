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
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [svelte(), mdx()],
  markdown: { remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex] },
});
