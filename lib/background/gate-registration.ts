// The gate script (entrypoints/gate.ts) is registered by the background rather than declared in the manifest:
// a manifest content script runs inside WXT's content-script context, whose start-up (an announcement event and
// message to older copies, an abort controller, a location watcher) cost ~2 ms on every page before the gate
// could even look (measured in Chromium with npm run bench:page). A registered script is the same kind of
// content script (same isolated world, same run_at), started bare.

/** The part of `browser.scripting` this needs: easy to fake in tests. */
export interface ContentScriptRegistry {
  getRegisteredContentScripts(filter?: {
    ids?: string[];
  }): Promise<{ id: string; js?: string[]; matches?: string[] }[]>;
  registerContentScripts(scripts: RegisteredScript[]): Promise<unknown>;
  updateContentScripts(scripts: RegisteredScript[]): Promise<unknown>;
}

export interface RegisteredScript {
  id: string;
  js: string[];
  matches: string[];
  runAt: 'document_idle';
  allFrames: false;
  persistAcrossSessions: true;
}

export const GATE_SCRIPT: RegisteredScript = {
  id: 'beatwatch-gate',
  js: ['gate.js'],
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: false,
  persistAcrossSessions: true,
};

/**
 * Makes sure the gate is registered as this version declares it. Registrations outlive the worker and browser
 * restarts, so this runs at every background start and changes something only on install or after an update.
 */
export async function ensureGateRegistered(
  registry: ContentScriptRegistry,
): Promise<'registered' | 'updated' | 'unchanged'> {
  const [current] = await registry.getRegisteredContentScripts({ ids: [GATE_SCRIPT.id] });
  if (!current) {
    await registry.registerContentScripts([GATE_SCRIPT]);
    return 'registered';
  }
  const same = (a: string[] | undefined, b: string[]) =>
    a !== undefined && a.length === b.length && a.every((x, i) => x.replace(/^\//, '') === b[i]);
  if (same(current.js, GATE_SCRIPT.js) && same(current.matches, GATE_SCRIPT.matches)) return 'unchanged';
  await registry.updateContentScripts([GATE_SCRIPT]);
  return 'updated';
}
