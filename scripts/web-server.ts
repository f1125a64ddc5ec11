import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { config } from '@/lib/config';
import { anonymousBodyRefusal } from '@/lib/http/anonymous-body-cap';
import { CLIENT_ADDRESS_HEADER, parseTrustedProxies, resolveClientAddress, trustClientAddressHeader } from '@/lib/http/client-address';

// The studio's web server: Next.js behind a plain Node HTTP server that does the two things only
// a server holding the socket can do before Next.js reads a request (README "Security"):
// 1. the client's address from the socket — X-Forwarded-For believed only from COT_TRUSTED_PROXIES —
//    passed on in x-cot-client-address (client-sent copies dropped), for sign-in throttling;
// 2. bodies of requests without credentials refused above COT_ANONYMOUS_BODY_BYTES, unread.
// Usage: tsx scripts/web-server.ts [--dev] [-p PORT] [-H HOST]
const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const dev = argv.includes('--dev');
const cfg = config();
const port = Number(opt('-p') ?? cfg.port);
const hostname = opt('-H');
const trusted = parseTrustedProxies(cfg.trustedProxies);

const REFUSED_BODY_DRAIN_MS = 10_000;

async function main(): Promise<void> {
  const app = next({ dev, dir: path.resolve(import.meta.dirname, '..'), port, hostname: hostname ?? 'localhost' });
  const handle = app.getRequestHandler();
  await app.prepare();
  trustClientAddressHeader();
  const server = http.createServer((req, res) => {
    const refusal = anonymousBodyRefusal(req, cfg.anonymousBodyBytes);
    if (refusal) {
      res.writeHead(refusal.status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(JSON.stringify(refusal.body));
      // The body is discarded as it arrives (never buffered), so the client can finish sending
      // and read the answer (closing at once made clients fail with EPIPE instead of a 413). A
      // client still sending after REFUSED_BODY_DRAIN_MS is cut off.
      req.resume();
      const cut = setTimeout(() => req.socket.destroy(), REFUSED_BODY_DRAIN_MS);
      req.once('end', () => clearTimeout(cut));
      req.once('close', () => clearTimeout(cut));
      return;
    }
    const address = resolveClientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trusted);
    delete req.headers[CLIENT_ADDRESS_HEADER];
    if (address) req.headers[CLIENT_ADDRESS_HEADER] = address;
    void handle(req, res);
  });
  server.listen(port, hostname, () => console.log(`web server listening on http://${hostname ?? 'localhost'}:${port}${dev ? ' (development)' : ''}`));
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close(() => void app.close().finally(() => process.exit(0)));
    server.closeIdleConnections();
    // Streams (e.g. a video being played) would hold the close open; give them a moment.
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e) => {
  console.error(`web server failed: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
