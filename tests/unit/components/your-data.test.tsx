// @vitest-environment happy-dom
// The "Your data" section tells the reader whether the browser keeps their data under disk pressure.
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { YourData, type Props } from '@/components/your-data';
import { show, textOf } from './render';

afterEach(() => render(null, document.body));

const props = (durability: Props['durability']): Props => ({
  busy: null,
  message: null,
  pending: null,
  onBackup: () => {},
  onChooseBackup: () => {},
  onConfirmRestore: () => {},
  onCancelRestore: () => {},
  onExportMarkdown: () => {},
  onExportAnnotations: () => {},
  durability,
});

describe('YourData durability', () => {
  it.each([
    [null, 'checking', 'Checking how this browser keeps your data'],
    ['persistent', 'persistent', 'will not clear'],
    ['best-effort', 'best-effort', 'may clear'],
    ['unknown', 'unknown', 'does not say'],
  ] as const)('shows %s', (durability, state, words) => {
    const root = show(<YourData {...props(durability)} />);
    const line = root.querySelector('[data-durability]');
    expect(line?.getAttribute('data-durability')).toBe(state);
    expect(textOf(line)).toContain(words);
  });
});
