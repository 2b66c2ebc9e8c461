// @vitest-environment happy-dom
// The "Your data" section tells the reader whether the browser keeps their data under disk pressure.
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { YourData, type Props } from '@/components/your-data';
import { show, textOf } from './render';

afterEach(() => render(null, document.body));

const props = (durability: Props['durability'], storageUse: Props['storageUse'] = null): Props => ({
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
  storageUse,
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

describe('YourData used space', () => {
  it('says what the data takes of what the browser allows, in the UI language', () => {
    const root = show(<YourData {...props('persistent', { used: 12_345_678, quota: 58_000_000_000 })} />);
    const line = root.querySelector('.storage-use');
    expect(textOf(line)).toBe('Your data takes 12 MB of the 58 GB this browser allows.');
    expect(line?.getAttribute('data-used')).toBe('12345678');
  });

  it('says only what the data takes when the browser gives no allowance', () => {
    const root = show(<YourData {...props('unknown', { used: 4_200 })} />);
    expect(textOf(root.querySelector('.storage-use'))).toBe('Your data takes 4.2 kB on this device.');
  });

  it('shows no line while the browser is asked or when it cannot say', () => {
    const root = show(<YourData {...props('persistent', null)} />);
    expect(root.querySelector('.storage-use')).toBeNull();
  });
});
