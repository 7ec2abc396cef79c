/// <reference types="vitest/config" />
// Vitest configuration for Segment Lab.
// getViteConfig() gives the tests Astro's own Vite setup: the Svelte plugin,
// the tsconfig path aliases (@components, @i18n, @sim) and import.meta.env.
import { getViteConfig } from 'astro/config';
import { svelteTesting } from '@testing-library/svelte/vite';

export default getViteConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'engine',
          environment: 'node',
          // Plus the UI-side modules that must run without a DOM: the CRM query logic and the
          // simulation worker runner (its tests check the no-Worker fallback of Node).
          include: ['test/simulations/**/*.test.ts', 'test/crm/**/*.test.ts', 'test/worker/**/*.test.ts'],
        },
      },
      {
        extends: true,
        // Resolve Svelte's browser build (not SSR) and unmount after each test.
        plugins: [svelteTesting()],
        test: {
          name: 'components',
          environment: 'happy-dom',
          // test/lab/: the simulator lab's UI-side logic (src/lib/lab), next to its components.
          include: ['test/components/**/*.test.ts', 'test/lab/**/*.test.ts', 'test/chapters/**/*.test.ts', 'test/*.test.ts'],
        },
      },
    ],
  },
});
