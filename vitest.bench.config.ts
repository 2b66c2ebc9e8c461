import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Benchmarks: run on demand (`npm run bench:*`), never as part of `npm test`; they print figures.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 600_000,
    reporters: ['default'],
    silent: false,
  },
});
