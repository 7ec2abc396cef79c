// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import rehypeLessonChunks from './src/lib/markdown/rehype-lesson-chunks.mjs';
import { fileURLToPath } from 'node:url';

/** @param {string} p a path relative to this file */
const here = (p) => fileURLToPath(new URL(p, import.meta.url));

// BASE_PATH lets the built site live under a sub-folder, e.g. BASE_PATH=/courses/segment-lab/
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  base,
  // OUT_DIR lets tests build the sub-folder variant beside the normal one
  outDir: process.env.OUT_DIR || 'dist',
  // ASTRO_CACHE_DIR: a build of another checkout that shares node_modules must not share the content
  // cache (node_modules/.astro holds the content data store)
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [svelte(), mdx()],
  // The tsconfig.json path aliases again, as Vite aliases: Astro resolves tsconfig paths for page
  // bundles only, and web-worker bundles (src/lib/lab/lab.worker.ts, src/lib/worker/sim.worker.ts)
  // need them too.
  vite: {
    resolve: {
      alias: {
        '@components': here('./src/components'),
        '@i18n': here('./src/i18n'),
        '@sim': here('./simulations'),
      },
    },
  },
  markdown: { remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex, rehypeLessonChunks] },
});
