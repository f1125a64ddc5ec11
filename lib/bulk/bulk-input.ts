import { z } from 'zod';
import { SEND_BACK_STAGES } from './send-back-stages';
import { dbId } from '../http/route-id';

// What a bulk action is asked to do, as the API and the UI send it.

const id = dbId;

/** Which items: explicit rows (a selection or a page), or everything a filter matches minus exclusions. */
export const bulkSelectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ids'), dataset: id, ids: z.array(id).min(1, 'select at least one item').max(10_000) }),
  z.object({
    kind: z.literal('filter'),
    // The items filter in its URL form (the table's query string), e.g. "dataset=1&status=pending".
    filter: z.string().max(4000),
    exclude: z.array(id).max(10_000).default([]),
  }),
]);
export type BulkSelection = z.infer<typeof bulkSelectionSchema>;

// revision-else-draft: the revision when the item has one, else the draft; draft / revision: only
// that one; imported: the item's newest imported CoT.
export const ACCEPT_VERSIONS = ['revision-else-draft', 'draft', 'revision', 'imported'] as const;
export type AcceptVersion = (typeof ACCEPT_VERSIONS)[number];

export const bulkOperationSchema = z.discriminatedUnion('type', [
  // The version accepted: the revision when the item has one, else the draft; or always the draft.
  // includeMismatched: also accept items whose CoT fails the answer check (left out by default).
  // reason: why (kept on every review row and in the audit event), e.g. why mismatched CoTs were included.
  z.object({
    type: z.literal('accept'),
    version: z.enum(ACCEPT_VERSIONS).default('revision-else-draft'),
    includeMismatched: z.boolean().optional(),
    reason: z.string().trim().min(1).max(2000).optional(),
  }),
  z.object({ type: z.literal('reject'), reason: z.string().trim().min(1, 'give a reason for rejecting').max(2000) }),
  z.object({ type: z.literal('send_back'), stage: z.enum(SEND_BACK_STAGES) }),
]);
export type BulkOperation = z.infer<typeof bulkOperationSchema>;

export const prepareBulkBodySchema = z.object({ selection: bulkSelectionSchema, operation: bulkOperationSchema });
export type PrepareBulkBody = z.infer<typeof prepareBulkBodySchema>;
