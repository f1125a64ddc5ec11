import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config';

// `npx tsx scripts/screenshot.ts URL OUT.png [WIDTHxHEIGHT] [--play]`: a look at a page in
// Debian's Chromium, for checking UI changes by eye.
const [url, out, size = '1440x900'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!url || !out) {
  console.error('usage: tsx scripts/screenshot.ts URL OUT.png [WIDTHxHEIGHT] [--play]');
  process.exit(2);
}
const [width, height] = size.split('x').map(Number);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: width ?? 1440, height: height ?? 900 } });
await page.goto(url, { waitUntil: 'networkidle' });
if (process.argv.includes('--play')) {
  await page.evaluate(() => document.querySelector('video')?.play());
  await page.waitForTimeout(1500);
}
await page.screenshot({ path: out });
await browser.close();
console.log(`wrote ${out}`);
