export const adjudicationKeys = {
  all: ['adjudication'] as const,
  list: (query: string) => [...adjudicationKeys.all, query] as const,
  item: (id: number | null) => ['adjudication-item', id] as const,
};
