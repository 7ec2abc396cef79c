/**
 * Content collections.
 * - lessons: content/lessons/<locale>/<NN-slug>/index.mdx, id "<locale>/<NN-slug>".
 * - pages:   content/pages/<locale>/<name>.mdx (about), id "<locale>/<name>".
 * The zod schemas reject a missing field or an unknown topic; Astro names the file in the error.
 * Cross-file checks (a lesson in one language only, unknown prerequisites or key terms) run in
 * src/lib/course.ts, which every page calls from getStaticPaths, so `astro build` fails on them.
 */
import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';

import { TOPICS } from './lib/topics';

export { TOPICS };

const folderName = z.string().regex(/^\d{2}-[a-z0-9-]+$/, 'must be a lesson folder name such as "01-why-segment"');

const lessons = defineCollection({
  loader: glob({
    pattern: '*/*/index.mdx',
    base: './content/lessons',
    // "en/01-why-segment/index.mdx" → "en/01-why-segment"
    generateId: ({ entry }) => entry.replace(/\/index\.mdx$/, ''),
  }),
  schema: z
    .object({
      title: z.string().trim().min(1),
      summary: z.string().trim().min(1),
      topic: z.enum(TOPICS),
      order: z.number().int().min(1),
      minutes: z.number().int().min(1).max(240),
      objectives: z.array(z.string().trim().min(1)).min(1),
      prerequisites: z.array(folderName),
      keyTerms: z.array(z.string().regex(/^[a-z0-9-]+$/, 'glossary ids are lower-case kebab-case')),
    }),
});

const pages = defineCollection({
  loader: glob({
    pattern: '*/*.mdx',
    base: './content/pages',
    generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
  }),
  schema: z.object({
    title: z.string().trim().min(1),
    summary: z.string().trim().min(1),
  }),
});

export const collections = { lessons, pages };
