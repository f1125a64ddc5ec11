// What one simulated reviewer does per iteration, against a running studio. Each step's
// latency is measured separately. When the review API (issue 3) is merged, adjust
// `review-api` to its real paths and body — it is the scenario the 100 ms target is about.

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
      yield await timed('GET /items/{id}', fetch(`${c.base}/items/${it.id}`, { headers: { cookie: c.cookie }, redirect: 'manual' }));
    },
  },
  'item-page+media': {
    describe: 'the review page, then the first 256 KiB of its video (a range request), as the player does',
    async *run(c) {
      const it = c.nextItem();
      yield await timed('GET /items/{id}', fetch(`${c.base}/items/${it.id}`, { headers: { cookie: c.cookie }, redirect: 'manual' }));
      const media = `${c.base}/api/media/${it.datasetId}/${it.path.replace(/^\.\//, '').split('/').map(encodeURIComponent).join('/')}`;
      yield await timed('GET /api/media (range)', fetch(media, { headers: { cookie: c.cookie, range: 'bytes=0-262143' } }));
    },
  },
  'review-api': {
    describe: 'PLACEHOLDER until issue 3 merges: GET /api/items/{id}, then POST a decision to /api/items/{id}/review',
    async *run(c) {
      const it = c.nextItem();
      const get = await fetch(`${c.base}/api/items/${it.id}`, { headers: { cookie: c.cookie } });
      const item = (await get.json().catch(() => ({}))) as { rev?: number };
      yield { name: 'GET /api/items/{id}', res: get };
      yield await timed(
        'POST /api/items/{id}/review',
        fetch(`${c.base}/api/items/${it.id}/review`, {
          method: 'POST',
          headers: { cookie: c.cookie, 'content-type': 'application/json', origin: c.base },
          body: JSON.stringify({ action: 'accept-revision', rev: item.rev ?? 0 }),
        }),
      );
    },
  },
};
