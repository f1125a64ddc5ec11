export const releaseKeys = {
  all: ['releases'] as const,
  list: () => releaseKeys.all,
  diff: (from: number | '', to: number | '') => ['release-diff', from, to] as const,
};

export const scanKeys = {
  dataset: (datasetId: number) => ['scans', datasetId] as const,
};
