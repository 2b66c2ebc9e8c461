import { describe, expect, it } from 'vitest';
import { directionOfLang, directionOfText } from '@/lib/text/direction';

describe('directionOfLang', () => {
  it('knows right-to-left languages by their primary subtag', () => {
    expect(directionOfLang('ar')).toBe('rtl');
    expect(directionOfLang('fa-IR')).toBe('rtl');
    expect(directionOfLang('he_IL')).toBe('rtl');
    expect(directionOfLang('en-GB')).toBe('ltr');
    expect(directionOfLang('')).toBeNull();
    expect(directionOfLang(undefined)).toBeNull();
  });
});

describe('directionOfText', () => {
  it('follows the majority of strong characters', () => {
    expect(directionOfText('قال وزير الخارجية التركي هاكان فيدان إن NATO')).toBe('rtl');
    expect(directionOfText('The minister met رستم عمروف in Istanbul')).toBe('ltr');
    expect(directionOfText('שלום עולם')).toBe('rtl');
    expect(directionOfText('12345 — ...')).toBe('ltr');
  });
});
