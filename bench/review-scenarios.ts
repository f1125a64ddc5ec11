// What one simulated reviewer does per iteration, against a running studio. Each step's
// latency is measured separately. `review-api` is the scenario the 100 ms target is about:
// the two calls the review page makes per item (load it, accept its revision).

import { benchFetch } from './support/bench-fetch';

export type ReviewerContext = {
  base: string;
  /** The reviewer's own session cookie. */
  cookie: string;
  /** The items this reviewer works through (disjoint between reviewers, so decisions do not collide). */
  nextItem: () => { id: number; datasetId: number; path: string };
};

export type Step = { name: string; res: Response };
export type Scenario = { describe: string; run: (c: ReviewerContext) => AsyncGenerator<Step> };

async function timed(name: string, p: Promise<Response>): Promise<Step> {
  const res = await p;
  await res.arrayBuffer(); // a response counts when its body has arrived
  return { name, res };
}

export const SCENARIOS: Record<string, Scenario> = {
  'item-page': {
    describe: 'GET /items/{id} — the server-rendered review page (item, video, CoTs, history), through the proxy’s session check',
    async *run(c) {
      const it = c.nextItem();
      yield await timed('GET /items/{id}', benchFetch(`${c.base}/items/${it.id}`, { headers: { cookie: c.cookie } }));
    },
  },
  'item-page+media': {
    describe: 'the review page, then the first 256 KiB of its video (a range request), as the player does',
    async *run(c) {
      const it = c.nextItem();
      yield await timed('GET /items/{id}', benchFetch(`${c.base}/items/${it.id}`, { headers: { cookie: c.cookie } }));
      const media = `${c.base}/api/media/${it.datasetId}/${it.path.replace(/^\.\//, '').split('/').map(encodeURIComponent).join('/')}`;
      yield await timed('GET /api/media (range)', benchFetch(media, { headers: { cookie: c.cookie, range: 'bytes=0-262143' } }));
    },
  },
  'review-api': {
    describe: 'GET /api/items/{id} (the review page\'s data), then POST /api/items/{id}/decision accepting its revision',
    async *run(c) {
      const it = c.nextItem();
      const get = await benchFetch(`${c.base}/api/items/${it.id}`, { headers: { cookie: c.cookie } });
      const body = await get.text();
      yield { name: 'GET /api/items/{id}', res: get };
      const item = JSON.parse(body) as { rev?: number; revision?: { id: number } | null };
      if (!item.revision) throw new Error(`item ${it.id} has no revision to accept: ${body.slice(0, 200)}`);
      yield await timed(
        'POST /api/items/{id}/decision',
        benchFetch(`${c.base}/api/items/${it.id}/decision`, {
          method: 'POST',
          headers: { cookie: c.cookie, 'content-type': 'application/json', origin: c.base },
          body: JSON.stringify({ action: 'accept', versionId: item.revision.id, expectedRev: item.rev ?? 0 }),
        }),
      );
    },
  },
};
