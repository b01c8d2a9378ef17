// A local HTTP server for the browser tests: the fixture pages, plus pages the tests need
// (a strict-CSP article, an article with a form to type into).
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

/// A temporary copy of dist/<browser> that also grants the test server's origin: tests
/// cannot click the toolbar button, and a dispatched click does not grant activeTab.
/// `edit(manifest, dir)` may add more test-only pieces.
export function testCopyOfExtension(browser, edit = () => {}) {
  const dir = mkdtempSync(join(tmpdir(), `lectern-${browser}-`));
  cpSync(resolve('dist', browser), dir, { recursive: true });
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

export function startServer() {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === '/article') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(articlePage({ title: 'Sea wall opens', extra: '<form id="search"><input id="q" name="q"></form><div style="height:3000px"></div>' }));
    } else if (url.pathname === '/media') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(articlePage({ title: 'Sea wall opens, with sound', extra: '<audio id="sound" src="/sound.wav" loop autoplay muted></audio>' }));
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
