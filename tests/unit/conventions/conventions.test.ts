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
  missingScriptImports,
  missingWhyComments,
  pageScriptImportViolations,
  readTree,
  type Files,
  unansweredMessages,
  unmappedLibParts,
} from './rules';

const ROOT = join(__dirname, '../../..');
const tree = readTree(ROOT, ['entrypoints', 'lib', 'components', 'tests/fixtures']);
// The Node scripts: the harness, the benchmarks and the end-to-end tests that share it.
const scripts = new Map(
  [...readTree(ROOT, ['scripts', 'tests/bench', 'tests/e2e'])].filter(([path]) => path.endsWith('.mjs')),
);

// Each rule holds on the tree, and catches a small break of it.
const RULES: { rule: string; check: (files: Files) => string[]; broken: Record<string, string>; caught: string[] }[] = [
  {
    rule: 'entrypoints import nothing but WXT, Preact, lib/, components/ and their own page modules',
    check: entrypointImportViolations,
    broken: { 'entrypoints/broken.ts': "import { z } from 'zod';\nimport { load } from '../tests/unit/facts/gold';\n" },
    caught: ['entrypoints/broken.ts imports zod', 'entrypoints/broken.ts imports ../tests/unit/facts/gold'],
  },
  {
    rule: 'page scripts reach no zod (the gate no polyfill and no Readability) at any depth; type-only imports are free',
    check: pageScriptImportViolations,
    broken: {
      'lib/page/location-changes.ts': `${tree.get('lib/page/location-changes.ts')}\nimport { topicSchema } from '../schema';\n`,
      'lib/page/first-load.ts': `${tree.get('lib/page/first-load.ts')}\nimport type { Topic } from '../schema';\nimport { type Hit } from '../schema';\n`,
    },
    caught: ['entrypoints/gate.ts → lib/page/location-changes.ts → lib/schema.ts imports zod'],
  },
  {
    rule: 'every lib/ module opens with a comment saying why it exists',
    check: missingWhyComments,
    broken: { 'lib/text/new.ts': "import { x } from './y';\n// later\n" },
    caught: ['lib/text/new.ts'],
  },
  {
    rule: 'fixtures are named by their kind',
    check: misnamedFixtures,
    broken: {
      'tests/fixtures/extract/My Page.html': '',
      'tests/fixtures/gate/article/english-article.html': '',
      'tests/fixtures/new-set/cases.json': '',
    },
    caught: [
      'tests/fixtures/extract/My Page.html',
      'tests/fixtures/gate/article/english-article.html',
      'tests/fixtures/new-set/cases.json',
    ],
  },
  {
    rule: "README's map names every lib/ folder and top-level module",
    check: (files) => unmappedLibParts(files, readFileSync(join(ROOT, 'README.md'), 'utf8')),
    broken: { 'lib/sync/engine.ts': '// x' },
    caught: ['lib/sync/'],
  },
  {
    rule: 'a script imports only names the script it imports exports (benchmarks are not run by npm test)',
    check: (files) => missingScriptImports(new Map([...scripts, ...files])),
    broken: {
      'scripts/bench-new.mjs':
        "import { ROOT, ensureChromium } from './harness.mjs';\nimport { x } from './gone.mjs';\n",
    },
    caught: [
      'scripts/bench-new.mjs imports ensureChromium from ./harness.mjs',
      'scripts/bench-new.mjs imports ./gone.mjs, which is not there',
    ],
  },
];

describe.each(RULES)('$rule', ({ check, broken, caught }) => {
  it('holds on the tree', () => {
    expect(check(tree)).toEqual([]);
  });

  it('catches a break', () => {
    expect(check(new Map([...tree, ...Object.entries(broken)]))).toEqual(caught);
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
