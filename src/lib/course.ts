/**
 * Course data for the pages: lessons per locale in order, glossary, references, about pages,
 * plus the cross-file checks the zod schemas cannot do. Each check throws an Error naming the
 * file, and every page calls `loadCourse()` from getStaticPaths, so `astro build` fails on:
 * a lesson in one language only, a duplicate `order`, an unknown prerequisite or key term,
 * glossary files with different ids, a reference without its required fields, a missing about page.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { z } from 'astro/zod';
import { langs, type Lang } from '@i18n/index';

export type Lesson = CollectionEntry<'lessons'>;
export type ContentPage = CollectionEntry<'pages'>;

const glossaryEntry = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  term: z.string().trim().min(1),
  definition: z.string().trim().min(1),
  related: z.array(z.string()).default([]),
});
export type GlossaryEntry = z.infer<typeof glossaryEntry>;

const referenceEntry = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/i),
  authors: z.string().trim().min(1),
  year: z.union([z.number().int(), z.string().min(1)]),
  title: z.string().trim().min(1),
  container: z.string().optional(),
  volume: z.union([z.string(), z.number()]).optional(),
  issue: z.union([z.string(), z.number()]).optional(),
  pages: z.string().optional(),
  publisher: z.string().optional(),
  url: z.string().url().optional(),
  doi: z.string().optional(),
  edition: z.string().optional(),
  note: z.string().optional(),
});
export type Reference = z.infer<typeof referenceEntry>;

const glossaryFiles = import.meta.glob<unknown>('../../content/glossary/*.json', { eager: true, import: 'default' });
const referenceFiles = import.meta.glob<unknown>('../../content/references.json', { eager: true, import: 'default' });

function displayPath(globKey: string): string {
  return globKey.replace(/^(\.\.\/)+/, '');
}

function formatZod(file: string, error: z.ZodError): Error {
  const lines = error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
  return new Error(`${file} is invalid:\n${lines.join('\n')}`);
}

function loadGlossary(): Record<Lang, GlossaryEntry[]> {
  const out = {} as Record<Lang, GlossaryEntry[]>;
  for (const lang of langs) {
    const key = `../../content/glossary/${lang}.json`;
    const file = displayPath(key);
    if (!(key in glossaryFiles)) throw new Error(`${file} is missing (one glossary file per locale is required)`);
    const parsed = z.array(glossaryEntry).safeParse(glossaryFiles[key]);
    if (!parsed.success) throw formatZod(file, parsed.error);
    const seen = new Set<string>();
    for (const entry of parsed.data) {
      if (seen.has(entry.id)) throw new Error(`${file}: duplicate glossary id "${entry.id}"`);
      seen.add(entry.id);
    }
    for (const entry of parsed.data) {
      for (const rel of entry.related) {
        if (!seen.has(rel)) throw new Error(`${file}: term "${entry.id}" lists unknown related term "${rel}"`);
      }
    }
    out[lang] = parsed.data;
  }
  const [a, b] = langs;
  const idsA = new Set(out[a].map((e) => e.id));
  const idsB = new Set(out[b].map((e) => e.id));
  for (const id of idsA) if (!idsB.has(id)) throw new Error(`content/glossary/${b}.json is missing term "${id}" (present in content/glossary/${a}.json)`);
  for (const id of idsB) if (!idsA.has(id)) throw new Error(`content/glossary/${a}.json is missing term "${id}" (present in content/glossary/${b}.json)`);
  return out;
}

function loadReferences(): Reference[] {
  const key = '../../content/references.json';
  if (!(key in referenceFiles)) throw new Error('content/references.json is missing');
  const parsed = z.array(referenceEntry).safeParse(referenceFiles[key]);
  if (!parsed.success) throw formatZod('content/references.json', parsed.error);
  const seen = new Set<string>();
  for (const ref of parsed.data) {
    if (seen.has(ref.id)) throw new Error(`content/references.json: duplicate reference id "${ref.id}"`);
    seen.add(ref.id);
  }
  return parsed.data;
}

export interface Course {
  /** lessons of each locale sorted by `order` */
  lessons: Record<Lang, Lesson[]>;
  glossary: Record<Lang, GlossaryEntry[]>;
  references: Reference[];
  pages: Record<Lang, Record<string, ContentPage>>;
}

/** Folder name of a lesson: "en/01-why-segment" → "01-why-segment". */
export function lessonFolder(lesson: Lesson): string {
  return lesson.id.slice(lesson.id.indexOf('/') + 1);
}

function lessonFile(lang: string, folder: string): string {
  return `content/lessons/${lang}/${folder}/index.mdx`;
}

let cached: Promise<Course> | undefined;

async function build(): Promise<Course> {
  const glossary = loadGlossary();
  const references = loadReferences();
  const all = await getCollection('lessons');
  const lessons = { en: [], 'zh-cn': [] } as Record<Lang, Lesson[]>;
  for (const lesson of all) {
    const lang = lesson.id.split('/')[0];
    if (lang !== 'en' && lang !== 'zh-cn') {
      throw new Error(`${lesson.filePath ?? lesson.id}: unknown locale folder "${lang}" (use en or zh-cn)`);
    }
    const folder = lessonFolder(lesson);
    if (!/^\d{2}-[a-z0-9-]+$/.test(folder)) {
      throw new Error(`${lessonFile(lang, folder)}: folder name must look like "01-why-segment"`);
    }
    lessons[lang].push(lesson);
  }
  for (const lang of langs) lessons[lang].sort((x, y) => x.data.order - y.data.order);

  const [a, b] = langs;
  const folders = (lang: Lang) => new Set(lessons[lang].map(lessonFolder));
  for (const [from, to] of [[a, b], [b, a]] as const) {
    const there = folders(to);
    for (const folder of folders(from)) {
      if (!there.has(folder)) {
        throw new Error(`${lessonFile(from, folder)} has no translation: ${lessonFile(to, folder)} is missing`);
      }
    }
  }

  for (const lang of langs) {
    const known = folders(lang);
    const terms = new Set(glossary[lang].map((g) => g.id));
    const orders = new Map<number, string>();
    for (const lesson of lessons[lang]) {
      const file = lessonFile(lang, lessonFolder(lesson));
      const clash = orders.get(lesson.data.order);
      if (clash) throw new Error(`${file}: order ${lesson.data.order} is also used by ${clash}`);
      orders.set(lesson.data.order, file);
      for (const pre of lesson.data.prerequisites) {
        if (!known.has(pre)) throw new Error(`${file}: unknown prerequisite "${pre}" (no lesson folder of that name)`);
        if (pre === lessonFolder(lesson)) throw new Error(`${file}: a lesson cannot be its own prerequisite`);
      }
      for (const term of lesson.data.keyTerms) {
        if (!terms.has(term)) throw new Error(`${file}: unknown key term "${term}" (not in content/glossary/${lang}.json)`);
      }
    }
    // the same lesson must have the same order, topic and prerequisites in both languages
  }
  for (const lesson of lessons[a]) {
    const twin = lessons[b].find((l) => lessonFolder(l) === lessonFolder(lesson));
    if (!twin) continue;
    const file = lessonFile(b, lessonFolder(lesson));
    if (twin.data.order !== lesson.data.order) throw new Error(`${file}: order ${twin.data.order} differs from ${lessonFile(a, lessonFolder(lesson))} (${lesson.data.order})`);
    if (twin.data.topic !== lesson.data.topic) throw new Error(`${file}: topic "${twin.data.topic}" differs from ${lessonFile(a, lessonFolder(lesson))} ("${lesson.data.topic}")`);
  }

  const pageEntries = await getCollection('pages');
  const pages = { en: {}, 'zh-cn': {} } as Record<Lang, Record<string, ContentPage>>;
  for (const page of pageEntries) {
    const [lang, name] = page.id.split('/');
    if (lang !== 'en' && lang !== 'zh-cn') throw new Error(`${page.filePath ?? page.id}: unknown locale folder "${lang}"`);
    pages[lang][name] = page;
  }
  for (const lang of langs) {
    if (!pages[lang].about) throw new Error(`content/pages/${lang}/about.mdx is missing`);
  }
  return { lessons, glossary, references, pages };
}

/** Loads and checks all course content once per build. */
export function loadCourse(): Promise<Course> {
  cached ??= build();
  return cached;
}

/** Family names from an APA-style author list: "Kaplan, R. S., & Narayanan, V. G." → ["Kaplan", "Narayanan"]. */
export function familyNames(authors: string): string[] {
  return authors
    .split(/\.,\s+|\s*&\s*|;\s*/)
    .map((part) => part.replace(/^&\s*/, '').split(',')[0].trim())
    .filter((name) => name.length > 0 && !/^([A-Z]|Jr|Sr)\.?$/.test(name));
}

/** Author-year label for an in-text citation: "Fisher, 1997", "Kaplan & Narayanan, 2001", "Fisher et al., 1994". */
export function shortCitation(ref: Reference): string {
  const names = familyNames(ref.authors);
  const who =
    names.length === 0 ? ref.authors : names.length === 1 ? names[0] : names.length === 2 ? `${names[0]} & ${names[1]}` : `${names[0]} et al.`;
  return `${who}, ${ref.year}`;
}
