// Query keys for saved views and table layouts, under one root.
export const viewKeys = {
  all: ['views'] as const,
  list: (datasetId: number) => [...viewKeys.all, 'list', datasetId] as const,
  layout: (table: string) => [...viewKeys.all, 'layout', table] as const,
};
