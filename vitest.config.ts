import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['tests/unit/setup-i18n.ts'],
    restoreMocks: true,
    // Unit tests assert results, never speed: a test that reads 87 pages must not fail because the machine is busy.
    testTimeout: 30_000,
  },
});
