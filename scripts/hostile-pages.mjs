// The hostile page suite (issue 17, item 3), generated in code so no multi-megabyte file is committed: each page is
// a real-looking news article about Ukraine (the gate lets it through, a "Ukraine" topic matches it) carrying one
// load meant to make Beatwatch's page work unbounded. Used by bench:page and tests/e2e/reliability-hostile.test.mjs.

const MB = 1024 * 1024;

const LEAD = [
  'Ukraine and Russia resumed talks on the Black Sea grain corridor in Istanbul on Monday, officials said, after a pause of three weeks.',
  'Negotiators met for six hours at the Dolmabahce Palace as Turkey and the United Nations pushed to reopen shipping lanes for 40 million tonnes of grain.',
  'The Ukrainian delegation was led by the deputy foreign minister, who told reporters that the next round would take place within ten days.',
  'A UN spokesperson said inspections of ships would resume on Wednesday if both sides confirmed the safety guarantees agreed in principle.',
];

/** A real-looking article page: head with article metadata, a headline, a lead, then `body` (HTML) and `tail`. */
function articlePage({ title, body = '', head = '', script = '' }) {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title} | Hostile Daily</title>
<meta property="og:type" content="article">
<meta property="og:title" content="${title}">
<meta property="og:site_name" content="Hostile Daily">
<meta property="article:published_time" content="2026-11-30T08:30:00Z">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${title}","datePublished":"2026-11-30T08:30:00Z","author":{"@type":"Person","name":"Hannah Kovacs"}}</script>
${head}
</head>
<body>
<header><nav><a href="/">Hostile Daily</a> <a href="/world">World</a></nav></header>
<main>
<article>
<h1>${title}</h1>
<p class="byline">By Hannah Kovacs, 30 November 2026</p>
<div class="article-text" id="text">
${LEAD.map((p) => `<p>${p}</p>`).join('\n')}
${body}
</div>
</article>
</main>
<button id="probe" type="button" onclick="this.dataset.clicks = String(Number(this.dataset.clicks || 0) + 1)">Probe</button>
${script}
</body>
</html>`;
}

/** Filler sentences, numbered so no two paragraphs are the same (repeats are dropped and make a page look small). */
function filler(n) {
  return `Line ${n}: the grain corridor talks in Istanbul continued as ships waited at the entrance of the Bosphorus. `;
}

function fillerOf(chars, from = 0) {
  const parts = [];
  let length = 0;
  for (let i = from; length < chars; i++) {
    const s = filler(i);
    parts.push(s);
    length += s.length;
  }
  return parts.join('').slice(0, chars);
}

/** One text node of 5 MB inside one paragraph. */
function singleTextNode() {
  return articlePage({ title: 'Ukraine grain talks: the full transcript', body: `<p>${fillerOf(5 * MB)}</p>` });
}

/** 5 MB of ordinary paragraphs (about 10,000 of ~500 characters). */
function paragraphs5mb() {
  const out = [];
  let length = 0;
  for (let i = 0; length < 5 * MB; i++) {
    const p = `<p>${fillerOf(500, i * 5)}</p>`;
    out.push(p);
    length += p.length;
  }
  return articlePage({ title: 'Ukraine grain talks: every statement', body: out.join('\n') });
}

/**
 * 10,000 elements nested one inside the other, each with a line of text, the article's lead innermost. Built by the
 * page's own script: HTML parsers stop nesting at a few hundred levels (Chromium 512), the DOM does not. The nest is
 * kept out of layout (display: none): Chromium's own layout crashes the tab from ~3,000 nested blocks (measured,
 * without any extension), and what is tested here is Beatwatch's walks of the DOM, which do not look at layout.
 */
function nested10000() {
  const script = `<script>
(() => {
  let at = document.getElementById('deep');
  for (let i = 0; i < 10000; i++) {
    const div = document.createElement('div');
    div.append('Level ' + i + ' of the Ukraine grain corridor archive. ');
    at.appendChild(div);
    at = div;
  }
  const p = document.createElement('p');
  p.textContent = ${JSON.stringify(LEAD.join(' '))};
  at.appendChild(p);
})();
</script>`;
  return articlePage({
    title: 'Ukraine grain talks: the archive',
    // A style sheet, not a style attribute: the library drops elements hidden by their own attribute unread.
    head: '<style>#deep { display: none }</style>',
    body: '<div id="deep"></div>',
    script,
  });
}

/** 50,000 short paragraphs. */
function paragraphs50000() {
  const out = new Array(50000);
  for (let i = 0; i < out.length; i++) out[i] = `<p>${filler(i)}</p>`;
  return articlePage({ title: 'Ukraine grain talks: the live log', body: out.join('\n') });
}

/** An ordinary article with 2 MB of JSON-LD (an articleBody and a graph of thousands of nodes). */
function jsonLd2mb() {
  const graph = [];
  let length = 0;
  for (let i = 0; length < MB; i++) {
    const node = { '@type': 'Person', '@id': `#p${i}`, name: `Delegate ${i}`, description: filler(i) };
    graph.push(node);
    length += JSON.stringify(node).length;
  }
  const ld = {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'NewsArticle',
        headline: 'Ukraine grain talks: the delegates',
        datePublished: '2026-11-30T08:30:00Z',
        articleBody: fillerOf(MB),
      },
      ...graph,
    ],
  };
  const head = `<script type="application/ld+json">${JSON.stringify(ld).replace(/</g, '\\u003c')}</script>`;
  return articlePage({ title: 'Ukraine grain talks: the delegates', head });
}

/** The suite: name, file name (as served) and a builder for the page's HTML. */
export const HOSTILE_PAGES = [
  { name: '5 MB single text node', file: 'hostile-single-text-node.html', build: singleTextNode },
  { name: '5 MB of paragraphs', file: 'hostile-paragraphs-5mb.html', build: paragraphs5mb },
  { name: '10,000 nested elements', file: 'hostile-nested-10000.html', build: nested10000 },
  { name: '50,000 paragraphs', file: 'hostile-paragraphs-50000.html', build: paragraphs50000 },
  { name: '2 MB JSON-LD', file: 'hostile-jsonld-2mb.html', build: jsonLd2mb },
];

/** The words every hostile page's article starts with, to find its stored record. */
export const HOSTILE_LEAD = LEAD[0];
