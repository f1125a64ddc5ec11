import { Prisma } from '@/generated/prisma/client';
import type { ItemFilter } from './filter';
import { answerCheckFailsText, openEndedMinScore } from '../answers/answer-check-sql';

// The item-filter compiler: the one place an item filter (lib/items/filter.ts) becomes SQL, as
// parameterized Prisma.Sql over `item i`. Every consumer selects through it: the items table's
// keyset pages (with keyset.ts, the one pager), counts, facets, review neighbours, bulk
// snapshots, sample draws, assignment scopes, run selection and exports (COPY renders the
// compiled statement with inlineSql, lib/export/copy-rows.ts). test/integration/items-filter.test.ts
// checks it against an independent Prisma oracle on every key, and
// test/integration/filter-consumers.property.test.ts that every consumer selects the same ids.

/** `%text%` for ILIKE, with the pattern characters in `text` matched literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function range(col: Prisma.Sql, min: number | undefined, max: number | undefined): Prisma.Sql[] {
  const out: Prisma.Sql[] = [];
  if (min !== undefined) out.push(Prisma.sql`${col} >= ${min}`);
  if (max !== undefined) out.push(Prisma.sql`${col} <= ${max}`);
  return out;
}

/** "answer correct" per the answer-check rule (lib/items/answer-filter.ts has the Prisma form). */
function answerCorrectSql(cot: 'draft' | 'revision', want: boolean): Prisma.Sql {
  const fails = Prisma.raw(answerCheckFailsText('i.problem_type', `i.${cot}_score`, `i.${cot}_correct`, `${Number(openEndedMinScore())}::float8`));
  return want ? Prisma.sql`(i.${Prisma.raw(cot)}_correct IS NOT NULL AND NOT ${fails})` : Prisma.sql`${fails}`;
}

const isNull = (col: Prisma.Sql, wantNull: boolean) => (wantNull ? Prisma.sql`${col} IS NULL` : Prisma.sql`${col} IS NOT NULL`);

/** The filter's conditions (not sort or paging), ANDed, over the alias `i`. */
export function itemFilterSql(f: ItemFilter): Prisma.Sql {
  const text = textSearchBranches(f);
  const base = itemFilterSqlWithoutText(f);
  return text ? Prisma.sql`${base} AND (${Prisma.join(text, ' OR ')})` : base;
}

/**
 * The text search's alternatives (question, problem id, any CoT), or null without `q`. A page
 * query runs one branch per alternative and merges them: with the OR inside one query the
 * planner can use neither the trigram indexes (rare words) nor the keyset order (common words).
 */
export function textSearchBranches(f: ItemFilter): Prisma.Sql[] | null {
  if (!f.q) return null;
  const p = containsPattern(f.q);
  // Both ILIKEs are served by pg_trgm GIN indexes (item.problem, cot_version.text).
  return [
    Prisma.sql`i.problem ILIKE ${p}`,
    Prisma.sql`i.problem_id = ${f.q}`,
    Prisma.sql`EXISTS (SELECT 1 FROM cot_version c WHERE c.item_id = i.id AND c.text ILIKE ${p})`,
  ];
}

/** Every condition but the text search. */
export function itemFilterSqlWithoutText(f: ItemFilter): Prisma.Sql {
  const and: Prisma.Sql[] = [Prisma.sql`i.dataset_id = ${f.dataset}`];
  // One status as an equality, so the planner walks the (dataset_id, review_status, id) index in
  // id order (an = ANY(...) on the index's second column loses that order before PostgreSQL 17).
  if (f.status?.length === 1) and.push(Prisma.sql`i.review_status = ${f.status[0]}::"ReviewStatus"`);
  else if (f.status?.length) and.push(Prisma.sql`i.review_status = ANY(${[...f.status]}::text[]::"ReviewStatus"[])`);
  // The database enum's labels are the record spellings ("multiple choice", "free-form").
  if (f.type?.length) and.push(Prisma.sql`i.problem_type = ANY(${[...f.type]}::text[]::"ProblemType"[])`);
  if (f.source?.length) and.push(Prisma.sql`i.data_source = ANY(${[...f.source]}::text[])`);
  if (f.hasDraft !== undefined) and.push(isNull(Prisma.sql`i.current_draft_id`, !f.hasDraft));
  if (f.hasRevision !== undefined) and.push(isNull(Prisma.sql`i.current_revision_id`, !f.hasRevision));
  if (f.hasRepresentation !== undefined) {
    const represented = Prisma.sql`EXISTS (SELECT 1 FROM video v WHERE v.id = i.video_id AND v.representation_at IS NOT NULL)`;
    and.push(f.hasRepresentation ? represented : Prisma.sql`NOT ${represented}`);
  }
  if (f.failed !== undefined) and.push(isNull(Prisma.sql`i.last_error`, !f.failed));
  if (f.stale !== undefined) and.push(isNull(Prisma.sql`i.stale_reason`, !f.stale));
  if (f.draftCorrect !== undefined) and.push(answerCorrectSql('draft', f.draftCorrect));
  if (f.revisionCorrect !== undefined) and.push(answerCorrectSql('revision', f.revisionCorrect));
  if (f.scoreMin !== undefined || f.scoreMax !== undefined) {
    // The best available CoT's score: the revision's, else the draft's. Written as an OR (not
    // COALESCE) so each side can use its column's index.
    const rev = range(Prisma.sql`i.revision_score`, f.scoreMin, f.scoreMax);
    const draft = range(Prisma.sql`i.draft_score`, f.scoreMin, f.scoreMax);
    and.push(Prisma.sql`((${Prisma.join(rev, ' AND ')}) OR (i.revision_score IS NULL AND ${Prisma.join(draft, ' AND ')}))`);
  }
  and.push(...range(Prisma.sql`i.consistency_score`, f.consistencyMin, f.consistencyMax));
  and.push(...range(Prisma.sql`i.cot_length`, f.lengthMin, f.lengthMax));
  if (f.reviewer) and.push(Prisma.sql`i.reviewed_by_id = ${f.reviewer}`);
  if (f.sample !== undefined) and.push(Prisma.sql`EXISTS (SELECT 1 FROM acceptance_sample_item s WHERE s.sample_id = ${f.sample} AND s.item_id = i.id)`);
  if (f.wrongStep !== undefined) and.push(isNull(Prisma.sql`i.step_first_error`, !f.wrongStep));
  if (f.firstErrorMax !== undefined) and.push(Prisma.sql`i.step_first_error <= ${f.firstErrorMax - 1}`);
  if (f.stepReviewed !== undefined) and.push(Prisma.sql`i.step_reviewed = ${f.stepReviewed}`);
  if (f.contradicted !== undefined) and.push(f.contradicted ? Prisma.sql`i.contradicted_steps > 0` : Prisma.sql`i.contradicted_steps = 0`);
  and.push(...range(Prisma.sql`i.pass_rate`, f.passRateMin, f.passRateMax));
  if (f.difficulty === 'all-pass') and.push(Prisma.sql`i.pass_rate = 1`);
  if (f.difficulty === 'all-fail') and.push(Prisma.sql`i.pass_rate = 0`);
  if (f.difficulty === 'mixed') and.push(Prisma.sql`i.pass_rate > 0 AND i.pass_rate < 1`);
  if (f.blindAnswerable !== undefined) and.push(Prisma.sql`i.blind_answerable = ${f.blindAnswerable}`);
  if (f.hasDuplicate !== undefined) and.push(isNull(Prisma.sql`i.duplicate_cluster`, !f.hasDuplicate));
  if (f.duplicateExtra !== undefined) and.push(isNull(Prisma.sql`i.duplicate_of`, !f.duplicateExtra));
  if (f.contaminated !== undefined) and.push(Prisma.sql`i.contaminated = ${f.contaminated}`);
  return Prisma.join(and, ' AND ');
}

/** `SELECT i.id FROM item i WHERE <filter>` (each id once), for counts and snapshots. */
export function matchingItemIdsSql(f: ItemFilter): Prisma.Sql {
  return matchingItemsSql(f, Prisma.sql`i.id`);
}

/** `SELECT <columns> FROM item i WHERE <filter> [AND extra]`, each item once (columns must include i.id). */
export function matchingItemsSql(f: ItemFilter, columns: Prisma.Sql, extra?: Prisma.Sql): Prisma.Sql {
  const base = extra ? Prisma.sql`${itemFilterSqlWithoutText(f)} AND ${extra}` : itemFilterSqlWithoutText(f);
  const text = textSearchBranches(f);
  if (!text) return Prisma.sql`SELECT ${columns} FROM item i WHERE ${base}`;
  return Prisma.join(
    text.map((branch) => Prisma.sql`SELECT ${columns} FROM item i WHERE ${base} AND ${branch}`),
    ' UNION ',
  );
}

/**
 * Items matching any of `filters` (over `i`; none when the list is empty). For limiting a bulk
 * action to a reviewer's assigned work: pass the assignments' filters as prepareBulkAction's
 * `restrict`.
 */
export function anyItemFilterSql(filters: ItemFilter[]): Prisma.Sql {
  if (filters.length === 0) return Prisma.sql`FALSE`;
  return Prisma.sql`(${Prisma.join(filters.map((f) => Prisma.sql`(${itemFilterSql(f)})`), ' OR ')})`;
}
