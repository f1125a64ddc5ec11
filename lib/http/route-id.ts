import { z } from 'zod';

// Every database id is a PostgreSQL `integer` (serial). A larger number in a URL or body is no
// id of ours: it must be a 400 naming the field, never a query that fails with "out of range
// for type integer" (an unhandled 500).
export const MAX_DB_ID = 2_147_483_647;

/** A database id in a JSON body. */
export const dbId = z.number().int().positive().max(MAX_DB_ID, `must be an id (at most ${MAX_DB_ID})`);

/** A database id in a URL segment or query string. */
export const dbIdParam = z.coerce.number().int().positive().max(MAX_DB_ID, `must be an id (at most ${MAX_DB_ID})`);

/** `{ id }` from a route's params, validated. */
export const idParams = z.object({ id: dbIdParam });
