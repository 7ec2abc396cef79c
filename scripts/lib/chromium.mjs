// How this project launches a browser, for the browser tests (playwright.config.ts) and the scripts
// (benchmarks, screenshot): Debian's Chromium (CHROMIUM_PATH overrides; Playwright's own download
// cannot reach the internet here), with the flags a root user on a machine without a GPU needs and
// none of Chromium's own network traffic (the site must make no request to another host).

/** The Chromium binary. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Chromium features turned off. Chromium 156 in headless mode still builds the address bar's popup as
 * a web page (chrome://omnibox-popup.top-chrome/) in a renderer of its own for every new tab. A trace
 * of one cold lesson load (a new context and tab, as every benchmark load and browser test opens)
 * showed that renderer busy for 701 ms against the lesson's own 267 ms, on a 2-core machine: it
 * slowed the page under test (in `npm run bench:paint`, loads free of any task over 50 ms went from
 * 5–20 of 78 to 70 of 78 with it off) and measured a browser start-up cost, not the site. A reader's
 * browser builds that popup once per window, not while each page loads.
 */
const DISABLED_FEATURES = ['PreloadTopChromeWebUI', 'WebUIOmniboxAimPopup', 'WebUIOmniboxPopup', 'WebUIOmniboxFullPopup'];

/** Launch options for Playwright's `chromium.launch` / `use.launchOptions`. */
export const CHROMIUM_LAUNCH = Object.freeze({
  executablePath: CHROMIUM_PATH,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    `--disable-features=${DISABLED_FEATURES.join(',')}`,
  ],
});
