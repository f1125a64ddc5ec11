'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useRouter, useSearchParams } from 'next/navigation';
import { itemFilterSchema, itemFilterToSearchParams, parseItemFilter, type ItemFilter, type SortField } from '@/lib/items/filter';
import type { ItemFacets } from '@/lib/items/list-facets';
import type { BulkOperation, BulkSelection } from '@/lib/bulk/bulk-input';
import type { PreparedBulkAction } from '@/lib/bulk/prepare-bulk-action';
import { useItemsPage, PAGE_SIZE } from '@/features/items/api/get-items-page';
import { useItemsCount } from '@/features/items/api/get-items-count';
import { usePrepareBulk } from '@/features/items/api/prepare-bulk';
import { useApplyBulk } from '@/features/items/api/apply-bulk';
import { useUndoBulk } from '@/features/items/api/undo-bulk';
import { usePrepareAcceptRest } from '@/features/items/api/accept-rest';
import { FilterBar } from './filter-bar';
import { ItemsTable } from './items-table';
import { BulkBar } from './bulk-bar';
import { ConfirmBulkDialog } from './confirm-bulk-dialog';
import { BulkHistory } from './bulk-history';
import { SamplePanel } from './sample-panel';
import { TableTools, useItemsTableLayout, type AssignDialog } from './table-tools';
import { SampleDecidedNote } from './sample-decided-note';
import { DrawSampleDialog } from './draw-sample-dialog';
import { Button } from '@/components/ui/button';
import { operationVerb } from './describe-operation';
import { describeFilter } from './describe-filter';
import { EMPTY_SELECTION, isSelected, selectedCount, setRow, setRows, type Selection } from './selection';
import { plural } from '@/lib/format/plural';

type Pending = { prepared: PreparedBulkAction; operation: BulkOperation; scope: string; sampleId?: number };
type Toast = { text: string; undoId?: number };

/** Keeps `value` only while `key` stays the same: a new filter starts with a fresh selection and page 1. */
function useKeyed<T>(key: string, initial: T): [T, (v: T | ((prev: T) => T)) => void] {
  const [state, setState] = useState<{ key: string; value: T }>({ key, value: initial });
  const value = state.key === key ? state.value : initial;
  const set = useCallback(
    (v: T | ((prev: T) => T)) =>
      setState((s) => {
        const prev = s.key === key ? s.value : initial;
        return { key, value: typeof v === 'function' ? (v as (p: T) => T)(prev) : v };
      }),
    [key, initial],
  );
  return [value, set];
}

const FIRST_PAGE: (string | null)[] = [null];

export function ItemsView({ datasets, facets, AssignViewDialog }: { datasets: { id: number; name: string }[]; facets: ItemFacets; AssignViewDialog?: AssignDialog }) {
  const router = useRouter();
  const params = useSearchParams();
  const parsed = useMemo(() => {
    try {
      return { filter: parseItemFilter(new URLSearchParams(params.toString())), error: null };
    } catch (e) {
      return { filter: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [params]);
  if (!parsed.filter) {
    return (
      <div className="rounded-lg border border-rose-200 bg-rose-50 p-4 text-sm text-rose-800">
        This link&apos;s filter is not valid: {parsed.error}{' '}
        <a className="underline" href={`/items${datasets[0] ? `?dataset=${datasets[0].id}` : ''}`}>
          Start over
        </a>
      </div>
    );
  }
  return <ItemsWithFilter filter={parsed.filter} datasets={datasets} facets={facets} AssignViewDialog={AssignViewDialog} navigate={(f) => router.replace(`/items?${itemFilterToSearchParams(f)}`, { scroll: false })} />;
}

function ItemsWithFilter({ filter, datasets, facets, navigate, AssignViewDialog }: { filter: ItemFilter; datasets: { id: number; name: string }[]; facets: ItemFacets; navigate: (f: ItemFilter) => void; AssignViewDialog?: AssignDialog }) {
  const router = useRouter();
  const filterKey = itemFilterToSearchParams(filter).toString();
  const [cursors, setCursors] = useKeyed(filterKey, FIRST_PAGE);
  const [selection, setSelection] = useKeyed<Selection>(filterKey, EMPTY_SELECTION);
  const [pending, setPending] = useState<Pending | null>(null);
  const [applyError, setApplyError] = useState<string | null>(null);
  const [toast, setToast] = useState<Toast | null>(null);
  const [filterError, setFilterError] = useState<string | null>(null);
  const [sampling, setSampling] = useState(false);
  const { layout, setLayout } = useItemsTableLayout();
  const openFilter = (query: string) => router.push(`/items?${query}`, { scroll: false });

  const cursor = cursors[cursors.length - 1] ?? null;
  const page = useItemsPage(filterKey, cursor);
  const count = useItemsCount(filterKey);
  const prepare = usePrepareBulk();
  const acceptRest = usePrepareAcceptRest();
  const apply = useApplyBulk();
  const undo = useUndoBulk();

  const rows = page.data?.items ?? [];
  const pageIds = rows.map((r) => r.id);
  const onPage = pageIds.filter((id) => isSelected(selection, id)).length;
  const pageState = onPage === 0 ? 'none' : onPage === pageIds.length ? 'all' : 'some';
  const total = count.data?.count;
  const selected = selectedCount(selection, total);

  // The filter the next change builds on: the URL's, or the one just navigated to when the URL
  // has not caught up yet (two quick clicks must both count).
  const latest = useRef(filter);
  useEffect(() => {
    latest.current = filter;
  }, [filter]);
  const changeFilter = (f: ItemFilter) => {
    const check = itemFilterSchema.safeParse(f);
    if (!check.success) {
      setFilterError(check.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      return;
    }
    setFilterError(null);
    latest.current = check.data;
    navigate(check.data);
  };
  const patchFilter = (patch: Partial<ItemFilter>) => changeFilter({ ...latest.current, ...patch });

  // Ticking / unticking "include them" (CoTs with a failing answer check) counts again on the server.
  const setIncludeMismatched = (include: boolean) => {
    if (!pending || pending.operation.type !== 'accept') return;
    const operation = { ...pending.operation, includeMismatched: include };
    if (pending.sampleId !== undefined) {
      const sampleId = pending.sampleId;
      acceptRest.mutate({ sampleId, includeMismatched: include }, { onSuccess: (prepared) => setPending({ ...pending, prepared, operation }), onError: (e) => setToast({ text: e.message }) });
    } else startBulk(operation);
  };

  const startBulk = (operation: BulkOperation) => {
    const body: BulkSelection =
      selection.mode === 'all'
        ? { kind: 'filter', filter: filterKey, exclude: [...selection.exclude] }
        : { kind: 'ids', dataset: filter.dataset, ids: [...selection.ids] };
    const scope = selection.mode === 'all' ? `every item matching ${describeFilter(filter)}${selection.exclude.size ? `, minus ${selection.exclude.size} unticked` : ''}` : `the ${selection.ids.size} selected item${selection.ids.size === 1 ? '' : 's'}`;
    setApplyError(null);
    prepare.mutate({ selection: body, operation }, { onSuccess: (prepared) => setPending({ prepared, operation, scope }), onError: (e) => setToast({ text: e.message }) });
  };

  // "Keep one per cluster": reject every near-duplicate of the filter but the one each cluster
  // keeps (an accepted one, else the lowest id), through the usual count-confirm-undo path.
  const keepOnePerCluster = () => {
    const f = { ...filter, hasDuplicate: undefined, duplicateExtra: true };
    const operation: BulkOperation = { type: 'reject', reason: 'Near-duplicate of another item (kept one per cluster)' };
    setApplyError(null);
    prepare.mutate(
      { selection: { kind: 'filter', filter: itemFilterToSearchParams(f).toString(), exclude: [] }, operation },
      { onSuccess: (prepared) => setPending({ prepared, operation, scope: `the near-duplicates of ${describeFilter(filter)}, keeping one per cluster` }), onError: (e) => setToast({ text: e.message }) },
    );
  };

  const confirm = () => {
    if (!pending) return;
    apply.mutate(pending.prepared.id, {
      onSuccess: (r) => {
        setPending(null);
        setSelection(EMPTY_SELECTION);
        setToast({
          text: `${operationVerb(pending.operation)} ${r.changed.toLocaleString('en-US')} item${r.changed === 1 ? '' : 's'}: done.${r.unchanged ? ` ${r.unchanged} left unchanged (changed or deleted meanwhile).` : ''}`,
          undoId: r.id,
        });
      },
      onError: (e) => setApplyError(e.message),
    });
  };

  const sort = (field: SortField, dir: 'asc' | 'desc') => patchFilter({ sort: field, dir });
  const pageNo = cursors.length;
  const first = (pageNo - 1) * PAGE_SIZE + 1;
  const fmt = (n: number) => n.toLocaleString('en-US');

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-lg font-semibold">Items</h1>
        <select
          aria-label="Dataset"
          className="h-7 rounded border border-slate-300 bg-white px-2 text-sm"
          value={filter.dataset}
          onChange={(e) => router.push(`/items?dataset=${e.target.value}`)}
        >
          {datasets.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
        <span className="text-sm text-slate-500" data-testid="items-count">
          {total === undefined ? 'counting…' : `${fmt(total)} matching`}
        </span>
        <span className="ml-auto flex gap-2">
          <TableTools datasetId={filter.dataset} filterKey={filterKey} description={describeFilter(filter)} layout={layout} onLayout={setLayout} onPickView={openFilter} onMessage={(text) => setToast({ text })} AssignViewDialog={AssignViewDialog} />
          <Button testId="open-sampling" disabled={filter.sample !== undefined} title="Estimate the share of good items from a random sample" onClick={() => setSampling(true)}>
            Sample…
          </Button>
          <Button testId="keep-one-per-cluster" disabled={prepare.isPending} title="Reject every near-duplicate but one per cluster (you confirm the count first)" onClick={keepOnePerCluster}>
            Keep one per cluster
          </Button>
        </span>
      </div>

      <FilterBar filter={filter} facets={facets} onPatch={patchFilter} onClear={() => changeFilter({ dataset: filter.dataset, sort: filter.sort, dir: filter.dir })} />
      {filterError && <p className="text-xs text-rose-700">{filterError}</p>}

      {filter.sample !== undefined && (
        <SamplePanel
          datasetId={filter.dataset}
          sampleId={filter.sample}
          busy={acceptRest.isPending || apply.isPending}
          onLeave={openFilter}
          onAcceptRest={() =>
            acceptRest.mutate({ sampleId: filter.sample! }, {
              onSuccess: (prepared) => {
                setApplyError(null);
                setPending({
                  prepared,
                  operation: { type: 'accept', version: 'revision-else-draft' },
                  scope: `the pending items of sample #${filter.sample}'s filter that were not sampled`,
                  sampleId: filter.sample,
                });
              },
              onError: (e) => setToast({ text: e.message }),
            })
          }
        />
      )}

      <BulkBar
        selection={selection}
        selected={selected}
        total={total}
        pageAllSelected={pageState === 'all'}
        onSelectAllMatching={() => setSelection({ mode: 'all', exclude: new Set() })}
        onClear={() => setSelection(EMPTY_SELECTION)}
        onPrepare={startBulk}
        busy={prepare.isPending || apply.isPending}
      />

      {page.error ? (
        <p className="rounded-lg border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">{page.error.message}</p>
      ) : (
        <ItemsTable
          rows={rows}
          filter={filter}
          linkQuery={filterKey}
          isSelected={(id) => isSelected(selection, id)}
          onToggle={(id, on) => setSelection((s) => setRow(s, id, on))}
          pageState={pageState}
          onTogglePage={(on) => setSelection((s) => setRows(s, pageIds, on))}
          onSort={sort}
          loading={page.isFetching && !page.data}
          layout={layout}
          onLayout={setLayout}
          empty={filter.sample !== undefined ? <SampleDecidedNote datasetId={filter.dataset} sampleId={filter.sample} onLeave={openFilter} /> : undefined}
        />
      )}

      <div className="flex items-center justify-between text-xs text-slate-500">
        <span data-testid="page-range">{rows.length ? `Rows ${fmt(first)}–${fmt(first + rows.length - 1)}${total !== undefined ? ` of ${fmt(total)}` : ''}` : ''}</span>
        <span className="flex gap-2">
          <Button testId="page-prev" disabled={pageNo === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
            ← Previous
          </Button>
          <Button testId="page-next" disabled={!page.data?.nextCursor || page.isPlaceholderData} onClick={() => setCursors((c) => [...c, page.data!.nextCursor])}>
            Next →
          </Button>
        </span>
      </div>

      <BulkHistory datasetId={filter.dataset} onMessage={(text) => setToast({ text })} />

      {pending && (
        <ConfirmBulkDialog
          prepared={pending.prepared}
          operation={pending.operation}
          scope={pending.scope}
          applying={apply.isPending}
          error={applyError}
          onCancel={() => setPending(null)}
          onConfirm={confirm}
          onIncludeMismatched={setIncludeMismatched}
          recounting={prepare.isPending || acceptRest.isPending}
        />
      )}
      {sampling && (
        <DrawSampleDialog
          pendingFilter={itemFilterToSearchParams({ ...filter, status: ['pending'] }).toString()}
          onClose={() => setSampling(false)}
          onDrawn={(s) => {
            setSampling(false);
            navigate({ dataset: filter.dataset, sample: s.id, sort: 'id', dir: 'asc' });
          }}
        />
      )}
      {toast && (
        <div className="fixed right-4 bottom-4 z-40 flex max-w-md items-center gap-3 rounded-lg border border-slate-200 bg-white px-4 py-2 text-sm shadow-lg" role="status" data-testid="toast">
          <span>{toast.text}</span>
          {toast.undoId !== undefined && (
            <Button
              testId="toast-undo"
              disabled={undo.isPending}
              onClick={() =>
                undo.mutate(toast.undoId!, {
                  onSuccess: (r) => setToast({ text: `Undone: ${plural(r.restored, 'item')} restored${r.conflicts ? `, ${r.conflicts} changed since and kept` : ''}.` }),
                  onError: (e) => setToast({ text: `Undo failed: ${e.message}` }),
                })
              }
            >
              Undo
            </Button>
          )}
          <button type="button" aria-label="Dismiss" className="text-slate-400 hover:text-slate-700" onClick={() => setToast(null)}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
