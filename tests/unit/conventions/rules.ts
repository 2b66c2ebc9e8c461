// The house rules the conventions test enforces, as functions over a set of source files (path → text), so the
// test can run them on the real tree and on small broken trees that show each rule catches what it should.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

export type Files = ReadonlyMap<string, string>;

/** Every file below `dirs` (paths relative to `root`, with forward slashes). */
export function readTree(root: string, dirs: string[]): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(join(root, dir))) {
      const path = `${dir}/${name}`;
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else files.set(path, /\.(ts|tsx|mjs|json|html)$/.test(name) ? readFileSync(join(root, path), 'utf8') : '');
    }
  };
  for (const dir of dirs) walk(dir);
  return files;
}

export interface ImportOf {
  specifier: string;
  /** Erased at build time: `import type`, or braces whose every name is `type`. */
  typeOnly: boolean;
}

const IMPORT_FROM = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?([^;]*?)\s*from\s*['"]([^'"]+)['"]/g;
const BARE_IMPORT = /(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;

/** The static imports (and re-exports) of a module. */
export function importsOf(source: string): ImportOf[] {
  const out: ImportOf[] = [];
  for (const [, typeKeyword, clause, specifier] of source.matchAll(IMPORT_FROM)) {
    const names = /^\{([\s\S]*)\}$/.exec(clause.trim())?.[1];
    const allTypes =
      names !== undefined &&
      names
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean)
        .every((n) => n.startsWith('type '));
    out.push({ specifier: specifier, typeOnly: Boolean(typeKeyword) || allTypes });
  }
  for (const [, specifier] of source.matchAll(BARE_IMPORT)) out.push({ specifier: specifier, typeOnly: false });
  return out;
}

/** The file a project import points at, or undefined for a package. */
export function resolveImport(files: Files, from: string, specifier: string): string | undefined {
  let base: string;
  if (specifier.startsWith('@/')) base = specifier.slice(2);
  else if (specifier.startsWith('.')) base = normalize(join(dirname(from), specifier)).replace(/\\/g, '/');
  else return undefined;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`])
    if (files.has(candidate)) return candidate;
  return base;
}

/** Entrypoints wire browser events to lib/ and components/: they import nothing else but WXT and Preact. */
export function entrypointImportViolations(files: Files): string[] {
  const allowed = (from: string, specifier: string) =>
    specifier.startsWith('wxt/') ||
    specifier.startsWith('@/lib/') ||
    specifier.startsWith('@/components/') ||
    specifier.startsWith('@/assets/') ||
    specifier === 'preact' ||
    specifier === 'preact/hooks' ||
    // A page's own modules (popup/main.tsx renders popup/app.tsx).
    (specifier.startsWith('./') && dirname(from) !== 'entrypoints');
  const out: string[] = [];
  for (const [path, source] of files) {
    if (!path.startsWith('entrypoints/') || !/\.tsx?$/.test(path)) continue;
    for (const { specifier } of importsOf(source))
      if (!allowed(path, specifier)) out.push(`${path} imports ${specifier}`);
  }
  return out;
}

/**
 * Packages a page script must not reach (through value imports, at any depth): zod everywhere; for the gate, which
 * runs on every page, webextension-polyfill too.
 */
export function pageScriptImportViolations(
  files: Files,
  forbidden: Record<string, string[]> = {
    'entrypoints/gate.ts': ['zod', 'wxt/browser', '@mozilla/readability'],
    'entrypoints/extractor.ts': ['zod'],
    'entrypoints/highlighter.ts': ['zod'],
  },
): string[] {
  const out: string[] = [];
  for (const [entry, packages] of Object.entries(forbidden)) {
    const seen = new Set<string>();
    const walk = (path: string, chain: string[]) => {
      if (seen.has(path)) return;
      seen.add(path);
      for (const { specifier, typeOnly } of importsOf(files.get(path) ?? '')) {
        if (typeOnly) continue;
        if (packages.includes(specifier)) out.push(`${[...chain, path].join(' → ')} imports ${specifier}`);
        const target = resolveImport(files, path, specifier);
        if (target && files.has(target)) walk(target, [...chain, path]);
      }
    };
    walk(entry, []);
  }
  return out;
}

/** Every lib/ module opens with a comment saying why it exists. */
export function missingWhyComments(files: Files): string[] {
  const out: string[] = [];
  for (const [path, source] of files) {
    if (!path.startsWith('lib/') || !/\.tsx?$/.test(path)) continue;
    const first = source.trimStart();
    const comment = /^\/\/\s*\S.{20,}/.test(first) || /^\/\*[\s*]*\S.{20,}/.test(first);
    if (!comment) out.push(path);
  }
  return out;
}

/** Fixture files and the name each kind must have (a README or licence beside them is always allowed). */
export const FIXTURE_PATTERNS: [folder: string, pattern: RegExp][] = [
  // category--site--slug, with the page and its expected extraction.
  ['tests/fixtures/extract/', /^(article|front)--[a-z0-9-]+--[a-z0-9-]+\.(html|expected\.json)$/],
  ['tests/fixtures/pages/', /^(article|front)--[a-z0-9-]+--[a-z0-9-]+\.html$/],
  // language--slug, or sh- and a content hash for pages taken from the labelled benchmark.
  ['tests/fixtures/gate/article/', /^([a-z]{2}--[a-z0-9-]+|sh-[0-9a-f]{12})\.html$/],
  ['tests/fixtures/gate/non-article/', /^([a-z]{2}--[a-z0-9-]+|sh-[0-9a-f]{12})\.html$/],
  ['tests/fixtures/gate/', /^labels\.json$/],
  // language-slug: one gold article with its key facts.
  ['tests/fixtures/facts-gold/', /^[a-z]{2}-[a-z0-9-]+\.json$/],
  ['tests/fixtures/topics/', /^labelled-cases\.json$/],
];

export function misnamedFixtures(files: Files): string[] {
  const out: string[] = [];
  for (const path of files.keys()) {
    if (!path.startsWith('tests/fixtures/')) continue;
    const folder = path.slice(0, path.lastIndexOf('/') + 1);
    const name = path.slice(folder.length);
    if (name === 'README.md' || name.startsWith('LICENSE')) continue;
    const rule = FIXTURE_PATTERNS.find(([f]) => f === folder);
    if (!rule || !rule[1].test(name)) out.push(path);
  }
  return out;
}

export function relativeTo(root: string, path: string): string {
  return relative(root, path).replace(/\\/g, '/');
}

/**
 * Protocol messages nobody answers: one to the background without a background handler, or one to a page without a
 * page reader (page-receiver.ts) or without a page script that handles it.
 */
export function unansweredMessages(
  messages: { type: string; to: 'background' | 'page' }[],
  backgroundHandlers: ReadonlySet<string>,
  pageReads: (type: string) => boolean,
  pageScriptSources: string[],
): string[] {
  return messages
    .filter(({ type, to }) =>
      to === 'background'
        ? !backgroundHandlers.has(type)
        : !pageReads(type) || !pageScriptSources.some((source) => source.includes(`'${type}':`)),
    )
    .map(({ type }) => type);
}

/** lib/ folders and top-level modules that README's map (its architecture table) does not name. */
export function unmappedLibParts(files: Files, readme: string): string[] {
  const parts = new Set<string>();
  for (const path of files.keys()) {
    const match = /^lib\/([^/]+)(\/)?/.exec(path);
    if (match) parts.add(match[2] ? `lib/${match[1]}/` : `lib/${match[1]}`);
  }
  return [...parts].filter((part) => !readme.includes(`| \`${part}\``)).sort();
}

const NAMED_SCRIPT_IMPORT = /import\s*\{([^}]*)\}\s*from\s*['"](\.{1,2}\/[^'"]+\.mjs)['"]/g;
const EXPORTED_NAME = /export\s+(?:async\s+)?(?:const|let|function\*?|class)\s+([\w$]+)/g;
const EXPORTED_LIST = /export\s*\{([^}]*)\}/g;

/**
 * Names a script imports from another script that the other no longer exports. Benchmarks are not run by
 * `npm test`, so a rename in the shared harness would break one unseen until someone needs its figures.
 */
export function missingScriptImports(files: Files): string[] {
  const out: string[] = [];
  const firstNames = (list: string) =>
    list
      .split(',')
      .map((n) => n.trim().split(/\s+as\s+/)[0])
      .filter(Boolean);
  for (const [path, source] of files) {
    if (!path.endsWith('.mjs')) continue;
    for (const [, names, specifier] of source.matchAll(NAMED_SCRIPT_IMPORT)) {
      const target = resolveImport(files, path, specifier) ?? specifier;
      const text = files.get(target);
      if (text === undefined) {
        out.push(`${path} imports ${specifier}, which is not there`);
        continue;
      }
      const exported = new Set([
        ...[...text.matchAll(EXPORTED_NAME)].map((m) => m[1]),
        ...[...text.matchAll(EXPORTED_LIST)].flatMap((m) =>
          m[1].split(',').map(
            (n) =>
              n
                .trim()
                .split(/\s+as\s+/)
                .pop() ?? '',
          ),
        ),
      ]);
      for (const name of firstNames(names))
        if (!exported.has(name)) out.push(`${path} imports ${name} from ${specifier}`);
    }
  }
  return out;
}
