// Unit tests run without a browser: the fake browser's i18n answers from the English messages, as a browser with an
// English UI would (with $1…$9 substitution), so views render the words readers see.
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import english from '../../public/_locales/en/messages.json';

const messages: Record<string, { message: string }> = english;

export function englishMessage(key: string, substitutions?: string | string[]): string {
  if (key === '@@bidi_dir') return 'ltr';
  const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
  return (messages[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

function install() {
  fakeBrowser.i18n.getMessage = englishMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en';
}

install();
beforeEach(install);
