import { Prisma } from '@/generated/prisma/client';
import { answerCheckFailsSql } from '../answers/answer-check-sql';
import type { AcceptVersion } from './bulk-input';

/** The version a bulk accept takes for item `i`, per the operation's version choice (NULL: none). */
export function chosenVersionSql(version: AcceptVersion): Prisma.Sql {
  switch (version) {
    case 'draft':
      return Prisma.sql`i.current_draft_id`;
    case 'revision':
      return Prisma.sql`i.current_revision_id`;
    case 'imported':
      return Prisma.sql`(SELECT max(c.id) FROM cot_version c WHERE c.item_id = i.id AND c.kind = 'imported')`;
    case 'revision-else-draft':
      return Prisma.sql`COALESCE(i.current_revision_id, i.current_draft_id)`;
  }
}

/** True when the version the accept would take fails the answer check (answerCheckFails' SQL twin). */
export function chosenFailsAnswerCheckSql(version: AcceptVersion): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM cot_version c WHERE c.id = ${chosenVersionSql(version)} AND ${answerCheckFailsSql('c', 'i')})`;
}
