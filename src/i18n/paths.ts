/**
 * Every internal link and asset URL goes through these helpers so the site works under a base
 * path (BASE_PATH=/courses/segment-lab/ npm run build). Paths always end with "/" (trailingSlash: 'always').
 */
import { isLang, langs, type Lang } from './index';

/** import.meta.env.BASE_URL normalised to start and end with "/". */
export function base(): string {
  const raw = import.meta.env.BASE_URL || '/';
  const withLead = raw.startsWith('/') ? raw : `/${raw}`;
  return withLead.endsWith('/') ? withLead : `${withLead}/`;
}

function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

/** URL of a page: url('en', 'lessons/01-why-segment') → "/base/en/lessons/01-why-segment/". */
export function url(lang: Lang, path = ''): string {
  const [pathPart, hash] = path.split('#');
  const clean = trimSlashes(pathPart ?? '');
  const page = clean ? `${base()}${lang}/${clean}/` : `${base()}${lang}/`;
  return hash ? `${page}#${hash}` : page;
}

/** URL of a file in public/: asset('favicon.svg') → "/base/favicon.svg". */
export function asset(path: string): string {
  return `${base()}${trimSlashes(path)}`;
}

/** The site root (the language picker). */
export function rootUrl(): string {
  return base();
}

/**
 * Splits a pathname into its locale and the rest, ignoring the base:
 * "/base/zh-cn/course/" → { lang: 'zh-cn', rest: 'course' }. Unknown prefix → lang undefined.
 */
export function splitPath(pathname: string): { lang: Lang | undefined; rest: string } {
  const b = base();
  const withoutBase = pathname.startsWith(b) ? pathname.slice(b.length) : trimSlashes(pathname);
  const parts = trimSlashes(withoutBase).split('/');
  const first = parts[0];
  if (isLang(first)) return { lang: first, rest: parts.slice(1).join('/') };
  return { lang: undefined, rest: parts.join('/') };
}

/** The same page in another locale. */
export function switchLang(pathname: string, to: Lang): string {
  const { rest } = splitPath(pathname);
  return url(to, rest);
}

export { langs };
