// The house rules, checked on the whole tree (in the spirit of refined-github's build/features.test.ts): each rule
// runs on the real files, and on a small broken tree to show it would catch a break.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackgroundHandlers, type BackgroundDeps } from '@/lib/background/handlers';
import { envelope, protocol, type MessageType } from '@/lib/messaging/protocol';
import { createPageReceiver } from '@/lib/messaging/page-receiver';
import {
  entrypointImportViolations,
  misnamedFixtures,
  missingWhyComments,
  pageScriptImportViolations,
  readTree,
  unansweredMessages,
  unmappedLibParts,
} from './rules';

const ROOT = join(__dirname, '../../..');
const tree = readTree(ROOT, ['entrypoints', 'lib', 'components', 'tests/fixtures']);
const withFiles = (entries: Record<string, string>) => new Map([...tree, ...Object.entries(entries)]);

describe('entrypoints only wire', () => {
  it('import nothing but WXT, Preact, lib/, components/ and their own page modules', () => {
    expect(entrypointImportViolations(tree)).toEqual([]);
  });

  it('would catch an entrypoint importing a package or a test helper', () => {
    const broken = withFiles({
      'entrypoints/broken.ts': "import { z } from 'zod';\nimport { load } from '../tests/unit/facts/gold';\n",
    });
    expect(entrypointImportViolations(broken)).toEqual([
      'entrypoints/broken.ts imports zod',
      'entrypoints/broken.ts imports ../tests/unit/facts/gold',
    ]);
  });
});

describe('page scripts stay small', () => {
  it('reach no zod (and the gate no polyfill and no Readability), at any depth', () => {
    expect(pageScriptImportViolations(tree)).toEqual([]);
  });

  it('would catch zod reached through a lib/ module, but not a type-only import', () => {
    const broken = withFiles({
      'lib/page/location-changes.ts': `${tree.get('lib/page/location-changes.ts')}\nimport { topicSchema } from '../schema';\n`,
      'lib/page/first-load.ts': `${tree.get('lib/page/first-load.ts')}\nimport type { Topic } from '../schema';\nimport { type Hit } from '../schema';\n`,
    });
    const violations = pageScriptImportViolations(broken);
    expect(violations).toContain('entrypoints/gate.ts → lib/page/location-changes.ts → lib/schema.ts imports zod');
    expect(violations.every((v) => !v.includes('first-load'))).toBe(true);
  });
});

describe('every lib/ module says why it exists', () => {
  it('opens with a comment', () => {
    expect(missingWhyComments(tree)).toEqual([]);
  });

  it('would catch a module that opens with code', () => {
    expect(missingWhyComments(withFiles({ 'lib/text/new.ts': "import { x } from './y';\n// later\n" }))).toEqual([
      'lib/text/new.ts',
    ]);
  });
});

describe('every protocol message is answered', () => {
  const messages = (Object.keys(protocol) as MessageType[]).map((type) => ({ type, to: protocol[type].to }));
  const background = new Set(Object.keys(createBackgroundHandlers({} as BackgroundDeps)));
  // A receiver without handlers leaves a message it can read unanswered (undefined), and refuses any other.
  const reader = createPageReceiver({}, () => true);
  const pageReads = (type: string) => reader(envelope(type as MessageType, {}), {}) === undefined;
  const pageScripts = [...tree].filter(([path]) => /^entrypoints\/\w+\.ts$/.test(path)).map(([, source]) => source);

  it('by a background handler, or by a page reader and a page script', () => {
    expect(unansweredMessages(messages, background, pageReads, pageScripts)).toEqual([]);
  });

  it('would catch a message without a handler or a reader', () => {
    const noExtractor = pageScripts.filter((source) => !source.includes("'page:extract-main':"));
    const noDigest = new Set([...background].filter((type) => type !== 'digest:get'));
    const withNew = [...messages, { type: 'page:new-thing', to: 'page' as const }];
    expect(unansweredMessages(messages, noDigest, pageReads, noExtractor)).toEqual(['digest:get', 'page:extract-main']);
    expect(unansweredMessages(withNew, background, pageReads, [...pageScripts, "'page:new-thing': () => 1"])).toEqual([
      'page:new-thing',
    ]);
  });
});

describe('fixtures follow their naming pattern', () => {
  it('names every fixture by its kind', () => {
    expect(misnamedFixtures(tree)).toEqual([]);
  });

  it('would catch a fixture named any other way', () => {
    const broken = withFiles({
      'tests/fixtures/extract/My Page.html': '',
      'tests/fixtures/gate/article/english-article.html': '',
      'tests/fixtures/new-set/cases.json': '',
    });
    expect(misnamedFixtures(broken)).toEqual([
      'tests/fixtures/extract/My Page.html',
      'tests/fixtures/gate/article/english-article.html',
      'tests/fixtures/new-set/cases.json',
    ]);
  });
});

describe("README's map", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

  it('names every lib/ folder and top-level module', () => {
    expect(unmappedLibParts(tree, readme)).toEqual([]);
  });

  it('would catch a new lib/ folder left off the map', () => {
    expect(unmappedLibParts(withFiles({ 'lib/sync/engine.ts': '// x' }), readme)).toEqual(['lib/sync/']);
  });
});
