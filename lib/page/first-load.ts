// The background injects the extractor and the highlighter again whenever it needs them (a clip, a highlight, a
// re-attach), so a page script must start once per page: a second copy would listen, watch and send twice.

/** True the first time a page script of this name starts in this page's isolated world, false after. */
export function isFirstLoad(name: string, scope: object = globalThis): boolean {
  const key = Symbol.for(`beatwatch.${name}`);
  const flags = scope as Record<symbol, boolean | undefined>;
  if (flags[key]) return false;
  flags[key] = true;
  return true;
}
