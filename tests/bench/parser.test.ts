// bench:parser — is the tree the benchmarks parse (jsdom) the tree a browser builds? On every page of both
// corpora, jsdom, happy-dom and linkedom against Chromium's own: the element sequence of the document and the
// text of its body, compared page by page.
import { Window } from 'happy-dom';
import { parseHTML } from 'linkedom';
import { expect, it } from 'vitest';
import { snippetPages, truthPages } from './corpora';
import { openChromiumPages } from './chromium-pages';
import { parsePage } from './parse-page';
import { median, percentile, reportFigures } from './report';

interface TreeSignature {
  bodies: number;
  elements: string[];
  text: string;
}

/** Runs in every DOM, Chromium's included (as source): no closures, no helpers from outside. */
function treeSignature(doc: Document): TreeSignature {
  const elements: string[] = [];
  const walk = (el: Element) => {
    elements.push(el.localName);
    for (const child of el.children) walk(child);
  };
  if (doc.documentElement) walk(doc.documentElement);
  return {
    bodies: doc.querySelectorAll('body').length,
    elements,
    text: (doc.body?.textContent ?? '').replace(/\s+/g, ' ').trim(),
  };
}

type Parser = (html: string, url: string) => TreeSignature;

const PARSERS: Record<string, Parser> = {
  jsdom: (html, url) => {
    const parsed = parsePage(html, url);
    const signature = treeSignature(parsed.document);
    parsed.close();
    return signature;
  },
  // As the golden unit tests load pages, without running scripts.
  'happy-dom': (html, url) => {
    const window = new Window({
      url,
      settings: {
        disableJavaScriptFileLoading: true,
        disableCSSFileLoading: true,
        disableIframePageLoading: true,
        handleDisabledFileLoadingAsSuccess: true,
      },
    });
    window.document.write(html);
    const signature = treeSignature(window.document as unknown as Document);
    void window.happyDOM.close();
    return signature;
  },
  linkedom: (html) => treeSignature(parseHTML(html).document as unknown as Document),
};

/** Elements one tree has and the other lacks, by tag name. */
function elementsApart(a: string[], b: string[]): number {
  const counts = new Map<string, number>();
  for (const t of a) counts.set(t, (counts.get(t) ?? 0) + 1);
  for (const t of b) counts.set(t, (counts.get(t) ?? 0) - 1);
  let apart = 0;
  for (const n of counts.values()) apart += Math.abs(n);
  return apart;
}

/** Where two element sequences first part, with a little context: what a reader needs to see why. */
function firstDifference(ours: string[], theirs: string[]): string {
  let i = 0;
  while (i < ours.length && ours[i] === theirs[i]) i++;
  return `at element ${i}: ${ours.slice(Math.max(0, i - 2), i + 4).join(' ')} | Chromium: ${theirs.slice(Math.max(0, i - 2), i + 4).join(' ')}`;
}

it('bench:parser', { timeout: 3_600_000 }, async () => {
  const pages = [
    ...truthPages().map((p) => ({ corpus: 'extraction-dev', ...p })),
    ...snippetPages().map((p) => ({ corpus: 'extraction-snippets', ...p })),
  ];
  const browser = await openChromiumPages();
  const stats = Object.fromEntries(
    Object.keys(PARSERS).map((name) => [
      name,
      {
        treeDiffers: 0,
        textDiffers: 0,
        bodyCountDiffers: 0,
        elementsApart: 0,
        charsApart: 0,
        errors: 0,
        ms: [] as number[],
        worst: [] as { page: string; apart: number; where: string }[],
      },
    ]),
  );
  let chromiumErrors = 0;
  try {
    for (const page of pages) {
      const html = page.html();
      let reference: TreeSignature;
      try {
        reference = await browser.evaluate<TreeSignature>(html, page.url, `(${treeSignature.toString()})(document)`);
      } catch {
        chromiumErrors++;
        continue;
      }
      for (const [name, parse] of Object.entries(PARSERS)) {
        const s = stats[name]!;
        let ours: TreeSignature;
        const start = performance.now();
        try {
          ours = parse(html, page.url);
        } catch {
          s.errors++;
          continue;
        }
        s.ms.push(performance.now() - start);
        const apart = elementsApart(ours.elements, reference.elements);
        if (ours.elements.join(' ') !== reference.elements.join(' ')) {
          s.treeDiffers++;
          s.worst.push({ page: page.id, apart, where: firstDifference(ours.elements, reference.elements) });
        }
        if (ours.text !== reference.text) s.textDiffers++;
        if (ours.bodies !== reference.bodies) s.bodyCountDiffers++;
        s.elementsApart += apart;
        s.charsApart += Math.abs(ours.text.length - reference.text.length);
      }
    }
  } finally {
    await browser.close();
  }

  const compared = pages.length - chromiumErrors;
  const figures = {
    pages: pages.length,
    compared,
    chromium: 'Debian Chromium, scripting on, scripts blocked by CSP',
    parsers: Object.fromEntries(
      Object.entries(stats).map(([name, s]) => [
        name,
        {
          treeDiffers: s.treeDiffers,
          textDiffers: s.textDiffers,
          bodyCountDiffers: s.bodyCountDiffers,
          elementsApart: s.elementsApart,
          charsApart: s.charsApart,
          errors: s.errors,
          parseMedianMs: Number(median(s.ms).toFixed(1)),
          parseP95Ms: Number(percentile(s.ms, 95).toFixed(1)),
          worst: s.worst.sort((a, b) => b.apart - a.apart).slice(0, 5),
        },
      ]),
    ),
  };
  reportFigures(figures, () => {
    console.log(`bench:parser — ${compared} of ${pages.length} corpus pages compared with ${figures.chromium}`);
    for (const [name, p] of Object.entries(figures.parsers)) {
      console.log(
        `  ${name.padEnd(10)} element sequence differs on ${p.treeDiffers} pages, body text on ${p.textDiffers}, body count on ${p.bodyCountDiffers}; ${p.elementsApart} elements and ${p.charsApart} characters apart in all; ${p.errors} threw; parse median ${p.parseMedianMs} ms, p95 ${p.parseP95Ms} ms`,
      );
      for (const w of p.worst) console.log(`      ${w.page} (${w.apart} apart) ${w.where}`);
    }
  });
  expect(compared).toBeGreaterThan(0);
});
