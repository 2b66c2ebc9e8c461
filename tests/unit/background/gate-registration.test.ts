import { describe, expect, it } from 'vitest';
import {
  ensureGateRegistered,
  GATE_SCRIPT,
  type ContentScriptRegistry,
  type RegisteredScript,
} from '@/lib/background/gate-registration';

/** An in-memory registry that behaves like browser.scripting's (ids unique, update needs an existing id). */
function fakeRegistry(initial: (Partial<RegisteredScript> & { id: string })[] = []) {
  const scripts = new Map(initial.map((s) => [s.id, s]));
  const calls: string[] = [];
  const registry: ContentScriptRegistry = {
    async getRegisteredContentScripts(filter) {
      return [...scripts.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id));
    },
    async registerContentScripts(list) {
      calls.push('register');
      for (const s of list) {
        if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        scripts.set(s.id, s);
      }
    },
    async updateContentScripts(list) {
      calls.push('update');
      for (const s of list) {
        if (!scripts.has(s.id)) throw new Error(`No script with ID '${s.id}'`);
        scripts.set(s.id, s);
      }
    },
  };
  return { registry, scripts, calls };
}

describe('ensureGateRegistered', () => {
  it('registers the gate on every http(s) page at document_idle, once', async () => {
    const { registry, scripts, calls } = fakeRegistry();
    expect(await ensureGateRegistered(registry)).toBe('registered');
    expect(await ensureGateRegistered(registry)).toBe('unchanged');
    expect(calls).toEqual(['register']);
    expect(scripts.get('beatwatch-gate')).toMatchObject({
      js: ['gate.js'],
      matches: ['http://*/*', 'https://*/*'],
      runAt: 'document_idle',
      allFrames: false,
    });
  });

  it('accepts the browser reporting the file with a leading slash, and updates a registration from an older version', async () => {
    const same = fakeRegistry([{ ...GATE_SCRIPT, js: ['/gate.js'] }]);
    expect(await ensureGateRegistered(same.registry)).toBe('unchanged');
    const older = fakeRegistry([{ id: GATE_SCRIPT.id, js: ['content.js'], matches: ['https://*/*'] }]);
    expect(await ensureGateRegistered(older.registry)).toBe('updated');
    expect(older.scripts.get(GATE_SCRIPT.id)).toEqual(GATE_SCRIPT);
  });
});
