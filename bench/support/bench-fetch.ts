import http from 'node:http';

// The load generator shares this machine's two cores with the web app and PostgreSQL, so its
// own cost is taken from what it measures. node:http on a keep-alive agent costs a fraction of
// the global fetch (WHATWG streams per request); it answers with a buffered Response so the
// scenarios read it the same way. Redirects are never followed (like fetch's 'manual').
const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });

type Init = { method?: string; headers?: Record<string, string>; body?: string };

export function benchFetch(url: string, init: Init = {}): Promise<Response> {
  return once(url, init).catch((e: Error & { code?: string; reusedSocket?: boolean }) => {
    // A kept-alive socket the server closed as the request went out: Node's documented race.
    // Browsers resend such a request on a new connection; so does this client, once.
    if (e.reusedSocket && e.code === 'ECONNRESET') return once(url, init);
    throw e;
  });
}

function once(url: string, init: Init): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const headers = new Headers();
        for (const [k, v] of Object.entries(res.headers)) {
          if (Array.isArray(v)) v.forEach((x) => headers.append(k, x));
          else if (v !== undefined) headers.set(k, v);
        }
        const status = res.statusCode ?? 0;
        const noBody = status === 204 || status === 304 || (status >= 100 && status < 200);
        resolve(new Response(noBody ? null : Buffer.concat(chunks), { status, headers }));
      });
    });
    req.on('error', (e: Error & { reusedSocket?: boolean }) => reject(Object.assign(e, { reusedSocket: req.reusedSocket })));
    req.end(init.body);
  });
}
