import { describe, expect, it, vi } from 'vitest';
import { finishedWebPage, pageScripts, startsNewDocument } from '@/lib/background/page-scripts';
import { FACT_NAME, HIGHLIGHT_NAME } from '@/lib/page/highlight-styles';

function setup() {
  const calls: string[] = [];
  const scripting = {
    insertCSS: vi.fn(async ({ css }: { css: string }) => void calls.push(`css ${css.length > 0}`)),
    executeScript: vi.fn(async ({ files }: { files: string[] }) => void calls.push(`script ${files.join()}`)),
  };
  const send = vi.fn(async (_tabId: number, type: string) => {
    calls.push(`send ${type}`);
    return type === 'page:mark-facts' ? { marked: 2 } : { added: true };
  });
  return { calls, scripting, scripts: pageScripts(scripting, send as never), send };
}

describe('page scripts', () => {
  it('paints highlights and facts under the names the highlighter uses', async () => {
    const { scripting, scripts } = setup();
    await scripts.injectHighlighter(4);
    const { css } = scripting.insertCSS.mock.calls[0][0];
    expect(css).toContain(`::highlight(${HIGHLIGHT_NAME})`);
    expect(css).toContain(`::highlight(${FACT_NAME})`);
  });

  it('loads the highlighter with its styles before asking it for work', async () => {
    const { calls, scripts, send } = setup();
    expect(await scripts.markFactsIn(4, true)).toEqual({ marked: 2 });
    expect(await scripts.highlightSelectionIn(4)).toEqual({ added: true });
    expect(calls).toEqual([
      'css true',
      'script /highlighter.js',
      'send page:mark-facts',
      'css true',
      'script /highlighter.js',
      'send page:highlight-selection',
    ]);
    expect(send).toHaveBeenCalledWith(4, 'page:mark-facts', { on: true });
    await scripts.injectExtractor(5);
    expect(calls.at(-1)).toBe('script /extractor.js');
  });

  it('tells new documents and finished web pages from other tab updates', () => {
    expect(startsNewDocument({ status: 'loading', url: 'https://n.example/' })).toBe(true);
    expect(startsNewDocument({ status: 'loading' })).toBe(false);
    expect(finishedWebPage({ status: 'complete' }, 'https://n.example/')).toBe(true);
    expect(finishedWebPage({ status: 'complete' }, 'chrome://newtab/')).toBe(false);
    expect(finishedWebPage({ status: 'loading' }, 'https://n.example/')).toBe(false);
  });
});
