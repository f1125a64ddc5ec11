// Query keys of the review page under one root, so one invalidation can refresh them all.
export const reviewKeys = {
  all: ['review'] as const,
  item: (id: number) => ['review', 'item', id] as const,
  neighbors: (id: number, filterQuery: string) => ['review', 'neighbors', id, filterQuery] as const,
  history: (id: number) => ['review', 'history', id] as const,
};

/** The items table's root key (issue 6): a decision changes rows it lists. */
export const ITEMS_ROOT_KEY = ['items'] as const;
