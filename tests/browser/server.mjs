// A local HTTP server for the browser tests: the fixture pages, plus pages the tests need
// (a strict-CSP article, an article with a form to type into, a cluttered page for
// declutter, a right-to-left article).
import { createServer } from 'node:http';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/// Paragraphs of the test pages' article; the tests look for them.
export const PARAGRAPHS = [
  'The harbour master opened the new sea wall on Monday morning, three years after the storm that flooded half of the old town and left the fishing fleet stranded on the quay for a week.',
  'Engineers designed the wall to withstand a once-in-a-century surge, and the town council paid for it with a mix of national grants, a local levy and a loan that will take twenty years to repay.',
  'Fishermen who had campaigned for the wall said they finally felt safe leaving their boats in the harbour overnight, although some still worry about the narrow channel at the mouth of the river.',
  'The council plans to open a footpath along the top of the wall next spring, with benches, lights and a small museum about the history of the harbour and the families who worked there.',
];
export const CLUTTER = ['Share this story', 'Related articles', 'Subscribe to our newsletter'];

/// A temporary copy of dist/test-<browser> (the test build: the package with its test
/// hooks, see build.sh), or of the package itself (`production`), that also grants the test
/// server's origin: tests cannot click the toolbar button, and a dispatched click does not
/// grant activeTab. `edit(manifest, dir)` may add more test-only pieces.
export function testCopyOfExtension(browser, edit = () => {}, { production = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), `lectern-${browser}-`));
  cpSync(resolve('dist', production ? browser : `test-${browser}`), dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions = ['http://127.0.0.1/*'];
  edit(manifest, dir);
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

function articlePage({ title, extra = '' }) {
  const body = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body { font-family: sans-serif; color: rgb(200, 0, 0); }</style></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<main><article><h1>${title}</h1><p class="byline">By Mara Quist</p>
<div class="share-bar">Share this story <a href="#">Facebook</a> <a href="#">X</a></div>
${body}
<aside class="related"><h3>Related articles</h3><ul><li><a href="/a">Storm damage report</a></li><li><a href="/b">Harbour budget</a></li></ul></aside>
<div class="newsletter">Subscribe to our newsletter <form><input type="email"></form></div>
</article></main>${extra}
<footer>Copyright 2025 Harbour Gazette</footer></body></html>`;
}

/// The section headings of the sectioned article (/sections), in order: one has an id of
/// its own, the others get one from the table of contents.
export const SECTIONS = ['The old wall', 'The storm of 2022', 'What the water took', 'The new wall'];

/// An article with sections, a footnote (its reference and back-link are fragment links)
/// and, outside the article, an element with the id the first heading without one would
/// get: the table of contents must not take it.
function sectionsPage() {
  const text = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n');
  const [old, storm, took, wall] = SECTIONS;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The harbour wall: a guide</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><div id="lectern-toc-1">The site's own box</div>
<main><article><h1>The harbour wall: a guide</h1><p class="byline">By Mara Quist</p>
<p>The wall was long in coming.<sup id="fnref1"><a href="#fn1">1</a></sup> This guide follows it from the first stones to the last.</p>
<h2>${old}</h2>${text}
<h2 id="storm">${storm}</h2>${text}
<h3>${took}</h3>${text}
<h2>${wall}</h2>${text}
<ol class="footnotes"><li id="fn1"><p>The first plans for a wall date from 1911. <a href="#fnref1">Back to the text</a></p></li></ol>
</article></main>
<footer>Copyright 2025 Harbour Gazette</footer></body></html>`;
}

/// Clutter on the declutter page, each with what marks it there: what "declutter page" must hide.
export const DECLUTTER = {
  '#top-ad': 'Advertisement: a boat for every harbour',
  '#related-box': 'Related articles',
  '#sidebar-ad': 'Advertisement: holiday cottages by the sea',
  '#newsletter': 'Subscribe to our newsletter',
  '#cookie-banner': 'We use cookies',
};

/// A site page around the article: a header with its nav, a sidebar with an ad and a
/// newsletter prompt, a cookie banner; its script adds an ad at the top of the body and a
/// related box before the load event, as ad and recommendation scripts do. Some clutter
/// has style attributes (odd spacing and case included) that undo must give back as written.
function clutteredPage() {
  const body = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sea wall opens - Harbour Gazette</title>
<style>
body { margin: 0; font-family: sans-serif; }
.layout { display: flex; gap: 24px; }
.layout > main { flex: 3; }
.sidebar { flex: 1; }
#cookie-banner { inset: auto 0 0 0; background: #333; color: #fff; padding: 12px; }
</style>
<script>
document.addEventListener('DOMContentLoaded', () => {
  const ad = document.createElement('div');
  ad.id = 'top-ad';
  ad.className = 'ad-slot advertisement';
  ad.setAttribute('style', 'min-height:90px ;  background: #eee');
  ad.innerHTML = '<span class="ad-label">Advertisement: a boat for every harbour</span> <a href="/boats">Shop now</a>';
  document.body.prepend(ad);
  const related = document.createElement('aside');
  related.id = 'related-box';
  related.className = 'related-posts';
  related.innerHTML = '<h3>Related articles</h3><ul><li><a href="/a">Storm damage report</a></li><li><a href="/b">Harbour budget</a></li><li><a href="/c">The fleet returns</a></li></ul>';
  document.querySelector('article').append(related);
});
</script></head>
<body>
<header class="site-header" id="masthead"><a class="logo" href="/">Harbour Gazette</a>
<nav class="main-nav" id="site-nav"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav></header>
<div class="layout">
<main><article id="story"><h1>Sea wall opens</h1><p class="byline">By Mara Quist</p>
${body}
</article></main>
<aside class="sidebar" id="sidebar">
<div id="sidebar-ad" class="ad sidebar-ad" style="DISPLAY: block; border: 1px solid #ccc">Advertisement: holiday cottages by the sea <a href="/cottages">Book now</a></div>
<div id="newsletter" class="newsletter-signup" style="padding: 8px"><h3>Subscribe to our newsletter</h3><form><input type="email" placeholder="Your email" aria-label="Email"><button>Sign up</button></form></div>
</aside></div>
<div id="cookie-banner" class="cookie-consent" style="position: fixed !important">We use cookies to improve your experience. <button>Accept all cookies</button></div>
<footer class="site-footer">Copyright 2025 Harbour Gazette</footer>
</body></html>`;
}

/// Arabic paragraphs (an article written right to left).
export const ARABIC = [
  'افتتح مدير الميناء صباح يوم الاثنين الجدار البحري الجديد، بعد ثلاث سنوات من العاصفة التي أغرقت نصف البلدة القديمة وتركت أسطول الصيد عالقا على الرصيف لمدة أسبوع كامل.',
  'صمم المهندسون الجدار ليصمد أمام موجة عاتية لا تحدث إلا مرة في القرن، ودفع مجلس البلدة تكاليفه من منح وطنية وضريبة محلية وقرض سيستغرق سداده عشرين عاما.',
  'قال الصيادون الذين طالبوا ببناء الجدار إنهم يشعرون أخيرا بالأمان عند ترك قواربهم في الميناء طوال الليل، مع أن بعضهم ما زال قلقا من القناة الضيقة عند مصب النهر.',
  'يخطط المجلس لافتتاح ممشى على طول قمة الجدار في الربيع المقبل، مع مقاعد وأضواء ومتحف صغير عن تاريخ الميناء والعائلات التي عملت فيه.',
];

function rtlPage() {
  const body = ARABIC.map((p) => `<p>${p}</p>`).join('\n');
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>افتتاح الجدار البحري</title></head>
<body><nav><a href="/">الرئيسية</a> <a href="/news">الأخبار</a></nav>
<main><article><h1>افتتاح الجدار البحري</h1><p class="byline">بقلم مارا كويست</p>
${body}
</article></main><footer>جميع الحقوق محفوظة</footer></body></html>`;
}

/// `seconds` of 8 kHz, 8-bit mono silence as a WAV file, for a page that plays media.
function silence(seconds) {
  const rate = 8000;
  const data = Buffer.alloc(rate * seconds, 128);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate, 28); // bytes per second
  header.writeUInt16LE(1, 32); // block align
  header.writeUInt16LE(8, 34); // bits per sample
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/// Russian paragraphs, for the page served in windows-1251.
export const CYRILLIC = [
  'Начальник порта открыл новую морскую стену в понедельник утром, через три года после шторма, который затопил половину старого города и оставил рыбацкий флот на причале на целую неделю.',
  'Инженеры рассчитали стену на нагон воды, который случается раз в сто лет, а городской совет оплатил её из государственных грантов, местного сбора и кредита, который придётся возвращать двадцать лет.',
  'Рыбаки, которые добивались строительства стены, говорят, что наконец могут спокойно оставлять лодки в гавани на ночь, хотя некоторых всё ещё тревожит узкий проход в устье реки.',
  'Следующей весной совет собирается открыть пешеходную дорожку по верху стены, со скамейками, фонарями и небольшим музеем об истории гавани и семей, которые в ней работали.',
];

/// `text` in windows-1251 (ASCII and the Russian alphabet are all the tests need).
export function windows1251(text) {
  return Buffer.from(
    [...text].map((c) => {
      const code = c.codePointAt(0);
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      if (code === 0x401) return 0xa8;
      if (code === 0x451) return 0xb8;
      if (code === 0xab || code === 0xbb) return code;
      throw new Error(`windows1251: no byte for ${c}`);
    }),
  );
}

/// Japanese paragraphs, for the page served in Shift_JIS.
export const JAPANESE = [
  '港湾局長は月曜日の朝、新しい防波堤を開通させた。三年前の嵐で旧市街の半分が浸水し、漁船団が一週間にわたって港に足止めされてから、住民はこの日を長い間待ち続けていた。式典には市長や漁業組合の代表も出席し、多くの市民が岸壁に集まって完成を祝った。会場では地元の高校の吹奏楽部が演奏し、参加者には記念の写真集が配られた。局長は挨拶の中で、工事に協力した作業員と近隣の住民に感謝の言葉を述べた。',
  '技術者たちは百年に一度の高潮に耐えられるように防波堤を設計し、市議会は国の補助金と地元の負担金、そして二十年かけて返済する借入金で建設費をまかなった。工事は予定より半年遅れたが、費用は当初の見積もりの範囲内に収まったという。防波堤の高さは旧堤防より二メートル高く、内側には排水のための水門が三か所に設けられた。管理は市と県が共同で行い、毎年点検を実施する。',
  '防波堤の建設を求めてきた漁師たちは、ようやく夜の間も安心して船を港に残しておけると話すが、河口の狭い水路をまだ心配している人もいる。組合は来月、市と話し合いの場を設け、水路の浚渫について要望を伝える予定だ。また、冬の時期には強い北風で波が高くなることがあり、船の出入りに注意が必要だという声も聞かれた。市は必要に応じて追加の対策を検討するとしている。',
  '市議会は来年の春、防波堤の上に遊歩道を開く予定で、ベンチや街灯のほか、港の歴史とそこで働いてきた家族についての小さな博物館も設けるという。博物館には古い写真や漁具が展示され、子どもたちが港の暮らしを学べる場所になる。遊歩道からは湾全体と遠くの山々を見渡すことができ、観光客の増加も期待されている。商店街の店主たちは、週末の人出が増えることを楽しみにしていると話した。',
];

/// `text` in Shift_JIS, by the inverse of the platform's decoder (Node has no encoder for it).
export function shiftJis(text) {
  const decoder = new TextDecoder('shift_jis');
  const bytes = new Map();
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead >= 0xa0 && lead < 0xe0) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      const c = decoder.decode(Uint8Array.of(lead, trail));
      if (c.length === 1 && c !== '\ufffd' && !bytes.has(c)) bytes.set(c, [lead, trail]);
    }
  }
  return Buffer.from(
    [...text].flatMap((c) => {
      if (c.codePointAt(0) < 0x80) return [c.codePointAt(0)];
      if (!bytes.has(c)) throw new Error(`shiftJis: no bytes for ${c}`);
      return bytes.get(c);
    }),
  );
}

/// The always-reader site's pages (tests/browser/always.test.mjs): an article whose inline
/// and external scripts mark the page and request a beacon, a home page (not an article)
/// with a script too, an article in windows-1251 and one in Shift_JIS. A page script at the top of each
/// records, every frame, whether the page's own content was visible: a flash of the
/// original shows in data-flashed.
const PROBE = `<script>
(() => {
  const root = document.documentElement;
  const frame = () => {
    const content = document.getElementById('content');
    if (content) {
      const seen = content.checkVisibility({ visibilityProperty: true, opacityProperty: true });
      root.dataset.frames = String((Number(root.dataset.frames) || 0) + 1);
      if (seen) root.dataset.flashed = root.dataset.flashed || String(performance.now());
    }
    if (performance.now() < 5000) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();
</script>`;

export function alwaysArticle(title = 'Sea wall opens') {
  const body = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${PROBE}
<script>document.documentElement.dataset.inline = 'ran'; new Image().src = '/beacon?inline';</script>
<script src="/always/tracker.js"></script></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<main id="content"><article><h1>${title}</h1><p class="byline">By Mara Quist</p>
<div class="share-bar">Share this story <a href="#">Facebook</a> <a href="#">X</a></div>
${body}
<aside class="related"><h3>Related articles</h3><ul><li><img src="/img/related-thumb.png" alt=""><a href="/a">Storm damage report</a></li><li><a href="/b">Harbour budget</a></li></ul></aside>
</article></main>
<footer>Copyright 2025 Harbour Gazette</footer></body></html>`;
}

export function alwaysHome() {
  const items = Array.from({ length: 12 }, (_, i) => `<li><a href="/always/story-${i}">Story number ${i + 1} of the day</a></li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour Gazette</title>${PROBE}
<script>document.documentElement.dataset.inline = 'ran';</script></head>
<body><header><a href="/">Harbour Gazette</a></header>
<main id="content"><h1>Today</h1><ul>${items}</ul><form action="/search"><input name="q"><button>Search</button></form></main>
<footer>Copyright 2025 Harbour Gazette</footer></body></html>`;
}

export function alwaysCyrillic() {
  const body = CYRILLIC.map((p) => `<p>${p}</p>`).join('\n');
  return windows1251(`<!doctype html><html lang="ru"><head><title>Морская стена открыта</title></head>
<body><main id="content"><article><h1>Морская стена открыта</h1>
${body}
</article></main></body></html>`);
}

/// Declared by its <meta charset> alone (served as plain text/html).
export function alwaysJapanese() {
  const body = JAPANESE.map((p) => `<p>${p}</p>`).join('\n');
  return shiftJis(`<!doctype html><html lang="ja"><head><meta charset="Shift_JIS"><title>新しい防波堤が開通</title></head>
<body><main id="content"><article><h1>新しい防波堤が開通</h1>
${body}
</article></main></body></html>`);
}

/// A listed page of 20 MB (the response filter's limits): the article, then filler in a
/// comment, then a last paragraph (#end). /always/trickle sends it in 64 KiB pieces 16 ms
/// apart (about 5 s), /always/large as fast as it is read.
export const BIG_PAGE = {
  head: alwaysArticle().replace('</body></html>', '<!--'),
  filler: 20 * 1024 * 1024,
  tail: '--><p id="end">The end.</p></body></html>',
  /** The paths whose whole response has been sent. */
  sent: new Set(),
};

function sendBigPage(res, path, delay) {
  const piece = Buffer.alloc(64 * 1024, 'x');
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.write(BIG_PAGE.head);
  let left = BIG_PAGE.filler;
  const next = () => {
    if (left <= 0) {
      res.end(BIG_PAGE.tail);
      BIG_PAGE.sent.add(path);
      return;
    }
    left -= piece.length;
    const later = () => setTimeout(next, delay);
    if (res.write(piece)) later();
    else res.once('drain', later);
  };
  next();
}

/// The hostile page's script (tests/browser/hostile.test.mjs): once the reader view is
/// open, it tries every form submit, change, input, click and key event on every element of
/// the reader it can find, in the document and in open shadow roots, with huge values and
/// its own (the attacker's) address in every field; three rounds. It records what it found
/// and did in <html data-attack>, and every node any event's composedPath() showed it.
function hostileScript() {
  const ATTACKER = `${location.origin}/attacker/report`;
  const seen = new Set();
  for (const type of ['pointerdown', 'click', 'keydown', 'focusin', 'input', 'change', 'submit']) {
    window.addEventListener(type, (event) => event.composedPath().forEach((node) => seen.add(node)), true);
  }
  window.seenInShadow = () => [...seen].filter((node) => node.getRootNode?.() instanceof ShadowRoot).length;
  /** Every element of the reader: its own, and those in any shadow root the page can open. */
  const reachable = (reader) => {
    const out = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        out.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(reader);
    return out;
  };
  const fire = (target, event) => {
    try {
      target.dispatchEvent(event);
    } catch {
      // not every target takes every event
    }
  };
  const init = { bubbles: true, cancelable: true, composed: true, view: window };
  const keys = ['Enter', ' ', '+', '=', '-', 'Escape', 'ArrowRight', 'ArrowLeft', 'Tab'];
  const attack = async () => {
    const reader = document.getElementById('lectern-reader');
    const huge = `${ATTACKER} ${'x'.repeat(1 << 20)}`;
    const hugest = `${ATTACKER} ${'x'.repeat(30 << 20)}`; // the comment: 30 MB
    let tries = 0;
    for (let round = 0; round < 3; round++) {
      // Links aside: following one would only take the attacker's own page away.
      const elements = reachable(reader).filter((el) => !el.closest('a'));
      for (const el of elements) {
        if (el.localName === 'textarea') el.value = hugest;
        else if (el.localName === 'input' && /^(text|url|search|email|)$/.test(el.type)) el.value = huge;
        else if (el.type === 'range') el.value = round % 2 ? el.max : el.min;
        else if (el.type === 'checkbox' || el.type === 'radio') el.checked = !el.checked;
        for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'dblclick']) {
          fire(el, type.startsWith('pointer') ? new PointerEvent(type, init) : new MouseEvent(type, init));
        }
        for (const type of ['input', 'change']) fire(el, new Event(type, init));
        el.focus?.();
        for (const key of keys) for (const type of ['keydown', 'keypress', 'keyup']) fire(el, new KeyboardEvent(type, { ...init, key }));
        // What the browser answers with trusted events of its own: a checkbox's change, a
        // form's submit.
        el.click?.();
        if (el.localName === 'form') {
          el.requestSubmit();
          for (const button of el.querySelectorAll('button')) if (button.type === 'submit') el.requestSubmit(button);
          fire(el, new SubmitEvent('submit', init));
        }
        tries++;
      }
      for (const target of [document, document.body, reader, ...elements.filter((el) => el.shadowRoot)]) {
        for (const key of keys) fire(target, new KeyboardEvent('keydown', { ...init, key }));
      }
      await new Promise((done) => setTimeout(done, 200));
    }
    document.documentElement.dataset.attack = JSON.stringify({
      tries,
      found: reachable(reader).length,
      inShadow: reachable(reader).filter((el) => el.getRootNode() instanceof ShadowRoot).length,
      open: Boolean(document.getElementById('lectern-reader')),
    });
  };
  new MutationObserver((records, observer) => {
    if (!document.getElementById('lectern-reader')) return;
    observer.disconnect();
    setTimeout(attack, 300);
  }).observe(document.documentElement, { childList: true });
}

/// Every request the server answered, in order: {method, path, time} (performance.now()).
export const REQUESTS = [];

/// Problem reports POSTed to /reports (the parsed JSON bodies), for the report tests.
export const RECEIVED_REPORTS = [];

export function startServer() {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    REQUESTS.push({ method: req.method, path: url.pathname + url.search, time: performance.now() });
    if (req.method === 'POST' && url.pathname === '/reports') {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        RECEIVED_REPORTS.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        res.writeHead(201).end();
      });
      return;
    }
    if (url.pathname === '/reports-broken') {
      res.writeHead(500, 'Internal Server Error').end();
      return;
    }
    // A report address that sends it on elsewhere, and one that never answers.
    if (url.pathname === '/reports-moved') {
      res.writeHead(307, { location: '/reports' }).end();
      return;
    }
    if (url.pathname === '/reports-silent') return;
    if (url.pathname === '/beacon') {
      res.writeHead(204).end();
      return;
    }
    if (url.pathname.startsWith('/always/')) {
      const html = { 'content-type': 'text/html; charset=utf-8' };
      const name = url.pathname.slice('/always/'.length);
      if (name === 'article' || name === 'article-fail' || name === 'article-slow') res.writeHead(200, html).end(alwaysArticle());
      else if (name === 'home') res.writeHead(200, html).end(alwaysHome());
      else if (name === 'cyrillic') res.writeHead(200, { 'content-type': 'text/html; charset=windows-1251' }).end(alwaysCyrillic());
      else if (name === 'japanese') res.writeHead(200, { 'content-type': 'text/html' }).end(alwaysJapanese());
      else if (name === 'moved') res.writeHead(302, { location: '/always/article' }).end();
      else if (name === 'trickle' || name === 'large') sendBigPage(res, url.pathname, name === 'trickle' ? 16 : 0);
      else if (name === 'tracker.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' });
        res.end("document.documentElement.dataset.external = 'ran'; fetch('/beacon?external');");
      } else if (name.startsWith('fixture/')) {
        // A fixture with a counter in each of its inline scripts: how many page scripts ran.
        const file = join(root, name.slice('fixture/'.length), 'source.html');
        if (!existsSync(file)) return res.writeHead(404).end();
        const count = "document.documentElement.dataset.scripts = (Number(document.documentElement.dataset.scripts) || 0) + 1;";
        res.writeHead(200, html).end(readFileSync(file, 'utf8').replace(/<script>/g, `<script>${count}`));
      } else res.writeHead(404).end();
      return;
    }
    if (url.pathname === '/hostile') {
      // No stylesheet of its own may apply (style-src 'none'): the controls' sheet must still.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "style-src 'none'" });
      res.end(articlePage({ title: 'Sea wall opens', extra: `<script>(${hostileScript})();</script>` }));
    } else if (url.pathname === '/article') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(articlePage({ title: 'Sea wall opens', extra: '<form id="search"><input id="q" name="q"></form><div style="height:3000px"></div>' }));
    } else if (url.pathname === '/dated') {
      // A German article with its date: the reader view writes the date out in German.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        articlePage({ title: 'Sea wall opens' })
          .replace('<html lang="en">', '<html lang="de">')
          .replace('</title>', '</title><meta property="article:published_time" content="2025-03-04">'),
      );
    } else if (url.pathname === '/sections') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(sectionsPage());
    } else if (url.pathname === '/media') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(articlePage({ title: 'Sea wall opens, with sound', extra: '<audio id="sound" src="/sound.wav" loop autoplay muted></audio>' }));
    } else if (url.pathname === '/cluttered') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(clutteredPage());
    } else if (url.pathname === '/rtl') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(rtlPage());
    } else if (url.pathname === '/sound.wav') {
      res.writeHead(200, { 'content-type': 'audio/wav' });
      res.end(silence(10));
    } else if (url.pathname === '/strict-csp') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'; object-src 'none'" });
      res.end(articlePage({ title: 'Sea wall opens under a strict policy' }));
    } else if (url.pathname.startsWith('/fixtures/')) {
      const file = join(root, url.pathname.slice('/fixtures/'.length), 'source.html');
      if (!existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(readFileSync(file));
    } else {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
