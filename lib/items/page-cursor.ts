import { z } from 'zod';
import { AppError } from '../errors';
import type { SortField } from './filter';
import { dbId } from '../http/route-id';

// A page cursor is the last row's (sort value, id), opaque to clients: base64url of JSON.
export type PageCursor = { value: number | string | null; id: number };

const cursorSchema = z.tuple([z.union([z.number().finite(), z.string().datetime({ offset: true }), z.null()]), dbId]);

export function encodePageCursor(c: PageCursor): string {
  return Buffer.from(JSON.stringify([c.value, c.id])).toString('base64url');
}

export function decodePageCursor(s: string, sort: SortField): PageCursor {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
  } catch {
    throw new AppError('BAD_REQUEST', 'cursor: not a page cursor from this table');
  }
  const parsed = cursorSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('BAD_REQUEST', 'cursor: not a page cursor from this table');
  const [value, id] = parsed.data;
  const wantsDate = sort === 'updatedAt';
  if (sort === 'id' ? value !== id : wantsDate ? typeof value !== 'string' : typeof value === 'string') {
    throw new AppError('BAD_REQUEST', `cursor: does not belong to a table sorted by ${sort}`);
  }
  return { value, id };
}
