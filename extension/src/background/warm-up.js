// A made-up article page for warming the wasm core up. V8 compiles wasm lazily, function
// by function, with its baseline compiler, and moves a function to its optimizing compiler
// only once it has run a while; a first extraction on a real page runs mostly in baseline
// code, several times slower than the steady state (benches/browser/run.mjs --first).
// Extracting this page a few times when the background starts gets the core's hot
// functions (the tokenizer, the scan, the decision, the rewrite) compiled and optimized
// before the reader's first toggle needs them. Self-contained: the benchmark loads it too.

const WORDS = 'the reader view keeps an article text and leaves out what a page puts around it such as menus shares and comments'.split(' ');

function sentence(i, n) {
  const words = [];
  for (let k = 0; k < n; k++) words.push(WORDS[(i * 7 + k * 3) % WORDS.length]);
  return `${words.join(' ')}, ${i}.`;
}

/** A page of `paragraphs` paragraphs with the furniture real pages have around them. */
export function samplePage(paragraphs = 60) {
  const body = [];
  for (let i = 0; i < paragraphs; i++) {
    body.push(`<p class="para">${sentence(i, 24)} <a href="/topic/${i}?ref=body" title="Topic ${i}">${sentence(i + 1, 3)}</a> <em>${sentence(i + 2, 4)}</em> ${sentence(i + 3, 18)}</p>`);
    if (i % 12 === 5) body.push(`<h2 id="part-${i}">${sentence(i, 5)}</h2>`);
    if (i % 15 === 7) {
      body.push(`<figure class="image"><img src="/img/${i}.jpg" srcset="/img/${i}-2x.jpg 2x" alt="${sentence(i, 4)}" width="640" height="360" loading="lazy"><figcaption>${sentence(i, 8)}</figcaption></figure>`);
      body.push(`<div class="share-buttons"><a href="https://example.com/share?u=${i}">Share</a> <a href="https://example.com/tweet?u=${i}">Tweet</a></div>`);
    }
    if (i % 20 === 11) body.push(`<ul><li>${sentence(i, 6)}</li><li>${sentence(i + 1, 6)}</li><li><a href="#part-5">${sentence(i, 3)}</a></li></ul>`);
    if (i % 25 === 13) body.push(`<blockquote><p>${sentence(i, 16)}</p></blockquote><div class="ad-slot" data-ad="${i}"><script>window.ads = [];</script></div>`);
  }
  const links = Array.from({ length: 24 }, (_, i) => `<li class="menu-item"><a href="/section/${i}">${WORDS[i % WORDS.length]}</a></li>`).join('');
  const related = Array.from({ length: 8 }, (_, i) => `<li><a href="/story/${i}"><img src="/t/${i}.jpg" alt="">${sentence(i, 7)}</a></li>`).join('');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${sentence(1, 6)} | Example News</title>
<meta name="viewport" content="width=device-width"><meta property="og:title" content="${sentence(1, 6)}"><meta property="og:site_name" content="Example News">
<meta name="author" content="Ada Example"><meta property="article:published_time" content="2026-01-02T03:04:05Z"><meta name="description" content="${sentence(2, 20)}">
<link rel="stylesheet" href="/style.css"><style>body { margin: 0 } .menu-item { display: inline }</style>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${sentence(1, 6)}","author":{"@type":"Person","name":"Ada Example"},"datePublished":"2026-01-02T03:04:05Z","publisher":{"@type":"Organization","name":"Example News"}}</script>
<script>var analytics = { page: 1 }; function track(e) { return e && e.type; }</script></head>
<body class="article-page"><!-- header --><header class="site-header"><nav class="main-nav" role="navigation"><ul>${links}</ul></nav><form class="search" action="/search"><input type="search" name="q"><button>Search</button></form></header>
<main id="main"><article class="post"><header><h1 class="entry-title">${sentence(1, 6)}</h1><p class="byline">By <a rel="author" href="/people/ada">Ada Example</a> <time datetime="2026-01-02T03:04:05Z">January 2, 2026</time></p></header>
<div class="entry-content">${body.join('\n')}</div>
<footer class="post-footer"><div class="tags"><a href="/tag/a" rel="tag">reading</a> <a href="/tag/b" rel="tag">web</a></div><div class="author-bio"><p>Ada Example writes about the web.</p></div></footer></article>
<aside class="sidebar"><h3>Related stories</h3><ul class="related">${related}</ul><div class="newsletter"><p>Sign up for our newsletter</p><input type="email"></div></aside>
<section id="comments" class="comments"><h3>3 comments</h3><div class="comment"><p>${sentence(4, 12)}</p></div><div class="comment"><p>${sentence(5, 9)}</p></div></section></main>
<footer class="site-footer"><p>&copy; 2026 Example News &middot; <a href="/privacy">Privacy</a> &amp; <a href="/terms">Terms</a></p></footer>
<script src="/app.js" async></script></body></html>`;
}
