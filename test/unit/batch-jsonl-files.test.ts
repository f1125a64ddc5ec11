import { describe, expect, it } from 'vitest';
import { customIdOf, jsonlBody, parseCustomId, splitJsonl, type BatchLine } from '@/lib/pipeline/batch/jsonl-files';
import { batchDiscount, parseBatchSettings } from '@/lib/pipeline/batch/batch-settings';

const line = (i: number, size = 10): BatchLine => ({ customId: customIdOf(i, 1), line: 'x'.repeat(size - 1) + String(i % 10) });

describe('splitJsonl', () => {
  it('keeps every file within the request limit, in order', () => {
    const lines = Array.from({ length: 7 }, (_, i) => line(i));
    const { files, tooLarge } = splitJsonl(lines, { maxRequests: 3, maxBytes: 1_000_000 });
    expect(files.map((f) => f.lines.length)).toEqual([3, 3, 1]);
    expect(files.flatMap((f) => f.lines)).toEqual(lines);
    expect(tooLarge).toEqual([]);
  });

  it('keeps every file within the byte limit, newlines counted', () => {
    // Each line is 10 bytes + newline = 11: 3 fit in 33 bytes, a 4th would make 44.
    const lines = Array.from({ length: 7 }, (_, i) => line(i));
    const { files } = splitJsonl(lines, { maxRequests: 100, maxBytes: 40 });
    expect(files.map((f) => f.lines.length)).toEqual([3, 3, 1]);
    for (const f of files) {
      expect(f.bytes).toBeLessThanOrEqual(40);
      expect(Buffer.byteLength(jsonlBody(f))).toBe(f.bytes);
    }
  });

  it('counts bytes, not characters (multi-byte text)', () => {
    const l = { customId: 'r1-a1', line: 'é'.repeat(10) }; // 20 bytes + newline
    const { files } = splitJsonl([l, l], { maxRequests: 100, maxBytes: 41 });
    expect(files.map((f) => f.bytes)).toEqual([21, 21]);
  });

  it('sets a line larger than a whole file aside instead of making a file the provider refuses', () => {
    const big = line(1, 100);
    const { files, tooLarge } = splitJsonl([line(0), big, line(2)], { maxRequests: 10, maxBytes: 50 });
    expect(files).toHaveLength(1);
    expect(files[0]!.lines.map((l) => l.customId)).toEqual([customIdOf(0, 1), customIdOf(2, 1)]);
    expect(tooLarge.map((l) => [l.customId, l.bytes])).toEqual([[customIdOf(1, 1), 101]]);
  });

  it('a line exactly at the limit gets a file of its own; no empty files', () => {
    const { files } = splitJsonl([line(0, 9), line(1, 9), line(2, 4)], { maxRequests: 10, maxBytes: 10 });
    expect(files.map((f) => f.lines.length)).toEqual([1, 1, 1]);
    expect(splitJsonl([], { maxRequests: 1, maxBytes: 1 }).files).toEqual([]);
  });

  it('refuses limits that cannot hold a request', () => {
    expect(() => splitJsonl([line(0)], { maxRequests: 0, maxBytes: 10 })).toThrow(/positive/);
  });
});

describe('custom ids and settings', () => {
  it('a custom id names its result and attempt, and nothing else parses', () => {
    expect(parseCustomId(customIdOf(42, 3))).toEqual({ resultId: 42, attempt: 3 });
    expect(parseCustomId('r42')).toBeNull();
    expect(parseCustomId('r1-a2-x')).toBeNull();
  });

  it('defaults to the provider limits and half price; per-stage discounts and bad values are named', () => {
    const d = parseBatchSettings({});
    expect(d.problems).toEqual([]);
    expect(d.settings).toMatchObject({ maxRequestsPerFile: 50_000, maxBytesPerFile: 190 * 1024 * 1024, maxResubmissions: 2, pollSeconds: 60 });
    expect(batchDiscount(d.settings, 'draft')).toBe(0.5);
    const s = parseBatchSettings({ COT_REVISE_BATCH_DISCOUNT: '0.6', COT_BATCH_MAX_REQUESTS_PER_FILE: '100' });
    expect(batchDiscount(s.settings, 'revise')).toBe(0.6);
    expect(batchDiscount(s.settings, 'draft')).toBe(0.5);
    expect(s.settings.maxRequestsPerFile).toBe(100);
    expect(parseBatchSettings({ COT_DRAFT_BATCH_DISCOUNT: '2' }).problems.join()).toMatch(/COT_DRAFT_BATCH_DISCOUNT/);
    expect(parseBatchSettings({ COT_BATCH_MAX_REQUESTS_PER_FILE: '60000' }).problems.join()).toMatch(/COT_BATCH_MAX_REQUESTS_PER_FILE/);
  });
});
