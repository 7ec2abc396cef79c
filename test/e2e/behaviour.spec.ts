// What a reader does: switch language and move through lessons by keyboard alone, mark a
// lesson complete and see it on the course map, survive broken storage, hit an unknown URL,
// and use the first lesson's simulator with the keyboard.
import { test, expect, type Page } from '@playwright/test';
import { ORIGIN, lessonFolders, tabTo, watchPage, type PageProblems } from './site';

const LESSONS = lessonFolders();
const FIRST = LESSONS[0] ?? '01-why-segment';
const LANG_KEY = 'segment-lab:lang';
const PROGRESS_KEY = 'segment-lab:progress:v1';
const CJK = /[\u3400-\u9fff]/;

function expectClean(problems: PageProblems): void {
  expect.soft(problems.consoleErrors, 'console errors').toEqual([]);
  expect.soft(problems.failedRequests, 'failed requests').toEqual([]);
  expect.soft(problems.foreignRequests, 'requests to another host').toEqual([]);
}

async function storedLang(page: Page): Promise<string | null> {
  return page.evaluate((k) => localStorage.getItem(k), LANG_KEY);
}

test.describe('language switcher by keyboard', () => {
  test('Tab to the switcher, Enter: same page in the other language, and / remembers it', async ({ page }) => {
    const problems = await watchPage(page, ORIGIN);
    await page.goto('/en/course/');
    await page.waitForLoadState('networkidle');

    await tabTo(page, 'nav.lang-switch a[hreflang="zh-CN"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${ORIGIN}/zh-cn/course/`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await page.waitForLoadState('networkidle');
    expect(await storedLang(page)).toBe('zh-cn');

    // The root follows the stored choice although the browser says en-US.
    await page.goto('/');
    await page.waitForURL(`${ORIGIN}/zh-cn/`);

    await page.goto('/zh-cn/glossary/');
    await page.waitForLoadState('networkidle');
    await tabTo(page, 'nav.lang-switch a[hreflang="en"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${ORIGIN}/en/glossary/`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.waitForLoadState('networkidle');
    expect(await storedLang(page)).toBe('en');
    await page.goto('/');
    await page.waitForURL(`${ORIGIN}/en/`);
    expectClean(problems);
  });

  test('the switcher on a lesson points to the same lesson in the other language', async ({ page }) => {
    await page.goto(`/en/lessons/${FIRST}/`);
    await expect(page.locator('nav.lang-switch a[hreflang="zh-CN"]')).toHaveAttribute('href', `/zh-cn/lessons/${FIRST}/`);
    await page.goto(`/zh-cn/lessons/${FIRST}/`);
    await expect(page.locator('nav.lang-switch a[hreflang="en"]')).toHaveAttribute('href', `/en/lessons/${FIRST}/`);
  });

  test('the skip link is the first focusable element and moves focus to main', async ({ page }) => {
    await page.goto('/en/');
    await page.keyboard.press('Tab');
    const first = page.locator(':focus');
    await expect(first).toHaveAttribute('href', '#main');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
  });
});

test.describe('root language choice without a stored choice', () => {
  test.describe('Chinese browser', () => {
    test.use({ locale: 'zh-CN' });
    test('goes to /zh-cn/', async ({ page }) => {
      await page.goto('/');
      await page.waitForURL(`${ORIGIN}/zh-cn/`);
    });
    test('a stored "en" wins over the browser language', async ({ page }) => {
      await page.addInitScript((k) => localStorage.setItem(k, 'en'), LANG_KEY);
      await page.goto('/');
      await page.waitForURL(`${ORIGIN}/en/`);
    });
  });
  test('without JavaScript the root links to both languages', async ({ browser }) => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${ORIGIN}/`);
    await expect(page.locator('a[href="/en/"]').first()).toBeVisible();
    await expect(page.locator('a[href="/zh-cn/"]').first()).toBeVisible();
    await ctx.close();
  });
});

test.describe('lesson navigation by keyboard', () => {
  test('next and previous links walk the lessons in order', async ({ page }) => {
    expect(LESSONS.length, 'the course has at least two lessons to walk').toBeGreaterThanOrEqual(2);
    const problems = await watchPage(page, ORIGIN);
    await page.goto(`/en/lessons/${LESSONS[0]}/`);
    await page.waitForLoadState('networkidle');
    await tabTo(page, 'nav.lesson-nav a[rel="next"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${ORIGIN}/en/lessons/${LESSONS[1]}/`);
    await page.waitForLoadState('networkidle');
    await tabTo(page, 'nav.lesson-nav a[rel="prev"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${ORIGIN}/en/lessons/${LESSONS[0]}/`);
    expectClean(problems);
  });

  test('every lesson links to its neighbours, in both languages', async ({ page }) => {
    for (const lang of ['en', 'zh-cn']) {
      for (let i = 0; i < LESSONS.length; i++) {
        await page.goto(`/${lang}/lessons/${LESSONS[i]}/`);
        const nav = page.locator('nav.lesson-nav');
        if (i > 0) await expect(nav.locator('a[rel="prev"]')).toHaveAttribute('href', `/${lang}/lessons/${LESSONS[i - 1]}/`);
        if (i < LESSONS.length - 1) await expect(nav.locator('a[rel="next"]')).toHaveAttribute('href', `/${lang}/lessons/${LESSONS[i + 1]}/`);
      }
    }
  });
});

test.describe('progress', () => {
  test('mark as complete by keyboard, shown on the course map, and undone', async ({ page }) => {
    const problems = await watchPage(page, ORIGIN);
    await page.goto(`/en/lessons/${FIRST}/`);
    await page.waitForLoadState('networkidle');
    const button = page.getByTestId('mark-complete');
    await expect(button).toHaveAttribute('aria-pressed', 'false');
    await tabTo(page, '[data-testid="mark-complete"]');
    await page.keyboard.press('Enter');
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    const stored = await page.evaluate((k) => localStorage.getItem(k), PROGRESS_KEY);
    expect(JSON.parse(stored ?? 'null')).toEqual({ version: 1, completed: [FIRST] });

    await page.goto('/en/course/');
    await expect(page.locator(`li[data-lesson="${FIRST}"]`)).toHaveAttribute('data-complete', 'true');
    for (const other of LESSONS.slice(1)) {
      await expect(page.locator(`li[data-lesson="${other}"]`)).toHaveAttribute('data-complete', 'false');
    }
    // Progress is shared by both languages.
    await page.goto('/zh-cn/course/');
    await expect(page.locator(`li[data-lesson="${FIRST}"]`)).toHaveAttribute('data-complete', 'true');

    await page.goto(`/en/lessons/${FIRST}/`);
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await button.focus();
    await page.keyboard.press('Space');
    await expect(button).toHaveAttribute('aria-pressed', 'false');
    await page.goto('/en/course/');
    await expect(page.locator(`li[data-lesson="${FIRST}"]`)).toHaveAttribute('data-complete', 'false');
    expectClean(problems);
  });

  const garbage: [string, string][] = [
    ['not JSON', '{not json'],
    ['null', 'null'],
    ['an array', '[1,2,3]'],
    ['wrong version', '{"version":99,"completed":["01-why-segment"]}'],
    ['completed not a list', '{"version":1,"completed":"01-why-segment"}'],
    ['unknown lessons and non-strings', '{"version":1,"completed":[42,null,"no-such-lesson",{"a":1}]}'],
  ];
  for (const [name, value] of garbage) {
    test(`stored progress that is ${name} breaks nothing`, async ({ page }) => {
      const problems = await watchPage(page, ORIGIN);
      await page.addInitScript(
        ([k, v, lk]) => {
          if (!sessionStorage.getItem('seeded')) {
            localStorage.setItem(k, v);
            localStorage.setItem(lk, '\u0000garbage');
            sessionStorage.setItem('seeded', '1');
          }
        },
        [PROGRESS_KEY, value, LANG_KEY] as const,
      );
      await page.goto('/en/course/');
      await expect(page.locator('main#main')).toBeVisible();
      const entries = page.locator('li[data-lesson]');
      await expect(entries).toHaveCount(LESSONS.length);
      for (const l of LESSONS) await expect(page.locator(`li[data-lesson="${l}"]`)).toHaveAttribute('data-complete', 'false');

      await page.goto(`/en/lessons/${FIRST}/`);
      await page.waitForLoadState('networkidle');
      const button = page.getByTestId('mark-complete');
      await expect(button).toHaveAttribute('aria-pressed', 'false');
      await button.focus();
      await page.keyboard.press('Enter');
      await expect(button).toHaveAttribute('aria-pressed', 'true');
      // The garbage is replaced by a valid record that contains this lesson.
      const stored = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), PROGRESS_KEY)) ?? 'null') as unknown;
      expect(stored).toMatchObject({ version: 1, completed: expect.arrayContaining([FIRST]) });
      const completed = (stored as { completed: unknown[] }).completed;
      expect(completed.every((x) => typeof x === 'string'), `completed holds only lesson ids: ${JSON.stringify(completed)}`).toBe(true);

      // A garbage language choice falls back to the browser language.
      await page.evaluate((lk) => localStorage.setItem(lk, '\u0000garbage'), LANG_KEY);
      await page.goto('/');
      await page.waitForURL(`${ORIGIN}/en/`);
      expectClean(problems);
    });
  }

  const broken: [string, string][] = [
    [
      'localStorage throws on access',
      `Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });`,
    ],
    [
      'every storage call throws (quota)',
      `for (const m of ['getItem', 'setItem', 'removeItem', 'clear', 'key']) { Storage.prototype[m] = function () { throw new DOMException('quota exceeded', 'QuotaExceededError'); }; }`,
    ],
  ];
  for (const [name, script] of broken) {
    test(`${name}: pages work and show the storage notice`, async ({ page }) => {
      const problems = await watchPage(page, ORIGIN);
      await page.addInitScript({ content: script });
      for (const lang of ['en', 'zh-cn']) {
        await page.goto(`/${lang}/course/`);
        await expect(page.locator('main#main')).toBeVisible();
        await expect(page.locator('li[data-lesson]')).toHaveCount(LESSONS.length);
        await expect(page.getByTestId('storage-notice')).toBeVisible();

        await page.goto(`/${lang}/lessons/${FIRST}/`);
        await page.waitForLoadState('networkidle');
        await expect(page.getByTestId('storage-notice')).toBeVisible();
        const button = page.getByTestId('mark-complete');
        await button.focus();
        await page.keyboard.press('Enter');
        await page.waitForTimeout(200);
        await expect(page.locator('main#main')).toBeVisible();
      }
      // The root still picks a language from the browser.
      await page.goto('/');
      await page.waitForURL(`${ORIGIN}/en/`);
      expectClean(problems);
    });
  }
});

test.describe('unknown route', () => {
  for (const [lang, path] of [
    ['en', '/en/no-such-page/'],
    ['zh-cn', '/zh-cn/no-such-page/'],
  ] as const) {
    test(`${path} answers 404 with ${lang} content`, async ({ page }) => {
      const problems = await watchPage(page, ORIGIN, (url, status) => status === 404 && new URL(url).pathname === path);
      const res = await page.goto(path);
      expect(res?.status()).toBe(404);
      await page.waitForLoadState('networkidle');
      const main = page.locator('main#main');
      await expect(main).toBeVisible();
      const text = await main.innerText();
      expect(text.trim().length).toBeGreaterThan(0);
      if (lang === 'zh-cn') {
        expect(text, 'Chinese text shown').toMatch(CJK);
        await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
      } else {
        expect(text, 'no Chinese text shown').not.toMatch(CJK);
        await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      }
      await expect(main.locator(`a[href="/${lang}/"]`).first()).toBeVisible();
      expectClean(problems);
    });
  }

  test('without JavaScript the 404 page shows both languages', async ({ browser }) => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${ORIGIN}/en/no-such-page/`);
    const text = await page.locator('main#main').innerText();
    expect(text).toMatch(CJK);
    expect(text).toMatch(/[A-Za-z]{3,}/);
    await ctx.close();
  });
});

test.describe('first lesson simulator', () => {
  for (const lang of ['en', 'zh-cn'] as const) {
    test(`hydrates and responds to the keyboard (${lang})`, async ({ page }) => {
      const problems = await watchPage(page, ORIGIN);
      await page.goto(`/${lang}/lessons/${FIRST}/`);
      const island = page.locator('astro-island').filter({ has: page.locator('[aria-live]') }).first();
      const live = island.locator('[aria-live]').first();
      // <astro-island> is display: contents; scroll its content into view so client:visible fires.
      await live.scrollIntoViewIfNeeded();
      // Astro removes the `ssr` attribute once the island has hydrated.
      await expect(island).not.toHaveAttribute('ssr', { timeout: 15_000 });
      const before = (await live.innerText()).trim();
      expect(before.length, 'the summary says something before any change').toBeGreaterThan(0);

      const colourBy = island.getByRole('radiogroup', { name: lang === 'en' ? /colou?r/i : /颜色|着色|配色|按/ })
        .or(island.getByRole('combobox', { name: lang === 'en' ? /colou?r/i : /颜色|着色|配色|按/ }))
        .first();
      await expect(colourBy).toBeVisible();
      const isSelect = (await colourBy.evaluate((el) => el.tagName)) === 'SELECT';
      if (isSelect) {
        const value = await colourBy.inputValue();
        await colourBy.focus();
        await page.keyboard.press('ArrowDown');
        await expect(colourBy, 'the keyboard changes the colour-by option').not.toHaveValue(value);
      } else {
        const checked = colourBy.locator('input[type="radio"]:checked, [role="radio"][aria-checked="true"]').first();
        const label = await checked.evaluate((el) => (el instanceof HTMLInputElement ? el.value : el.textContent ?? ''));
        await checked.focus();
        await page.keyboard.press('ArrowDown');
        const now = colourBy.locator('input[type="radio"]:checked, [role="radio"][aria-checked="true"]').first();
        expect(await now.evaluate((el) => (el instanceof HTMLInputElement ? el.value : el.textContent ?? '')), 'the keyboard changes the colour-by option').not.toBe(label);
      }
      // The text alternative announces the new colouring.
      await expect(live).not.toHaveText(before);
      expectClean(problems);
    });
  }
});
