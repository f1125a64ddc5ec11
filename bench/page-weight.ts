import path from 'node:path';
import { kb, PAGE_JS_BUDGET_GZIP_BYTES, routeJsSizes } from '../scripts/lib/route-js-size';

// `npx tsx bench/page-weight.ts`: every page's first JavaScript (gzipped and raw), read from the
// build in NEXT_DIST_DIR (default .next-test) the way e2e/page-weight.spec.ts checks it, next to
// the 250 KB gzipped budget. Chunks a page loads later on demand (video.js, its HLS/DASH code)
// are not counted.

const distDir = path.resolve(import.meta.dirname, '..', process.env.NEXT_DIST_DIR ?? '.next-test');
const sizes = routeJsSizes(distDir);
console.log(`\nfirst JavaScript per page, build in ${path.relative(process.cwd(), distDir) || '.'} (budget ${kb(PAGE_JS_BUDGET_GZIP_BYTES)} gzipped)`);
console.log(`${'page'.padEnd(20)} ${'gzip'.padStart(10)} ${'raw'.padStart(10)} ${'files'.padStart(6)}`);
for (const s of sizes) {
  const over = s.gzipBytes > PAGE_JS_BUDGET_GZIP_BYTES;
  console.log(`${s.route.padEnd(20)} ${kb(s.gzipBytes).padStart(10)} ${kb(s.bytes).padStart(10)} ${String(s.files.length).padStart(6)}${over ? '  OVER BUDGET' : ''}`);
}
const worst = sizes.reduce((a, s) => (s.gzipBytes > a.gzipBytes ? s : a));
console.log(`\nheaviest: ${worst.route} ${kb(worst.gzipBytes)} (budget ${kb(PAGE_JS_BUDGET_GZIP_BYTES)}) ${worst.gzipBytes <= PAGE_JS_BUDGET_GZIP_BYTES ? 'met' : 'OVER'}`);
