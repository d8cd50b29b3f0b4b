/** A tiny static server on 127.0.0.1 for the browser tests and the demo: fixture pages plus routes set in code. */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

export interface PageServer {
  origin: string;
  url(path: string): string;
  route(path: string, html: string): void;
  close(): Promise<void>;
}

const FIXTURES = join(process.cwd(), 'test', 'fixtures', 'pages');

/**
 * Fixture pages served under /captured/ lose their own scripts (which rewrite the DOM on their own schedule)
 * and get one that records the DOM before the content script runs, so any later change is the extension's.
 */
const CAPTURE = `<script>document.addEventListener('DOMContentLoaded', () => { window.__before = new XMLSerializer().serializeToString(document); });</script>`;

function withoutScripts(html: string): string {
  // Inline frames go too: a srcdoc frame can run script against the top document.
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '').replace(/<iframe\b[\s\S]*?<\/iframe\s*>/gi, '');
}

/**
 * Headers that make a page cross-origin isolated: its clock (performance.now, the content script's too) then
 * reads to microseconds instead of steps of 0.1 ms, which benchmarks of sub-millisecond work need.
 */
const ISOLATED = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };

export async function startServer(options: { isolated?: boolean } = {}): Promise<PageServer> {
  const extra = options.isolated ? ISOLATED : {};
  const routes = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const routed = routes.get(path);
    if (routed !== undefined) {
      const type = path.endsWith('.xml') ? 'application/xml' : path.endsWith('.svg') ? 'image/svg+xml' : 'text/html; charset=utf-8';
      res.writeHead(200, { 'content-type': type, ...extra });
      res.end(routed);
      return;
    }
    const captured = path.startsWith('/captured/');
    if (path.startsWith('/fixtures/') || captured) {
      const file = normalize(join(FIXTURES, path.slice(captured ? '/captured/'.length : '/fixtures/'.length)));
      if (!file.startsWith(FIXTURES)) {
        res.writeHead(403).end();
        return;
      }
      readFile(file)
        .then((body) => {
          const type = path.endsWith('.xml') ? 'application/xml' : path.endsWith('.svg') ? 'image/svg+xml' : 'text/html; charset=utf-8';
          res.writeHead(200, { 'content-type': type, ...extra });
          res.end(captured ? withoutScripts(body.toString('utf8')).replace(/<head[^>]*>/i, (m) => `${m}${CAPTURE}`) : body);
        })
        .catch(() => res.writeHead(404).end('not found'));
      return;
    }
    // Real pages reference their own assets; answer quickly so nothing waits on them.
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    route: (path, html) => routes.set(path, html),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
