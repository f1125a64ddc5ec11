import { parseArgs } from 'node:util';
import { prisma } from '../lib/db/client';
import { AppError } from '../lib/errors';
import { itemFilterSchema } from '../lib/items/filter';
import { prepareBulkAction } from '../lib/bulk/prepare-bulk-action';
import { applyBulkAction } from '../lib/bulk/apply-bulk-action';
import type { BulkOperation } from '../lib/bulk/bulk-input';
import { n } from './format';

export const DECIDE_USAGE = `cot-studio decide --dataset NAME --accept draft|revision|imported|reject [filters]
                  [--include-mismatched] [--reason TEXT] [--as EMAIL] [--dry-run]
      Applies one bulk decision to the items matching the filters (pending ones unless
      --status says otherwise), exactly as the items table's bulk action: the same counts,
      one review row per item, one audit event, undoable from the table. Accepting leaves out
      items whose CoT fails the answer check unless --include-mismatched; reject needs --reason.
      Filters: --filter QUERY (the items table's URL form) or --<key> VALUE (--type OCR, ...).
      Prints the number of items changed.`;

const FILTER_KEYS = Object.keys(itemFilterSchema.shape).filter((k) => k !== 'dataset' && k !== 'sort' && k !== 'dir');
const ACCEPTS = { draft: 'draft', revision: 'revision', imported: 'imported' } as const;

/** `cot-studio decide …`: a bulk decision from scripts (lib/bulk, the UI's own path). Returns the exit code. */
export async function decideCommand(argv: string[], out: { log: (s: string) => void } = console): Promise<number> {
  const options: Record<string, { type: 'string' | 'boolean' }> = {
    dataset: { type: 'string' },
    accept: { type: 'string' },
    filter: { type: 'string' },
    'include-mismatched': { type: 'boolean' },
    reason: { type: 'string' },
    as: { type: 'string' },
    'dry-run': { type: 'boolean' },
    ...Object.fromEntries(FILTER_KEYS.map((k) => [k, { type: 'string' as const }])),
  };
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options, allowPositionals: false, strict: true }));
  } catch (e) {
    throw new AppError('BAD_REQUEST', `${(e as Error).message}\n\n${DECIDE_USAGE}`);
  }
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const datasetArg = str('dataset');
  const choice = str('accept');
  if (!datasetArg) throw new AppError('BAD_REQUEST', `decide needs --dataset NAME\n\n${DECIDE_USAGE}`);
  if (!choice || !(choice in ACCEPTS || choice === 'reject')) throw new AppError('BAD_REQUEST', `decide needs --accept draft|revision|imported|reject\n\n${DECIDE_USAGE}`);
  const reason = str('reason');
  if (choice === 'reject' && !reason) throw new AppError('BAD_REQUEST', 'decide --accept reject needs --reason TEXT');
  if (choice === 'reject' && values['include-mismatched']) throw new AppError('BAD_REQUEST', '--include-mismatched applies to accepting only');

  const db = prisma();
  const dataset = (await db.dataset.findUnique({ where: { name: datasetArg } })) ?? (/^\d+$/.test(datasetArg) ? await db.dataset.findUnique({ where: { id: Number(datasetArg) } }) : null);
  if (!dataset) throw new AppError('NOT_FOUND', `No dataset named "${datasetArg}"`);
  const asEmail = str('as');
  const actor = asEmail ? await db.user.findUnique({ where: { email: asEmail.toLowerCase() }, select: { id: true, disabled: true } }) : null;
  if (asEmail && (!actor || actor.disabled)) throw new AppError('NOT_FOUND', `No active user with email ${asEmail}`);

  const filter = new URLSearchParams(str('filter') ?? '');
  for (const k of FILTER_KEYS) if (str(k) !== undefined) filter.set(k, str(k)!);
  if (!filter.has('status')) filter.set('status', 'pending');
  filter.set('dataset', String(dataset.id));

  const operation: BulkOperation =
    choice === 'reject'
      ? { type: 'reject', reason: reason! }
      : { type: 'accept', version: ACCEPTS[choice as keyof typeof ACCEPTS], includeMismatched: values['include-mismatched'] === true, ...(reason ? { reason } : {}) };
  const actorId = actor?.id ?? null;
  const prepared = await prepareBulkAction(db, { selection: { kind: 'filter', filter: filter.toString(), exclude: [] }, operation, actorId });
  const parts = [`${n(prepared.count)} item${prepared.count === 1 ? '' : 's'} to ${choice === 'reject' ? 'reject' : `accept (${choice})`}`];
  if (prepared.mismatched) parts.push(`${n(prepared.mismatched)} with a failing answer check ${prepared.includeMismatched ? 'included' : 'left out (--include-mismatched to include them)'}`);
  if (prepared.skipped) parts.push(`${n(prepared.skipped)} skipped (${choice === 'reject' ? 'not applicable' : `no ${choice} CoT`})`);
  out.log(`${dataset.name}, ${filter.toString()}: ${parts.join(' · ')}`);
  if (values['dry-run']) {
    out.log('dry run: nothing changed');
    return 0;
  }
  const applied = await applyBulkAction(db, { id: prepared.id, actorId });
  out.log(`changed ${n(applied.changed)} (bulk action #${applied.id}; undo it from the items table)`);
  return 0;
}
