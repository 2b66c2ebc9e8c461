import { describe, expect, it } from 'vitest';
import { textFragmentUrl } from '@/lib/text/fragment';

describe('textFragmentUrl', () => {
  it('quotes a short sentence whole, encoded, replacing any fragment', () => {
    expect(textFragmentUrl('https://n.example/a#top', 'Talks, in Istanbul - again')).toBe(
      'https://n.example/a#:~:text=Talks%2C%20in%20Istanbul%20%2D%20again',
    );
  });
  it('gives a long sentence by its first and last words, Arabic included', () => {
    const url = textFragmentUrl('https://n.example/a', 'وافقتا خلال هذه الجولة على تبادل جثث 6 آلاف جندي من كل جانب');
    const [start, end] = decodeURIComponent(url.split('#:~:text=')[1]).split(',');
    expect(start).toBe('وافقتا خلال هذه الجولة');
    expect(end).toBe('جندي من كل جانب');
  });
  it('leaves the URL alone for an empty sentence', () => {
    expect(textFragmentUrl('https://n.example/a', '  ')).toBe('https://n.example/a');
  });
});
