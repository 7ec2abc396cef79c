// How this project launches a browser, for the browser tests (playwright.config.ts) and the scripts
// (benchmarks, screenshot): Debian's Chromium (CHROMIUM_PATH overrides; Playwright's own download
// cannot reach the internet here), with the flags a root user on a machine without a GPU needs and
// none of Chromium's own network traffic (the site must make no request to another host).

/** The Chromium binary. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Launch options for Playwright's `chromium.launch` / `use.launchOptions`. */
export const CHROMIUM_LAUNCH = Object.freeze({
  executablePath: CHROMIUM_PATH,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
