// Query keys of the dashboard, in a plain module so the server page can prefetch under the same keys.
export const dashboardKeys = {
  all: ['dashboard'] as const,
  dataset: (datasetId: number, days: number) => [...dashboardKeys.all, datasetId, days] as const,
};

// Under the 'samples' root, which the items feature's sample and bulk mutations invalidate.
export const samplesListKey = (datasetId: number) => ['samples', 'list', datasetId] as const;
