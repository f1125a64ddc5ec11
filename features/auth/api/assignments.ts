'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AssignmentView } from '@/lib/assignments/list-assignments';
import { apiFetch } from '@/components/api/api-fetch';
import { authKeys } from './keys';

export function fetchAssignments(): Promise<{ assignments: AssignmentView[] }> {
  return apiFetch('/api/assignments');
}

export const assignmentsQuery = () => queryOptions({ queryKey: authKeys.assignments(), queryFn: fetchAssignments });

export function useAssignments() {
  return useQuery(assignmentsQuery());
}
