// Query keys of the jobs page. Everything about runs sits under one root, so a mutation can
// refresh the list and the open details with one invalidation.
export const runKeys = {
  all: ['runs'] as const,
  list: () => [...runKeys.all, 'list'] as const,
  detail: (id: number) => [...runKeys.all, 'detail', id] as const,
  config: () => [...runKeys.all, 'config'] as const,
};

export const workerKeys = {
  all: ['workers'] as const,
};
