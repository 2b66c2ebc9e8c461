// The markup styles of the multi-article corpus, each modelled on the public templates of a publishing system
// news sites run on (their class names, element choices, where the headline, byline and body sit, what their
// related-teaser blocks look like), written for this benchmark: no template code is copied.
import { AR_SECTIONS, EN_SECTIONS, esc, head, humanDate, imageUrl, navLinks, pick, token, type Random } from './markup';
import type { AddressKind, PageArticle, PageSpec, Site, Teaser } from './page-spec';

export interface Style {
  name: string;
  /** The real system whose public templates the markup follows. */
  models: string;
  lang: 'en' | 'ar';
  /** How appended articles give their address in this system (one is drawn per appended article). */
  addresses: readonly AddressKind[];
  /** The system's URL pattern: the id is in it where the system's addresses carry one. */
  url(site: Site, id: number, slug: string, published: string): string;
  render(spec: PageSpec, rng: Random): string;
}

const ymd = (iso: string) => iso.slice(0, 10).split('-');
const paras = (a: PageArticle, attrs = '') => a.paragraphs.map((p) => `<p${attrs}>${esc(p)}</p>`).join('\n');

/** The attribute that carries an appended article's address, where its kind is an attribute. */
function addressAttr(a: PageArticle, idAttr: string): string {
  switch (a.address) {
    case 'data-url':
      return ` data-url="${esc(a.url)}"`;
    case 'data-href':
      return ` data-href="${esc(a.url)}"`;
    case 'data-canonical':
      return ` data-canonical="${esc(a.url)}"`;
    case 'data-id':
      return ` ${idAttr}="${a.id}"`;
    default:
      return '';
  }
}

/** A headline's text, linked to the article when its address is a permalink in the headline. */
const headline = (a: PageArticle, rel = ' rel="bookmark"') =>
  a.address === 'permalink' && !a.own ? `<a href="${esc(a.url)}"${rel}>${esc(a.title)}</a>` : esc(a.title);

/** Interleaves full articles and the teaser groups that follow each. */
const sequence = (
  spec: PageSpec,
  article: (a: PageArticle, i: number) => string,
  teasers: (t: Teaser[], i: number) => string,
) =>
  spec.articles
    .map((a, i) => article(a, i) + '\n' + (spec.teaserGroups[i]?.length ? teasers(spec.teaserGroups[i]!, i) : ''))
    .join('\n');

const doc = (lang: string, dir: string, headHtml: string, body: string, htmlAttrs = '') =>
  `<!DOCTYPE html>\n<html lang="${lang}" dir="${dir}"${htmlAttrs}>\n${headHtml}\n${body}\n</html>\n`;

const wordpressCore: Style = {
  name: 'wordpress-core',
  models:
    'WordPress core themes (Twenty Twenty-One: article.post.hentry, .entry-header/.entry-content/.entry-footer) with Jetpack Related Posts and a next-post loader',
  lang: 'en',
  addresses: ['permalink', 'permalink', 'none'],
  url: (site, _id, slug, published) => `https://${site.host}/${ymd(published).join('/')}/${slug}/`,
  render(spec, rng) {
    const cat = pick(rng, ['news', 'politics', 'business', 'local']);
    const article = (
      a: PageArticle,
    ) => `<article id="post-${a.id}" class="post-${a.id} post type-post status-publish format-standard has-post-thumbnail hentry category-${cat} entry">
<header class="entry-header alignwide">
<${a.own ? 'h1' : 'h2'} class="entry-title">${headline(a)}</${a.own ? 'h1' : 'h2'}>
<figure class="post-thumbnail"><img width="1568" height="882" src="${imageUrl(spec, a)}" class="attachment-post-thumbnail size-post-thumbnail wp-post-image" alt="" loading="lazy"><figcaption class="wp-caption-text">Photo: ${esc(a.author)}</figcaption></figure>
</header>
<div class="entry-content">
${paras(a)}
<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social"><h3 class="sd-title">Share this:</h3><div class="sd-content"><ul><li class="share-twitter"><a class="share-twitter sd-button" href="?share=twitter">Twitter</a></li><li class="share-facebook"><a class="share-facebook sd-button" href="?share=facebook">Facebook</a></li></ul></div></div></div>
</div>
<footer class="entry-footer default-max-width"><div class="posted-by"><span class="posted-on">Published <time class="entry-date published updated" datetime="${a.published}">${humanDate(a.published, 'en')}</time></span><span class="byline">By <a href="https://${spec.site.host}/author/${a.author.split(' ')[0]!.toLowerCase()}/" rel="author">${esc(a.author)}</a></span></div><div class="post-taxonomies"><span class="cat-links">Categorized as <a href="https://${spec.site.host}/category/${cat}/" rel="category tag">${cat}</a></span></div></footer>
</article>`;
    const teasers = (
      ts: Teaser[],
    ) => `<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3><div class="jp-relatedposts-items jp-relatedposts-items-visual jp-relatedposts-grid">
${ts.map((t, i) => `<div class="jp-relatedposts-post jp-relatedposts-post${i} jp-relatedposts-post-thumbs" data-post-format="false"><a class="jp-relatedposts-post-a" href="${esc(t.url)}" rel="nofollow"><img class="jp-relatedposts-post-img" src="https://${spec.site.host}/images/related-${i}.jpg" width="350" height="200" alt=""></a><h4 class="jp-relatedposts-post-title"><a class="jp-relatedposts-post-a" href="${esc(t.url)}" rel="nofollow">${esc(t.title)}</a></h4><p class="jp-relatedposts-post-excerpt">${esc(t.summary)}</p><p class="jp-relatedposts-post-context">In "News"</p></div>`).join('\n')}
</div></div>
<nav class="navigation post-navigation" aria-label="Posts"><h2 class="screen-reader-text">Post navigation</h2><div class="nav-links"><div class="nav-previous"><a href="${esc(ts[0]!.url)}" rel="prev"><p class="meta-nav">Previous post</p><p class="post-title">${esc(ts[0]!.title)}</p></a></div></div></nav>`;
    return doc(
      'en-US',
      'ltr',
      head(
        spec,
        '<link rel="stylesheet" id="twenty-twenty-one-style-css" href="/wp-content/themes/twentytwentyone/style.css" media="all">\n',
        'graph',
      ),
      `<body class="post-template-default single single-post postid-${spec.articles[0]!.id} single-format-standard wp-embed-responsive">
<div id="page" class="site"><a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header has-title-and-tagline has-menu"><div class="site-branding"><p class="site-title"><a href="https://${spec.site.host}/">${esc(spec.site.name)}</a></p><p class="site-description">Local news that matters</p></div>
<nav id="site-navigation" class="primary-navigation" aria-label="Primary menu"><div class="primary-menu-container"><ul id="primary-menu-list" class="menu-wrapper">${navLinks(spec, EN_SECTIONS)}</ul></div></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
${sequence(spec, article, teasers)}
</main></div></div>
<footer id="colophon" class="site-footer"><div class="site-info"><div class="site-name"><a href="https://${spec.site.host}/">${esc(spec.site.name)}</a></div><div class="powered-by">Proudly powered by <a href="https://wordpress.org/">WordPress</a>.</div></div></footer>
</div></body>`,
    );
  },
};

const wordpressNews: Style = {
  name: 'wordpress-news-theme',
  models:
    'WordPress news themes (tagDiv Newspaper: div.post.td-post-template-default, .td-post-title, .td-post-content, td_block_related_posts) with an auto-load-next-post plugin',
  lang: 'en',
  addresses: ['data-url', 'data-url', 'none'],
  url: (site, _id, slug) => `https://${site.host}/${slug}/`,
  render(spec) {
    const article = (
      a: PageArticle,
    ) => `<div id="post-${a.id}" class="td-post-template-default post-${a.id} post type-post status-publish format-standard hentry category-world"${a.own ? '' : addressAttr(a, 'data-post-id')}>
<div class="td-post-header"><ul class="td-category"><li class="entry-category"><a href="https://${spec.site.host}/category/world/">World</a></li></ul>
<header class="td-post-title"><h1 class="entry-title">${esc(a.title)}</h1>
<div class="td-module-meta-info"><div class="td-post-author-name"><div class="td-author-by">By</div> <a href="https://${spec.site.host}/author/staff/">${esc(a.author)}</a><div class="td-author-line"> - </div></div><span class="td-post-date"><time class="entry-date updated td-module-date" datetime="${a.published}">${humanDate(a.published, 'en')}</time></span><div class="td-post-views"><i class="td-icon-views"></i><span class="td-nr-views-${a.id}">1204</span></div></div></header></div>
<div class="td-post-sharing-top"><div class="td-post-sharing-visible"><a class="td-social-sharing-button td-social-facebook" href="https://www.facebook.com/sharer.php?u=${esc(a.url)}"><span class="td-social-but-text">Facebook</span></a><a class="td-social-sharing-button td-social-twitter" href="https://twitter.com/intent/tweet?url=${esc(a.url)}"><span class="td-social-but-text">Twitter</span></a></div></div>
<div class="td-post-featured-image"><a href="${imageUrl(spec, a)}" data-caption=""><img class="entry-thumb" src="${imageUrl(spec, a, '696x392')}" alt="" width="696" height="392"></a></div>
<div class="td-post-content tagdiv-type">
${paras(a)}
</div>
<footer><div class="td-post-source-tags"><ul class="td-tags td-post-small-box clearfix"><li><span>TAGS</span></li><li><a href="https://${spec.site.host}/tag/news/">news</a></li><li><a href="https://${spec.site.host}/tag/world/">world</a></li></ul></div>
<div class="td-author-name vcard author"><a href="https://${spec.site.host}/author/staff/">${esc(a.author)}</a></div></footer>
</div>`;
    const teasers = (
      ts: Teaser[],
    ) => `<div class="td_block_wrap td_block_related_posts tdi_3 td_with_ajax_pagination td-pb-border-top td_block_template_1"><h4 class="td-related-title td-block-title"><a class="td-related-left td-cur-simple-item" href="#">RELATED ARTICLES</a><a class="td-related-right" href="#">MORE FROM AUTHOR</a></h4><div class="td_block_inner"><div class="td-related-row">
${ts.map((t) => `<div class="td-related-span4"><div class="td_module_related_posts td-animation-stack td_mod_related_posts"><div class="td-module-image"><div class="td-module-thumb"><a href="${esc(t.url)}" rel="bookmark" class="td-image-wrap" title="${esc(t.title)}"><img class="entry-thumb" src="https://${spec.site.host}/images/218x150.jpg" alt="" width="218" height="150"></a></div></div><div class="item-details"><h3 class="entry-title td-module-title"><a href="${esc(t.url)}" rel="bookmark" title="${esc(t.title)}">${esc(t.title)}</a></h3></div></div></div>`).join('\n')}
</div></div></div>`;
    return doc(
      'en-US',
      'ltr',
      head(spec, '', 'graph'),
      `<body class="post-template-default single single-post single-format-standard td-standard-pack global-block-template-1 td-full-layout">
<div class="td-scroll-up"><i class="td-icon-menu-up"></i></div>
<div id="td-outer-wrap" class="td-theme-wrap"><div class="td-header-wrap td-header-style-1"><div class="td-header-top-menu-full td-container-wrap"><div class="td-container td-header-row td-header-top-menu"><div class="top-bar-style-1"><div class="td-header-sp-top-menu"><div class="td_data_time">${humanDate(spec.articles[0]!.published, 'en')}</div></div></div></div></div>
<div class="td-header-menu-wrap-full td-container-wrap"><div class="td-header-menu-wrap td-header-gradient"><div class="td-container td-header-row td-header-main-menu"><div id="td-header-menu" role="navigation"><ul id="menu-main-menu-1" class="sf-menu">${navLinks(spec, EN_SECTIONS)}</ul></div></div></div></div></div>
<div class="td-main-content-wrap td-container-wrap"><div class="td-container td-post-template-default"><div class="td-crumb-container"><div class="entry-crumbs"><span><a title="" class="entry-crumb" href="https://${spec.site.host}/">Home</a></span> <i class="td-icon-right td-bread-sep"></i> <span><a title="View all posts in World" class="entry-crumb" href="https://${spec.site.host}/category/world/">World</a></span></div></div>
<div class="td-pb-row"><div class="td-pb-span8 td-main-content" role="main"><div class="td-ss-main-content">
${sequence(spec, article, teasers)}
</div></div>
<div class="td-pb-span4 td-main-sidebar" role="complementary"><div class="td-ss-main-sidebar"><div class="td_block_wrap td_block_7"><h4 class="block-title"><span>Most Popular</span></h4><div class="td_block_inner">${spec.teaserGroups
        .flat()
        .slice(0, 4)
        .map(
          (t) =>
            `<div class="td_module_6 td_module_wrap"><div class="item-details"><h3 class="entry-title td-module-title"><a href="${esc(t.url)}" rel="bookmark">${esc(t.title)}</a></h3></div></div>`,
        )
        .join('')}</div></div></div></div>
</div></div></div>
<div class="td-footer-wrapper td-container-wrap"><div class="td-container"><div class="td-pb-row"><div class="td-pb-span12"><div class="footer-text-wrap">© ${esc(spec.site.name)}. All rights reserved.</div></div></div></div></div>
</div></body>`,
    );
  },
};

const drupal: Style = {
  name: 'drupal',
  models:
    'Drupal 9/10 (Olivero: article[data-history-node-id].node--view-mode-full, field--name-body; Views "related content" blocks of node--view-mode-teaser) with an infinite-scroll module that loads full nodes',
  lang: 'en',
  addresses: ['data-url', 'data-id', 'none'],
  url: (site, id) => `https://${site.host}/node/${id}`,
  render(spec) {
    const node = (
      a: PageArticle,
    ) => `${a.own ? '' : `<div class="views-infinite-scroll-content-wrapper clearfix"${a.address === 'data-url' ? ` data-url="${esc(a.url)}"` : ''}>`}<article data-history-node-id="${a.id}" class="node node--type-article node--promoted node--view-mode-full">
<header class="layout--content-medium"><h1 class="title page-title"><span class="field field--name-title field--type-string field--label-hidden">${esc(a.title)}</span></h1>
<div class="node__meta"><div class="node__author-image"><article class="profile"></article></div><span><span class="field field--name-uid field--type-entity-reference field--label-hidden"><a title="View user profile." href="https://${spec.site.host}/user/${a.id % 97}">${esc(a.author)}</a></span></span><span class="node__date"><span class="field field--name-created field--type-created field--label-hidden"><time datetime="${a.published}">${humanDate(a.published, 'en')}</time></span></span></div></header>
<div class="node__content layout--content-medium"><div class="field field--name-field-image field--type-image field--label-hidden field__item"><img loading="lazy" src="${imageUrl(spec, a)}" width="1200" height="675" alt=""></div>
<div class="text-content clearfix field field--name-body field--type-text-with-summary field--label-hidden field__item">
${paras(a)}
</div>
<div class="field field--name-field-tags field--type-entity-reference field--label-above field--tags"><h3 class="field__label field--tags__label">Tags</h3><ul class="links field__items field--tags__items"><li class="field--tags__item"><a href="https://${spec.site.host}/taxonomy/term/4" hreflang="en">Government</a></li><li class="field--tags__item"><a href="https://${spec.site.host}/taxonomy/term/9" hreflang="en">Community</a></li></ul></div>
</div></article>${a.own ? '' : '</div>'}`;
    const teasers = (
      ts: Teaser[],
    ) => `<div class="views-element-container block block-views block-views-blockrelated-content-block-1"><h2 class="block__title">Related content</h2><div class="block__content"><div class="view view-related-content view-id-related_content view-display-id-block_1"><div class="view-content">
${ts.map((t) => `<div class="views-row"><article data-history-node-id="${t.url.split('/').pop()}" class="node node--type-article node--view-mode-teaser"><header><h2 class="node__title"><a href="${esc(t.url)}" rel="bookmark"><span class="field field--name-title field--type-string field--label-hidden">${esc(t.title)}</span></a></h2></header><div class="node__content"><div class="text-content clearfix field field--name-body field--type-text-with-summary field--label-hidden field__item"><p>${esc(t.summary)}</p></div><ul class="links inline"><li class="node-readmore"><a href="${esc(t.url)}" rel="tag" hreflang="en">Read more<span class="visually-hidden"> about ${esc(t.title)}</span></a></li></ul></div></article></div>`).join('\n')}
</div></div></div></div>`;
    return doc(
      'en',
      'ltr',
      head(spec),
      `<body class="path-node page-node-type-article">
<a href="#main-content" class="visually-hidden focusable skip-link">Skip to main content</a>
<div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas><div id="page-wrapper" class="page-wrapper"><div id="page">
<header id="header" class="site-header" data-drupal-selector="site-header" role="banner"><div class="site-header__fixable"><div class="site-header__initial"><button class="sticky-header-toggle" aria-expanded="false">Sticky header</button></div><div id="site-header__inner" class="site-header__inner"><div class="site-branding__text"><div class="site-branding__name"><a href="https://${spec.site.host}/" title="Home" rel="home">${esc(spec.site.name)}</a></div></div>
<nav role="navigation" aria-labelledby="block-olivero-main-menu-menu" id="block-olivero-main-menu" class="primary-nav block block-menu navigation menu--main"><ul class="menu primary-nav__menu primary-nav__menu--level-1">${navLinks(spec, EN_SECTIONS)}</ul></nav></div></div></header>
<div id="main-wrapper" class="layout-main-wrapper layout-container"><div id="main" class="layout-main"><div class="main-content"><a id="main-content" tabindex="-1"></a><div class="main-content__container container"><div class="region region--content grid-full layout--pass--content-medium" id="content">
<div data-drupal-messages-fallback class="hidden"></div>
<div id="block-olivero-content" class="block block-system block-system-main-block"><div class="block__content">
${sequence(spec, node, teasers)}
</div></div></div></div></div></div></div>
<footer class="site-footer"><div class="site-footer__inner container"><div class="region region--footer-bottom grid-full"><div class="block block-system block-system-powered-by-block"><span>Powered by <a href="https://www.drupal.org">Drupal</a></span></div></div></div></footer>
</div></div></div></body>`,
    );
  },
};

const arcXp: Style = {
  name: 'arc-xp',
  models:
    'Arc XP (Fusion news theme: data-qa headline/article-body, paragraphs with data-el="text" and ANS content ids, wpds-c-* generated classes, card lists)',
  lang: 'en',
  addresses: ['data-canonical', 'data-canonical', 'none'],
  url: (site, _id, slug, published) => `https://${site.host}/world/${ymd(published).join('/')}/${slug}/`,
  render(spec, rng) {
    const cls = () => `wpds-c-${token(rng, 6, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz')}`;
    const pClass = `${cls()} ${cls()}-iPJLV-css font-copy`;
    const ansId = () => token(rng, 26, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567');
    const story = (
      a: PageArticle,
    ) => `<div class="${cls()} story-layout-wrapper"${a.own ? '' : addressAttr(a, 'data-story-id')}${a.own ? '' : ' data-qa="next-story"'}>
<div class="${cls()}"><div data-qa="headline-kicker" class="${cls()}"><a href="https://${spec.site.host}/world/">World</a></div>
<h1 data-qa="headline" class="${cls()} ${cls()}-dMMvoj-css"><span data-qa="headline-text">${esc(a.title)}</span></h1>
<div data-qa="subheadline" class="${cls()}"><h2 class="${cls()}">${esc(a.paragraphs[0]!.split('. ')[0]!.slice(0, 120))}</h2></div></div>
<div data-qa="author-byline" class="${cls()}"><span>By </span><a data-qa="author-name" rel="author" href="https://${spec.site.host}/people/${a.author.split(' ')[1]!.toLowerCase()}/">${esc(a.author)}</a></div>
<div data-qa="timestamp" class="${cls()}"><span data-testid="display-date">${humanDate(a.published, 'en')} at 6:00 a.m. EDT</span></div>
<figure class="${cls()}" data-qa="lede-art"><img src="${imageUrl(spec, a)}" alt="" width="1440" height="960"><figcaption data-qa="caption">A view of the scene. (${esc(a.author)}/${esc(spec.site.name)})</figcaption></figure>
<div class="${cls()} article-body grid-layout" data-qa="article-body">
${a.paragraphs.map((p, i) => `<div class="article-body ${cls()}"><p class="${pClass}" data-el="text" dir="null" data-apitype="text" data-contentid="${ansId()}">${esc(p)}</p></div>${i === 2 ? `<div class="${cls()} hide-for-print" data-qa="article-body-ad"><div data-qa="interstitial-link" class="${cls()}"><span>Story continues below advertisement</span></div></div>` : ''}`).join('\n')}
</div>
<div data-qa="share-bar" class="${cls()}"><button aria-label="Share">Share</button><button aria-label="Comment">Comments</button></div>
</div>`;
    const teasers = (
      ts: Teaser[],
    ) => `<div data-qa="more-from" class="${cls()}"><h2 class="${cls()}">More from World</h2><ul class="${cls()}">
${ts.map((t) => `<li class="${cls()}"><div data-qa="card" class="${cls()}"><a data-pb-local-content-field="web_headlines.basic" href="${esc(t.url)}"><h3 data-qa="card-title" class="${cls()}">${esc(t.title)}</h3></a><p data-qa="card-description" class="${cls()}">${esc(t.summary)}</p></div></li>`).join('\n')}
</ul></div>`;
    return doc(
      'en',
      'ltr',
      head(spec, '<meta name="arc-site" content="newsroom">\n'),
      `<body><div id="fusion-app" class="fusion-app"><header data-qa="site-header" class="${cls()}"><nav aria-label="Sections"><ul class="${cls()}">${navLinks(spec, EN_SECTIONS)}</ul></nav></header>
<main id="main-content" class="${cls()}"><article class="${cls()}">
${sequence(spec, story, teasers)}
</article></main>
<footer data-qa="site-footer" class="${cls()}"><p>© 1996-2024 ${esc(spec.site.name)}</p></footer></div>
<script id="fusion-metadata" type="application/javascript">window.Fusion=window.Fusion||{};Fusion.arcSite="newsroom";Fusion.deployment="1234";</script></body>`,
    );
  },
};

const brightspot: Style = {
  name: 'brightspot',
  models:
    'Brightspot CMS (ArticlePage-headline, ArticlePage-authorBy, RichTextArticleBody RichTextBody, Enhancement, PromoSmall lists)',
  lang: 'en',
  addresses: ['data-href', 'data-href', 'none'],
  url: (site, _id, slug) => `https://${site.host}/news/${slug}`,
  render(spec) {
    const page = (
      a: PageArticle,
    ) => `<div class="ArticlePage-mainContent"${a.own ? '' : addressAttr(a, 'data-content-id')}>
<div class="ArticlePage-breadcrumbs"><a class="Link" href="https://${spec.site.host}/news">News</a></div>
<h1 class="ArticlePage-headline">${esc(a.title)}</h1>
<div class="ArticlePage-byline"><div class="ArticlePage-authors"><div class="ArticlePage-authorName"><span class="ArticlePage-authorBy">By</span> <a class="Link" href="https://${spec.site.host}/people/staff">${esc(a.author)}</a></div></div><div class="ArticlePage-datePublished">Published ${humanDate(a.published, 'en')}</div></div>
<div class="ArticlePage-lead"><figure class="Figure"><img class="Image" alt="" src="${imageUrl(spec, a)}" width="1440" height="810"><div class="Figure-content"><div class="Figure-credit">${esc(a.author)}</div></div></figure></div>
<div class="ArticlePage-articleBody"><div class="RichTextArticleBody RichTextBody">
${a.paragraphs.map((p, i) => `<p>${esc(p)}</p>${i === 1 ? `\n<div class="Enhancement" data-align-center><div class="Enhancement-item"><div class="HtmlModule"><div class="Form-newsletter-breaker-wrapper"><p class="Form-title">Sign up for our daily newsletter</p><button class="Button">Subscribe</button></div></div></div></div>` : ''}`).join('\n')}
</div></div>
<div class="ArticlePage-tags"><div class="ArticlePage-tags-label">Tags</div><ul class="ArticlePage-tags-list"><li><a class="Link" href="https://${spec.site.host}/tags/local">Local</a></li></ul></div>
</div>`;
    const teasers = (
      ts: Teaser[],
    ) => `<div class="ListD"><div class="ListD-header"><h2 class="ListD-title">Read Next</h2></div><div class="ListD-items">
${ts.map((t) => `<div class="ListD-items-item"><div class="PromoSmall" data-content-type="article"><div class="PromoSmall-media"><a class="Link" aria-label="${esc(t.title)}" href="${esc(t.url)}"><img class="Image" src="https://${spec.site.host}/images/promo.jpg" alt=""></a></div><div class="PromoSmall-content"><div class="PromoSmall-title"><a class="Link" href="${esc(t.url)}">${esc(t.title)}</a></div><div class="PromoSmall-description">${esc(t.summary)}</div></div></div></div>`).join('\n')}
</div></div>`;
    return doc(
      'en',
      'ltr',
      head(spec, '<meta name="brightspot.contentId" content="0000018f-aaaa-bbbb">\n'),
      `<body class="Page-body"><bsp-header class="Page-header"><div class="Page-header-bar"><a class="Page-header-logo" href="https://${spec.site.host}/">${esc(spec.site.name)}</a><nav class="Page-header-navigation"><ul class="Navigation-items">${navLinks(spec, EN_SECTIONS)}</ul></nav></div></bsp-header>
<main class="Page-main"><div class="ArticlePage-content">
${sequence(spec, page, teasers)}
</div></main>
<footer class="Page-footer"><div class="Page-footer-disclaimer">© ${esc(spec.site.name)}</div></footer></body>`,
    );
  },
};

const ghost: Style = {
  name: 'ghost',
  models:
    'Ghost (Casper theme: article.article.post, .article-header .article-title, section.gh-content, aside.read-more-wrap of article.post-card)',
  lang: 'en',
  addresses: ['permalink', 'none'],
  url: (site, _id, slug) => `https://${site.host}/${slug}/`,
  render(spec) {
    const post = (a: PageArticle) => `<article class="article post tag-news ${a.own ? 'single-post' : 'next-post'}">
<header class="article-header gh-canvas"><div class="article-tag post-card-tags"><span class="post-card-primary-tag"><a href="https://${spec.site.host}/tag/news/">News</a></span></div>
<h1 class="article-title">${headline(a, '')}</h1>
<p class="article-excerpt">${esc(a.paragraphs[0]!.split('. ')[0]!.slice(0, 140))}</p>
<div class="article-byline"><section class="article-byline-content"><ul class="author-list"><li class="author-list-item"><a href="https://${spec.site.host}/author/staff/" class="author-avatar"><img class="author-profile-image" src="https://${spec.site.host}/content/images/avatar.jpg" alt=""></a></li></ul><div class="article-byline-meta"><h4 class="author-name"><a href="https://${spec.site.host}/author/staff/">${esc(a.author)}</a></h4><div class="byline-meta-content"><time class="byline-meta-date" datetime="${a.published.slice(0, 10)}">${humanDate(a.published, 'en')}</time><span class="byline-reading-time"><span class="bull">•</span> 5 min read</span></div></div></section></div>
<figure class="article-image"><img src="${imageUrl(spec, a)}" alt="${esc(a.title)}"></figure></header>
<section class="gh-content gh-canvas">
${paras(a)}
</section>
</article>`;
    const teasers = (ts: Teaser[]) => `<aside class="read-more-wrap outer"><div class="read-more inner">
${ts.map((t) => `<article class="post-card post"><a class="post-card-image-link" href="${esc(t.url)}"><img class="post-card-image" src="https://${spec.site.host}/content/images/card.jpg" alt="${esc(t.title)}" loading="lazy"></a><div class="post-card-content"><a class="post-card-content-link" href="${esc(t.url)}"><header class="post-card-header"><div class="post-card-tags"><span class="post-card-primary-tag">News</span></div><h2 class="post-card-title">${esc(t.title)}</h2></header><div class="post-card-excerpt">${esc(t.summary)}</div></a><footer class="post-card-meta"><time class="post-card-meta-date" datetime="2024-05-01">May 1, 2024</time><span class="post-card-meta-length">4 min read</span></footer></div></article>`).join('\n')}
</div></aside>`;
    return doc(
      'en',
      'ltr',
      head(spec, '<meta name="generator" content="Ghost 5.82">\n'),
      `<body class="post-template tag-news is-head-left-logo has-cover"><div class="viewport"><header id="gh-head" class="gh-head outer"><div class="gh-head-inner inner"><div class="gh-head-brand"><a class="gh-head-logo" href="https://${spec.site.host}">${esc(spec.site.name)}</a></div><nav class="gh-head-menu"><ul class="nav">${navLinks(spec, EN_SECTIONS.slice(0, 5))}</ul></nav><div class="gh-head-actions"><a class="gh-head-button" href="#/portal/signup" data-portal="signup">Subscribe</a></div></div></header>
<div class="site-content"><main id="site-main" class="site-main">
${sequence(spec, post, teasers)}
</main></div>
<footer class="site-footer outer"><div class="inner"><section class="copyright"><a href="https://${spec.site.host}">${esc(spec.site.name)}</a> © 2024</section><div class="gh-powered-by"><a href="https://ghost.org/" target="_blank" rel="noopener">Powered by Ghost</a></div></div></footer></div></body>`,
    );
  },
};

const nextCssModules: Style = {
  name: 'nextjs-css-modules',
  models:
    'Next.js news sites with CSS modules (Reuters-like: data-testid="ArticleBody", paragraphs as div[data-testid=paragraph-N], Component_name__hash classes, __NEXT_DATA__ props)',
  lang: 'en',
  addresses: ['data-id', 'data-href', 'none'],
  url: (site, id, slug) => `https://${site.host}/world/${slug}-idUS${id}/`,
  render(spec, rng) {
    const m = (component: string, name: string) =>
      `${component}_${name}__${token(rng, 5, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}`;
    const text = `${m('text', 'text')} ${m('text', 'dark-grey')} ${m('text', 'regular')} ${m('text', 'large-body')}`;
    const story = (
      a: PageArticle,
    ) => `<div class="${m('article', 'container')}"${a.own ? ` data-article-id="${a.id}"` : addressAttr(a, 'data-article-id')} data-testid="ArticleContainer">
<header class="${m('article-header', 'header')}"><nav class="${m('article-header', 'tags')}"><a href="https://${spec.site.host}/world/" data-testid="Link">World</a></nav>
<h1 data-testid="Heading" class="${m('text', 'text')} ${m('heading', 'heading_1')}">${esc(a.title)}</h1>
<div class="${m('article-header', 'info')}"><div data-testid="AuthorByline" class="${m('author-bylines', 'author-list')}">By <a href="https://${spec.site.host}/authors/staff/">${esc(a.author)}</a></div><time data-testid="DateLineText" datetime="${a.published}" class="${m('article-header', 'dateline')}">${humanDate(a.published, 'en')}</time></div></header>
<div class="${m('article-body', 'container')}"><div class="${m('article-body', 'content')}" data-testid="ArticleBody">
${a.paragraphs.map((p, i) => `<div data-testid="paragraph-${i}" class="${text} ${m('article-body', 'paragraph')}">${esc(p)}</div>`).join('\n')}
</div><div class="${m('article-body', 'read-next')}"><p class="${m('text', 'text')}">Our Standards: <a href="https://${spec.site.host}/trust-principles/">The Trust Principles.</a></p></div></div>
</div>`;
    const teasers = (
      ts: Teaser[],
    ) => `<div class="${m('related-coverage', 'container')}" data-testid="RelatedCoverage"><h2 class="${m('text', 'text')}">Read Next</h2><ul class="${m('story-collection', 'list')}">
${ts.map((t) => `<li class="${m('story-collection', 'list-item')}"><div data-testid="MediaStoryCard" class="${m('media-story-card', 'container')}"><a data-testid="Heading" class="${m('media-story-card', 'heading')}" href="${esc(t.url)}"><span>${esc(t.title)}</span></a><p data-testid="Body" class="${m('media-story-card', 'description')}">${esc(t.summary)}</p><time class="${m('media-story-card', 'time')}">2 hours ago</time></div></li>`).join('\n')}
</ul></div>`;
    // Next.js ships the page's data again as JSON: a text budget that counts script text spends it here.
    const nextData = JSON.stringify({
      props: {
        pageProps: {
          articles: spec.articles.map((a) => ({ id: a.id, title: a.title, body: a.paragraphs, url: a.url })),
        },
      },
      page: '/[...slug]',
      query: {},
      buildId: token(rng, 21),
    }).replace(/</g, '\\u003c');
    return doc(
      'en',
      'ltr',
      head(spec, `<link rel="preload" href="/_next/static/css/${token(rng, 16)}.css" as="style">\n`),
      `<body><div id="__next"><div class="${m('layout', 'container')}"><header class="${m('site-header', 'header')}"><a href="https://${spec.site.host}/" class="${m('site-header', 'logo')}" aria-label="${esc(spec.site.name)}"></a><nav class="${m('nav-bar', 'nav')}"><ul>${navLinks(spec, EN_SECTIONS)}</ul></nav></header>
<main id="main-content" class="${m('regular-article-layout', 'main')}">
${sequence(spec, story, teasers)}
</main><footer class="${m('site-footer', 'footer')}"><p>All quotes delayed a minimum of 15 minutes.</p><p>© 2024 ${esc(spec.site.name)}. All rights reserved</p></footer></div></div>
<script id="__NEXT_DATA__" type="application/json">${nextData}</script></body>`,
    );
  },
};

const reactEmotion: Style = {
  name: 'react-emotion',
  models:
    'React sites styled with emotion/CSS-in-JS (BBC-like: data-component="headline-block"/"text-block"/"links-block", ssrcss-<hash>-Name classes)',
  lang: 'en',
  addresses: ['permalink', 'none', 'none'],
  url: (site, id) => `https://${site.host}/news/world-${id}`,
  render(spec, rng) {
    const css = (name: string) => `ssrcss-${token(rng, 6)}-${name} e${token(rng, 7)}${Math.floor(rng() * 10)}`;
    const story = (a: PageArticle) => `<article class="${css('ArticleWrapper')}">
<header data-component="headline-block" class="${css('HeadingWrapper')}"><h1 id="${a.own ? 'main-heading' : `heading-${a.id}`}" type="headline" tabindex="-1" class="${css('StyledHeading')}">${a.address === 'permalink' && !a.own ? `<a href="${esc(a.url)}" class="${css('StyledLink')}">${esc(a.title)}</a>` : esc(a.title)}</h1></header>
<div data-component="byline-block" class="${css('BylineComponentWrapper')}"><div class="${css('Contributor')}"><span class="${css('TextContributorName')}">By ${esc(a.author)}</span><div class="${css('TextContributorDescription')}">${esc(spec.site.name)} News</div></div><time data-testid="timestamp" datetime="${a.published}">${humanDate(a.published, 'en')}</time></div>
<div data-component="image-block" class="${css('ComponentWrapper')}"><figure class="${css('StyledFigure')}"><img src="${imageUrl(spec, a)}" loading="eager" alt="" class="${css('Image')}"><figcaption class="${css('Caption')}">Image source, ${esc(a.author)}</figcaption></figure></div>
${a.paragraphs.map((p) => `<div data-component="text-block" class="${css('RichTextComponentWrapper')}"><div class="${css('RichTextContainer')}"><p class="${css('Paragraph')}">${esc(p)}</p></div></div>`).join('\n')}
<div data-component="tag-list" class="${css('TagListWrapper')}"><ul class="${css('TagList')}"><li><a href="https://${spec.site.host}/news/topics/world">World</a></li></ul></div>
</article>`;
    const teasers = (
      ts: Teaser[],
    ) => `<section data-component="links-block" class="${css('LinksBlock')}"><h2 class="${css('StyledHeading')}">Related topics</h2><ul role="list" class="${css('LinksList')}">
${ts.map((t) => `<li class="${css('LinkListItem')}"><div data-testid="promo" class="${css('Promo')}"><a href="${esc(t.url)}" class="${css('PromoLink')}"><span role="text"><span class="${css('Headline')}">${esc(t.title)}</span></span></a><p class="${css('Summary')}">${esc(t.summary)}</p></div></li>`).join('\n')}
</ul></section>`;
    return doc(
      'en-GB',
      'ltr',
      head(spec, `<style data-emotion="ssrcss ${token(rng, 6)}">.ssrcss-0{display:block}</style>\n`),
      `<body><div id="main-content" data-testid="main-content"><header role="banner" class="${css('Header')}"><nav aria-label="${esc(spec.site.name)}"><ul class="${css('NavList')}">${navLinks(spec, EN_SECTIONS)}</ul></nav></header>
<main role="main" class="${css('Main')}">
${sequence(spec, story, teasers)}
</main><footer class="${css('Footer')}"><p>Copyright 2024 ${esc(spec.site.name)}. We are not responsible for the content of external sites.</p></footer></div></body>`,
    );
  },
};

const amp: Style = {
  name: 'amp',
  models:
    'AMP pages (the AMP WordPress plugin classic template: amp-wp-article, amp-wp-title, amp-wp-article-content, amp-img) with amp-next-page documents appended as the reader scrolls (drawn here in the light DOM)',
  lang: 'en',
  addresses: ['none', 'none', 'data-url'],
  url: (site, _id, slug, published) => `https://${site.host}/${ymd(published).slice(0, 2).join('/')}/${slug}/amp/`,
  render(spec) {
    const art = (
      a: PageArticle,
    ) => `${a.own ? '' : `<div class="i-amphtml-next-page-document-container"${a.address === 'data-url' ? ` data-url="${esc(a.url)}"` : ''}><div class="amp-next-page-separator" aria-hidden="true"></div>`}<article class="amp-wp-article">
<header class="amp-wp-article-header"><h1 class="amp-wp-title">${esc(a.title)}</h1>
<div class="amp-wp-meta amp-wp-byline"><amp-img src="https://${spec.site.host}/avatar.png" alt="${esc(a.author)}" width="24" height="24" layout="fixed"></amp-img><span class="amp-wp-author author vcard">${esc(a.author)}</span></div>
<div class="amp-wp-meta amp-wp-posted-on"><time datetime="${a.published}">${humanDate(a.published, 'en')}</time></div></header>
<figure class="amp-wp-article-featured-image wp-caption"><amp-img width="1200" height="675" src="${imageUrl(spec, a)}" class="attachment-large size-large wp-post-image amp-wp-enforced-sizes" layout="intrinsic" alt=""></amp-img></figure>
<div class="amp-wp-article-content">
${paras(a)}
</div>
<footer class="amp-wp-article-footer"><div class="amp-wp-meta amp-wp-tax-category">Categories: <a href="https://${spec.site.host}/category/news/" rel="category tag">News</a></div><div class="amp-wp-meta amp-wp-comments-link"><a href="${esc(a.url.replace(/amp\/$/, ''))}#respond">Leave a Comment</a></div></footer>
</article>${a.own ? '' : '</div>'}`;
    const teasers = (ts: Teaser[]) => `<div class="amp-next-page-links" aria-label="Recommended"><h3>Recommended</h3>
${ts.map((t) => `<a class="amp-next-page-link" href="${esc(t.url)}"><amp-img class="amp-next-page-image" src="https://${spec.site.host}/thumb.jpg" width="80" height="80" layout="fixed"></amp-img><span class="amp-next-page-text">${esc(t.title)}</span><span class="amp-next-page-summary">${esc(t.summary)}</span></a>`).join('\n')}
</div>`;
    const config = JSON.stringify({
      pages: spec.articles.slice(1).map((a) => ({ url: a.url, title: a.title, image: imageUrl(spec, a) })),
    });
    return doc(
      'en',
      'ltr',
      head(
        spec,
        '<script async src="https://cdn.ampproject.org/v0.js"></script>\n<script async custom-element="amp-next-page" src="https://cdn.ampproject.org/v0/amp-next-page-1.0.js"></script>\n<style amp-custom>.amp-wp-article{margin:0 auto}</style>\n',
      ),
      `<body class=""><header id="top" class="amp-wp-header"><div><a href="https://${spec.site.host}/">${esc(spec.site.name)}</a></div></header>
${sequence(spec, art, teasers)}
<amp-next-page><script type="application/json">${config}</script></amp-next-page>
<footer class="amp-wp-footer"><div><h2>${esc(spec.site.name)}</h2><a href="#top" class="back-to-top">Back to top</a></div></footer></body>`,
      ' amp',
    );
  },
};

const blogger: Style = {
  name: 'blogger',
  models:
    'Blogger/Blogspot (div.post.hentry with schema.org BlogPosting microdata, h3.post-title, div.post-body.entry-content with <br>-separated text, timestamp-link rel=bookmark) with older posts loaded below',
  lang: 'en',
  addresses: ['permalink', 'bookmark-near', 'bookmark-near'],
  url: (site, _id, slug, published) =>
    `https://${site.host}/${ymd(published).slice(0, 2).join('/')}/${slug.slice(0, 40)}.html`,
  render(spec) {
    const post = (
      a: PageArticle,
      i: number,
    ) => `<div class="date-outer"><h2 class="date-header"><span>${humanDate(a.published, 'en')}</span></h2><div class="date-posts"><div class="post-outer">
<div class="post hentry uncustomized-post-template" itemprop="blogPost" itemscope="itemscope" itemtype="http://schema.org/BlogPosting">
<meta itemprop="image_url" content="${imageUrl(spec, a)}"><meta itemprop="blogId" content="4827364510293847561"><meta itemprop="postId" content="${a.id}">
<a name="${a.id}"></a>
<h3 class="post-title entry-title" itemprop="name">${a.address === 'permalink' && !a.own ? `<a href="${esc(a.url)}">${esc(a.title)}</a>` : esc(a.title)}</h3>
<div class="post-header"><div class="post-header-line-1"></div></div>
<div class="post-body entry-content" id="post-body-${a.id}" itemprop="description articleBody">
${i % 2 === 0 ? a.paragraphs.map(esc).join('<br />\n<br />\n') : a.paragraphs.map((p) => `<div style="text-align: justify;">${esc(p)}</div>`).join('\n<div><br /></div>\n')}
<div style="clear: both;"></div>
</div>
<div class="post-footer"><div class="post-footer-line post-footer-line-1"><span class="post-author vcard">Posted by <span class="fn" itemprop="author" itemscope="itemscope" itemtype="http://schema.org/Person"><span itemprop="name">${esc(a.author)}</span></span></span> <span class="post-timestamp">at ${a.address === 'bookmark-near' || a.own ? `<meta itemprop="url" content="${esc(a.url)}"><a class="timestamp-link" href="${esc(a.url)}" rel="bookmark" title="permanent link">` : '<a class="timestamp-link" title="permanent link">'}<abbr class="published" itemprop="datePublished" title="${a.published}">10:04 AM</abbr></a></span> <span class="post-comment-link"></span></div>
<div class="post-footer-line post-footer-line-2"><span class="post-labels">Labels: <a href="https://${spec.site.host}/search/label/news" rel="tag">news</a></span></div></div>
</div></div></div></div>`;
    const teasers = (
      ts: Teaser[],
    ) => `<div class="related-posts-widget"><h4 class="related-title">You might also like</h4><ul class="related-posts">
${ts.map((t) => `<li><a class="related-thumb" href="${esc(t.url)}"><img src="https://blogger.googleusercontent.com/img/thumb.jpg" alt=""></a><a class="related-title-link" href="${esc(t.url)}">${esc(t.title)}</a><p class="related-snippet">${esc(t.summary)}</p></li>`).join('\n')}
</ul></div>`;
    return doc(
      'en',
      'ltr',
      head(
        spec,
        `<meta name="generator" content="Blogger">\n<link rel="alternate" type="application/atom+xml" title="${esc(spec.site.name)} - Atom" href="https://${spec.site.host}/feeds/posts/default">\n`,
      ),
      `<body class="loading variant-indie"><div class="outer-wrapper"><div class="header-outer"><div class="header section" id="header"><div class="widget Header" data-version="1" id="Header1"><div id="header-inner"><div class="titlewrapper"><h1 class="title"><a href="https://${spec.site.host}/">${esc(spec.site.name)}</a></h1></div><div class="descriptionwrapper"><p class="description"><span>Notes from the valley</span></p></div></div></div></div></div>
<div class="main-outer"><div class="main section" id="main"><div class="widget Blog" data-version="1" id="Blog1"><div class="blog-posts hfeed">
${sequence(spec, post, teasers)}
</div><div class="blog-pager" id="blog-pager"><span id="blog-pager-older-link"><a class="blog-pager-older-link" href="https://${spec.site.host}/search?updated-max=2024-04-01" title="Older Posts">Older Posts</a></span><a class="home-link" href="https://${spec.site.host}/">Home</a></div></div></div></div>
<div class="sidebar-outer"><div class="sidebar section" id="sidebar-right-1"><div class="widget BlogArchive" id="BlogArchive1"><h2>Blog Archive</h2><ul class="hierarchy"><li class="archivedate expanded"><a class="post-count-link" href="https://${spec.site.host}/2024/">2024</a> <span class="post-count" dir="ltr">(42)</span></li></ul></div></div></div>
<div class="footer-outer"><div class="widget Attribution" id="Attribution1"><div class="widget-content" style="text-align: center;">Powered by <a href="https://www.blogger.com" target="_blank">Blogger</a>.</div></div></div></div></body>`,
    );
  },
};

const mediumLike: Style = {
  name: 'medium-like',
  models:
    'Medium-like publishing platforms (article > section, h1.pw-post-title[data-testid=storyTitle], p.pw-post-body-paragraph with short atomic classes and paragraph ids, post-preview teasers)',
  lang: 'en',
  addresses: ['data-href', 'none'],
  url: (site, id, slug) => `https://${site.host}/${slug}-${id.toString(16)}`,
  render(spec, rng) {
    const atoms = (n: number) => Array.from({ length: n }, () => token(rng, 2, 'abcdefghijklmnopqrstuvwxyz')).join(' ');
    const pClass = `pw-post-body-paragraph ${atoms(22)} bk`;
    const story = (
      a: PageArticle,
    ) => `<article${a.own ? '' : addressAttr(a, 'data-post-id')}><div class="l"><div class="l"><section><div><div class="${atoms(5)}"><div class="ab cb"><div class="${atoms(6)}"><div>
<h1 id="${token(rng, 4, 'abcdef0123456789')}" class="pw-post-title ${atoms(24)} bk" data-testid="storyTitle" data-selectable-paragraph="">${esc(a.title)}</h1></div>
<div class="speechify-ignore ab co"><div class="speechify-ignore bh l"><div class="${atoms(5)} ab"><div><div class="ab ${atoms(1)}"><a rel="noopener follow" href="https://${spec.site.host}/@staff"><img alt="${esc(a.author)}" class="l eq bx ${atoms(2)} cw" src="https://${spec.site.host}/avatar.png" width="44" height="44" loading="lazy" data-testid="authorPhoto"></a></div></div>
<div class="bn bh l"><div class="ab"><div style="flex:1"><span class="bf b bg z bk"><div class="${atoms(2)} ab q"><p class="bf b ${atoms(2)} bk"><a class="${atoms(12)}" data-testid="authorName" rel="noopener follow" href="https://${spec.site.host}/@staff">${esc(a.author)}</a></p></div></span></div></div>
<div class="l ${atoms(1)}"><span class="bf b bg z dx"><div class="ab cn ${atoms(3)}"><span data-testid="storyReadTime">6 min read</span><span class="dx">·</span><span data-testid="storyPublishDate">${humanDate(a.published, 'en')}</span></div></span></div></div></div></div></div>
${a.paragraphs.map((p) => `<p id="${token(rng, 4, 'abcdef0123456789')}" class="${pClass}" data-selectable-paragraph="">${esc(p)}</p>`).join('\n')}
</div></div></div></div></section></div></div>
<div class="${atoms(4)}"><div class="ab q"><button data-testid="headerClapButton" class="${atoms(3)}">Clap</button><span class="pw-multi-vote-count l ${atoms(3)}">1.2K</span><button aria-label="responses" class="${atoms(3)}">14</button></div></div></article>`;
    const teasers = (
      ts: Teaser[],
    ) => `<div class="${atoms(4)}"><h2 class="pw-author-name ${atoms(6)}">More from ${esc(spec.site.name)}</h2><div class="ab ${atoms(2)}">
${ts.map((t) => `<article data-testid="post-preview" class="${atoms(3)}"><div class="${atoms(4)}"><a href="${esc(t.url)}" rel="noopener follow"><div class="${atoms(2)}"><h2 class="bf ${atoms(8)}">${esc(t.title)}</h2></div><div class="${atoms(2)}"><h3 class="bf b ${atoms(6)}">${esc(t.summary)}</h3></div></a><div class="ab q"><span class="bf b bg z dx">Apr 2</span></div></div></article>`).join('\n')}
</div></div>`;
    return doc(
      'en',
      'ltr',
      head(spec, `<meta name="twitter:app:name:iphone" content="Medium">\n<style>.${atoms(1)}{display:flex}</style>\n`),
      `<body><div id="root"><div class="a b c"><div class="d e f g h i j k"><div class="l"><nav class="${atoms(6)}" aria-label="Top"><a href="https://${spec.site.host}/">${esc(spec.site.name)}</a><a href="https://${spec.site.host}/m/signin">Sign in</a></nav></div>
<div class="l">
${sequence(spec, story, teasers)}
</div>
<footer class="${atoms(4)}"><a href="https://help.example.com/">Help</a><a href="https://${spec.site.host}/about">About</a><a href="https://${spec.site.host}/privacy">Privacy</a></footer></div></div></div></body>`,
    );
  },
};

const arabicNewsCms: Style = {
  name: 'arabic-news-cms',
  models:
    'Arabic news sites on their own CMSs (right-to-left pages: div.news-details with data-nid or data-url as the next story loads, h1.article-title, div#articleBody.article-text, "اقرأ أيضا" boxes, أخبار متعلقة teaser lists)',
  lang: 'ar',
  addresses: ['data-id', 'data-url', 'none'],
  url: (site, id, slug, published) =>
    `https://${site.host}/story/${ymd(published).map(Number).join('/')}/${slug}/${id}`,
  render(spec) {
    const story = (
      a: PageArticle,
    ) => `<div class="news-details"${a.own ? ` data-nid="${a.id}"` : addressAttr(a, 'data-nid')}>
<div class="breadcrumb"><a href="https://${spec.site.host}/">الرئيسية</a> / <a href="https://${spec.site.host}/Section/97">أخبار محلية</a></div>
<div class="article-header"><h1 class="article-title">${esc(a.title)}</h1>
<div class="article-info"><span class="writer">كتب: ${esc(a.author)}</span><span class="date"><i class="icon-clock"></i> ${humanDate(a.published, 'ar')}</span></div></div>
<div class="share-box"><a class="share-fb" href="https://www.facebook.com/sharer/sharer.php?u=${esc(a.url)}">فيسبوك</a><a class="share-tw" href="https://twitter.com/intent/tweet?url=${esc(a.url)}">تويتر</a><a class="share-wa" href="https://wa.me/?text=${esc(a.url)}">واتساب</a></div>
<div class="article-img"><img src="${imageUrl(spec, a)}" alt="${esc(a.title)}"><span class="img-caption">صورة أرشيفية</span></div>
<div class="article-text" id="articleBody">
${a.paragraphs.map((p, i) => `<p>${esc(p)}</p>${i === 1 && spec.teaserGroups[0]?.[0] ? `\n<div class="read-also"><span>اقرأ أيضا:</span> <a href="${esc(spec.teaserGroups[0]![0]!.url)}">${esc(spec.teaserGroups[0]![0]!.title)}</a></div>` : ''}`).join('\n')}
</div>
<div class="tags-box"><span>الكلمات المتعلقة:</span><a href="https://${spec.site.host}/Tags/1">السعودية</a><a href="https://${spec.site.host}/Tags/2">الرياض</a></div>
</div>`;
    const teasers = (ts: Teaser[]) => `<div class="related-news"><h3 class="block-title">أخبار متعلقة</h3><ul>
${ts.map((t) => `<li><a href="${esc(t.url)}"><img src="https://${spec.site.host}/images/thumb.jpg" alt=""><h4>${esc(t.title)}</h4></a><p>${esc(t.summary)}</p></li>`).join('\n')}
</ul></div>`;
    return doc(
      'ar',
      'rtl',
      head(spec),
      `<body class="rtl"><header class="main-header"><div class="logo"><a href="https://${spec.site.host}/">${esc(spec.site.name)}</a></div><nav class="main-menu"><ul>${navLinks(spec, AR_SECTIONS)}</ul></nav><div class="breaking-news"><span>عاجل</span><marquee>${esc(spec.teaserGroups.flat()[1]?.title ?? '')}</marquee></div></header>
<div class="container"><div class="row"><div class="col-md-8 main-col">
${sequence(spec, story, teasers)}
<div class="load-more"><span class="spinner"></span> جاري تحميل الخبر التالي</div>
</div><aside class="col-md-4 sidebar"><div class="most-read"><h3 class="block-title">الأكثر قراءة</h3><ol>${spec.teaserGroups
        .flat()
        .slice(0, 5)
        .map((t) => `<li><a href="${esc(t.url)}">${esc(t.title)}</a></li>`)
        .join('')}</ol></div></aside></div></div>
<footer class="main-footer"><p>جميع الحقوق محفوظة © ${esc(spec.site.name)} 2015</p></footer></body>`,
    );
  },
};

export const STYLES: readonly Style[] = [
  wordpressCore,
  wordpressNews,
  drupal,
  arcXp,
  brightspot,
  ghost,
  nextCssModules,
  reactEmotion,
  amp,
  blogger,
  mediumLike,
  arabicNewsCms,
];
