/** Rows per page of the items table (the server renders the first page with the same size). */
export const ITEMS_PAGE_SIZE = 50;

// Query keys under one root per area, so one invalidation refreshes every page and count.
export const itemKeys = {
  all: ['items'] as const,
  page: (filter: string, cursor: string | null) => [...itemKeys.all, 'page', filter, cursor] as const,
  count: (filter: string) => [...itemKeys.all, 'count', filter] as const,
};

export const bulkKeys = {
  all: ['bulk'] as const,
  list: (datasetId: number) => [...bulkKeys.all, 'list', datasetId] as const,
};

export const sampleKeys = {
  all: ['samples'] as const,
  status: (id: number) => [...sampleKeys.all, 'status', id] as const,
};
