import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Test files share a worker's module cache: each file still builds its own apps,
    // stores and servers, and the modules' own state is limited to caches of
    // immutable values (compiled validators, URL patterns). Importing the product
    // again for every file was a third of the run.
    isolate: false,
    reporters: ['default'],
  },
});
