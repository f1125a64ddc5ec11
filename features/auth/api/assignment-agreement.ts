'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AssignmentAgreement } from '@/lib/assignments/assignment-agreement';
import { apiFetch } from '@/components/api/api-fetch';
import { authKeys } from './keys';

export function fetchAssignmentAgreement(id: number): Promise<AssignmentAgreement> {
  return apiFetch(`/api/assignments/${id}`);
}

export const assignmentAgreementQuery = (id: number) => queryOptions({ queryKey: authKeys.agreement(id), queryFn: () => fetchAssignmentAgreement(id) });

export function useAssignmentAgreement(id: number, enabled: boolean) {
  return useQuery({ ...assignmentAgreementQuery(id), enabled });
}
