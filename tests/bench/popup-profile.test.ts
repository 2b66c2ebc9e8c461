// Writes bench:popup's profile (tests/bench/popup-profile.ts) to .bench/popup/profile-vN.json once; later runs reuse
// it. scripts/bench-popup.mjs runs this first, then puts the profile into a browser through Beatwatch's handlers.
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, it } from 'vitest';
import { ARTICLES, buildProfile, HIGHLIGHTS, PROFILE_VERSION } from './popup-profile';

export const PROFILE_FILE = join(
  import.meta.dirname,
  '..',
  '..',
  '.bench',
  'popup',
  `profile-v${PROFILE_VERSION}.json`,
);

it('bench:popup profile', { timeout: 1_800_000 }, () => {
  if (existsSync(PROFILE_FILE)) {
    console.error(`bench:popup: reusing ${PROFILE_FILE}`);
    return;
  }
  const start = performance.now();
  const profile = buildProfile();
  expect(profile.captures).toHaveLength(ARTICLES);
  expect(profile.highlights).toHaveLength(HIGHLIGHTS);
  mkdirSync(dirname(PROFILE_FILE), { recursive: true });
  writeFileSync(`${PROFILE_FILE}.tmp`, JSON.stringify(profile));
  renameSync(`${PROFILE_FILE}.tmp`, PROFILE_FILE);
  const chars = profile.captures.reduce((sum, c) => sum + c.article.text.length, 0);
  const arabic = profile.captures.filter((c) => c.article.lang === 'ar').length;
  console.error(
    `bench:popup: profile of ${ARTICLES} articles (${Math.round(chars / ARTICLES)} characters each, ` +
      `${arabic} Arabic) built in ${Math.round((performance.now() - start) / 1000)} s`,
  );
});
