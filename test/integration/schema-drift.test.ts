import crypto from 'node:crypto';
import fs from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { disconnectPrisma } from '@/lib/db/client';
import { readMigrations } from '@/lib/db/migrate';
import { testDb, uniq } from '../support/db';
import {
  parsePrismaSchema,
  SCHEMA_PATH,
  type ColumnSpec,
  type DefaultSpec,
  type ParsedSchema,
  type ReferentialAction,
  type TableSpec,
} from '../support/prisma-schema';
import { assertTestDatabaseUrl } from '../support/test-database';

// schema.prisma is the Prisma client's source of truth; prisma/migrations/*/migration.sql is
// hand-written (the migrate engine is not available here). This file fails whenever the two
// disagree: it reads the database the migrations built (global setup migrates a fresh one)
// and compares it with what `prisma migrate` would have created for schema.prisma.
//
// When it fails: change schema.prisma and write a migration so that both say the same thing,
// then regenerate the client (`PRISMA_SCHEMA_ENGINE_BINARY=/bin/false npx prisma generate`).

/** Tables the migrations own that schema.prisma does not describe. */
const TABLES_NOT_IN_SCHEMA = new Set(['_prisma_migrations']);

// ---------------------------------------------------------------------------------------------
// The database side, read from pg_catalog.

type Queryable = Pick<pg.ClientBase, 'query'>;

type DbColumn = {
  table: string;
  column: string;
  sql_type: string;
  nullable: boolean;
  is_array: boolean;
  base_type: string;
  base_typtype: string;
  base_schema: string;
  default_expr: string | null;
  identity: string;
  generated: string;
};
type DbIndex = {
  name: string;
  table: string;
  is_unique: boolean;
  is_primary: boolean;
  method: string;
  partial: boolean;
  columns: (string | null)[];
  descending: boolean[];
  included: (string | null)[];
  /** Per key column: the operator class, or null when it is the column type's default. */
  opclasses: (string | null)[];
};
type DbForeignKey = {
  name: string;
  table: string;
  ref_table: string;
  ref_schema: string;
  columns: string[];
  ref_columns: string[];
  on_delete: string;
  on_update: string;
};
type DbEnum = { name: string; labels: string[] };
type Catalogue = { relations: { name: string; kind: string }[]; columns: DbColumn[]; indexes: DbIndex[]; foreignKeys: DbForeignKey[]; enums: DbEnum[] };

async function readCatalogue(db: Queryable, schema: string): Promise<Catalogue> {
  const relations = await db.query<{ name: string; kind: string }>(
    `SELECT c.relname AS name, c.relkind::text AS kind
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
      ORDER BY c.relname`,
    [schema],
  );
  const columns = await db.query<DbColumn>(
    `SELECT c.relname AS table, a.attname AS column,
            format_type(a.atttypid, a.atttypmod) AS sql_type,
            NOT a.attnotnull AS nullable,
            (t.typcategory = 'A') AS is_array,
            COALESCE(et.typname, t.typname)::text AS base_type,
            COALESCE(et.typtype, t.typtype)::text AS base_typtype,
            COALESCE(etn.nspname, tn.nspname)::text AS base_schema,
            pg_get_expr(d.adbin, d.adrelid) AS default_expr,
            a.attidentity::text AS identity,
            a.attgenerated::text AS generated
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_type t ON t.oid = a.atttypid
       JOIN pg_namespace tn ON tn.oid = t.typnamespace
       LEFT JOIN pg_type et ON t.typcategory = 'A' AND et.oid = t.typelem
       LEFT JOIN pg_namespace etn ON etn.oid = et.typnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
    [schema],
  );
  const indexes = await db.query<DbIndex>(
    `SELECT ic.relname AS name, tc.relname AS table, i.indisunique AS is_unique, i.indisprimary AS is_primary,
            am.amname::text AS method, (i.indpred IS NOT NULL) AS partial,
            ARRAY(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
                    LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                   WHERE k.ord <= i.indnkeyatts ORDER BY k.ord) AS columns,
            ARRAY(SELECT (o.opt & 1) = 1 FROM unnest(i.indoption::int2[]) WITH ORDINALITY o(opt, ord)
                   WHERE o.ord <= i.indnkeyatts ORDER BY o.ord) AS descending,
            ARRAY(SELECT CASE WHEN opc.opcdefault THEN NULL ELSE opc.opcname::text END
                    FROM unnest(i.indclass::oid[]) WITH ORDINALITY k(opc_oid, ord) JOIN pg_opclass opc ON opc.oid = k.opc_oid
                   WHERE k.ord <= i.indnkeyatts ORDER BY k.ord) AS opclasses,
            ARRAY(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
                    LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                   WHERE k.ord > i.indnkeyatts ORDER BY k.ord) AS included
       FROM pg_index i
       JOIN pg_class ic ON ic.oid = i.indexrelid
       JOIN pg_class tc ON tc.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = tc.relnamespace
       JOIN pg_am am ON am.oid = ic.relam
      WHERE n.nspname = $1
      ORDER BY tc.relname, ic.relname`,
    [schema],
  );
  const foreignKeys = await db.query<DbForeignKey>(
    `SELECT con.conname AS name, tc.relname AS table, rc.relname AS ref_table, rn.nspname AS ref_schema,
            ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
            ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS ref_columns,
            con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update
       FROM pg_constraint con
       JOIN pg_class tc ON tc.oid = con.conrelid
       JOIN pg_namespace n ON n.oid = tc.relnamespace
       JOIN pg_class rc ON rc.oid = con.confrelid
       JOIN pg_namespace rn ON rn.oid = rc.relnamespace
      WHERE con.contype = 'f' AND n.nspname = $1
      ORDER BY tc.relname, con.conname`,
    [schema],
  );
  const enums = await db.query<DbEnum>(
    `SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
      WHERE n.nspname = $1 GROUP BY t.typname ORDER BY t.typname`,
    [schema],
  );
  return { relations: relations.rows, columns: columns.rows, indexes: indexes.rows, foreignKeys: foreignKeys.rows, enums: enums.rows };
}

// ---------------------------------------------------------------------------------------------
// Defaults: what pg_get_expr() prints, reduced to something comparable with @default(...).

type DbDefault =
  | { kind: 'sequence' }
  | { kind: 'now' }
  | { kind: 'literal'; value: string }
  | { kind: 'list'; values: string[] }
  | { kind: 'expr'; text: string };

const CAST = `(?:::[A-Za-z0-9_" .\\[\\](),]+)*`;

function parseDbLiteral(expr: string): string | null {
  let e = expr.trim();
  while (/^\(.*\)$/s.test(e)) e = e.slice(1, -1).trim();
  let m = new RegExp(`^'((?:[^']|'')*)'${CAST}$`, 's').exec(e);
  if (m) return (m[1] ?? '').replace(/''/g, "'");
  m = new RegExp(`^(-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)${CAST}$`).exec(e);
  if (m) return m[1] ?? null;
  if (e === 'true' || e === 'false') return e;
  return null;
}

/** Splits `a, 'b, c'::text, d` on top-level commas. */
function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inString = false;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (inString) {
      if (ch === "'") {
        if (s[i + 1] === "'") i++;
        else inString = false;
      }
    } else if (ch === "'") inString = true;
    else if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (ch === ',' && depth === 0) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  if (s.slice(start).trim()) out.push(s.slice(start));
  return out;
}

function parseDbDefault(expr: string): DbDefault {
  const e = expr.trim();
  if (/^nextval\(/i.test(e)) return { kind: 'sequence' };
  if (/^(CURRENT_TIMESTAMP(\(\d+\))?|now\(\)|statement_timestamp\(\)|transaction_timestamp\(\))$/i.test(e)) return { kind: 'now' };
  const arr = new RegExp(`^ARRAY\\[(.*?)\\]${CAST}$`, 's').exec(e);
  if (arr) {
    const values = splitTopLevel(arr[1] ?? '').map(parseDbLiteral);
    if (values.every((v): v is string => v !== null)) return { kind: 'list', values };
    return { kind: 'expr', text: e };
  }
  if (new RegExp(`^'\\{\\}'${CAST}\\[\\]$`).test(e)) return { kind: 'list', values: [] };
  const lit = parseDbLiteral(e);
  if (lit !== null) return { kind: 'literal', value: lit };
  return { kind: 'expr', text: e };
}

function sameLiteral(col: ColumnSpec, expected: string, actual: string): boolean {
  if (col.isEnum) return expected === actual;
  switch (col.scalar) {
    case 'Int':
    case 'BigInt':
      try {
        return BigInt(expected) === BigInt(actual);
      } catch {
        return false;
      }
    case 'Float':
    case 'Decimal':
      return Number(expected) === Number(actual);
    case 'Json':
      try {
        return isDeepStrictEqual(JSON.parse(expected), JSON.parse(actual));
      } catch {
        return false;
      }
    case 'DateTime': {
      const a = Date.parse(expected);
      const b = Date.parse(actual.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
      return !Number.isNaN(a) && a === b;
    }
    default:
      return expected === actual;
  }
}

function describeDefault(d: DefaultSpec | null): string {
  if (!d) return 'no default';
  switch (d.kind) {
    case 'autoincrement':
      return '@default(autoincrement()) (a sequence)';
    case 'now':
      return '@default(now()) (CURRENT_TIMESTAMP)';
    case 'literal':
      return `@default(${JSON.stringify(d.value)})`;
    case 'list':
      return `@default(${JSON.stringify(d.values)})`;
    case 'dbgenerated':
      return `@default(dbgenerated(${JSON.stringify(d.expression)}))`;
    case 'client':
      return `@default(${d.fn}) (set by the client; no database default)`;
  }
}

/** Why the database default does not match the schema's, or null when it does. */
function defaultMismatch(col: ColumnSpec, db: DbColumn): string | null {
  const expected = col.default;
  const identity = db.identity === 'a' || db.identity === 'd';
  const dbExpr = db.default_expr;
  const got = identity ? 'an identity column' : dbExpr === null ? 'no default' : `DEFAULT ${dbExpr}`;
  const want = describeDefault(expected);
  if (!expected || expected.kind === 'client') {
    return dbExpr === null && !identity ? null : `schema.prisma has ${want}, the database has ${got}`;
  }
  if (dbExpr === null && !identity) return `schema.prisma has ${want}, the database has no default`;
  const parsed: DbDefault = identity ? { kind: 'sequence' } : parseDbDefault(dbExpr ?? '');
  switch (expected.kind) {
    case 'autoincrement':
      return parsed.kind === 'sequence' ? null : `schema.prisma has ${want}, the database has ${got}`;
    case 'now':
      return parsed.kind === 'now' ? null : `schema.prisma has ${want}, the database has ${got}`;
    case 'dbgenerated':
      return null; // any database expression will do; its text is PostgreSQL's to normalise
    case 'literal':
      return parsed.kind === 'literal' && sameLiteral(col, expected.value, parsed.value) ? null : `schema.prisma has ${want}, the database has ${got}`;
    case 'list':
      return parsed.kind === 'list' &&
        parsed.values.length === expected.values.length &&
        parsed.values.every((v, i) => sameLiteral(col, expected.values[i] ?? '', v))
        ? null
        : `schema.prisma has ${want}, the database has ${got}`;
  }
}

// ---------------------------------------------------------------------------------------------
// The comparison.

type Drift = { tables: string[]; columns: string[]; indexes: string[]; foreignKeys: string[]; enums: string[] };

const PG_ACTIONS: Record<string, ReferentialAction> = { a: 'NoAction', r: 'Restrict', c: 'Cascade', n: 'SetNull', d: 'SetDefault' };
const list = (xs: readonly (string | null)[]) => `(${xs.map((x) => x ?? '<expression>').join(', ')})`;

function compare(schema: ParsedSchema, cat: Catalogue, dbSchema: string): Drift {
  const drift: Drift = { tables: [], columns: [], indexes: [], foreignKeys: [], enums: [] };
  const byTable = <T extends { table: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.table, [...(m.get(r.table) ?? []), r]);
    return m;
  };
  const columnsByTable = byTable(cat.columns);
  const indexesByTable = byTable(cat.indexes);
  const fksByTable = byTable(cat.foreignKeys);
  const relationKinds = new Map(cat.relations.map((r) => [r.name, r.kind]));

  // Tables, both ways.
  const modelTables = new Set(schema.tables.map((t) => t.table));
  for (const t of schema.tables) {
    const kind = relationKinds.get(t.table);
    if (kind === undefined) drift.tables.push(`${t.model}: table "${t.table}" does not exist in the database (no migration creates it)`);
    else if (kind !== 'r' && kind !== 'p') drift.tables.push(`${t.model}: "${t.table}" is not a table in the database (relkind ${kind})`);
  }
  for (const r of cat.relations) {
    if (!modelTables.has(r.name) && !TABLES_NOT_IN_SCHEMA.has(r.name)) {
      const what = r.kind === 'v' || r.kind === 'm' ? 'view' : 'table';
      drift.tables.push(`${what} "${r.name}" exists in the database but no model in schema.prisma maps to it`);
    }
  }

  for (const t of schema.tables) {
    const dbCols = columnsByTable.get(t.table);
    if (!dbCols) continue; // reported above
    const dbColByName = new Map(dbCols.map((c) => [c.column, c]));
    const where = (c: ColumnSpec) => `${t.model}.${c.field} (${t.table}.${c.column})`;

    // Columns.
    for (const c of t.columns) {
      const d = dbColByName.get(c.column);
      if (!d) {
        drift.columns.push(`${where(c)}: column is missing from the database`);
        continue;
      }
      if (c.isEnum) {
        const ok = d.base_typtype === 'e' && d.base_type === c.enumDbName && d.base_schema === dbSchema && d.is_array === c.list;
        if (!ok) {
          drift.columns.push(
            `${where(c)}: type is ${d.sql_type}, schema.prisma wants enum ${c.enumName}${c.list ? '[]' : ''} (${c.sqlTypeFull})`,
          );
        }
      } else if (d.sql_type !== c.sqlTypeFull) {
        drift.columns.push(
          `${where(c)}: type is ${d.sql_type}, schema.prisma (${c.prismaType}${c.list ? '[]' : ''}${c.nativeType ? ` @db.${c.nativeType.name}(${c.nativeType.args.join(',')})` : ''}) wants ${c.sqlTypeFull}`,
        );
      }
      if (c.list) {
        // Prisma creates list columns nullable; a NOT NULL list column is accepted too.
      } else if (d.nullable !== c.nullable) {
        drift.columns.push(
          `${where(c)}: column is ${d.nullable ? 'nullable' : 'NOT NULL'} but the field is ${c.optional ? `optional (${c.prismaType}?)` : `required (${c.prismaType})`}`,
        );
      }
      if (d.generated) drift.columns.push(`${where(c)}: column is GENERATED in the database; schema.prisma cannot express that`);
      const def = defaultMismatch(c, d);
      if (def) drift.columns.push(`${where(c)}: ${def}`);
    }
    const fieldColumns = new Set(t.columns.map((c) => c.column));
    for (const d of dbCols) {
      if (!fieldColumns.has(d.column)) {
        drift.columns.push(`${t.model} (${t.table}): column "${d.column}" (${d.sql_type}) exists in the database but schema.prisma has no field for it`);
      }
    }

    // Indexes: the primary key, @unique, @@unique, @@index; both ways.
    const dbIdx = new Map((indexesByTable.get(t.table) ?? []).map((i) => [i.name, i]));
    const wanted = new Set([t.primaryKey, ...t.indexes].map((i) => i.name));
    for (const want of [t.primaryKey, ...t.indexes]) {
      const label = `${t.model} ${want.source}`;
      const got = dbIdx.get(want.name);
      if (!got) {
        // Probably the same index under another name.
        const sameCols = [...dbIdx.values()].find((i) => !wanted.has(i.name) && isDeepStrictEqual(i.columns, want.columns));
        drift.indexes.push(
          `${label}: ${want.kind === 'primary' ? 'primary key' : want.kind === 'unique' ? 'unique index' : 'index'} "${want.name}" on ${list(want.columns)} is missing` +
            (sameCols ? ` (the database has "${sameCols.name}" on those columns; Prisma names it "${want.name}")` : ''),
        );
        continue;
      }
      if (!isDeepStrictEqual(got.columns, want.columns)) {
        drift.indexes.push(`${label}: "${want.name}" is on ${list(got.columns)}, schema.prisma wants ${list(want.columns)}`);
      }
      if (want.kind === 'primary' && !got.is_primary) drift.indexes.push(`${label}: "${want.name}" is not the table's primary key`);
      if (want.kind !== 'primary' && got.is_primary) drift.indexes.push(`${label}: "${want.name}" is the primary key, schema.prisma wants a plain index`);
      const wantUnique = want.kind !== 'index';
      if (got.is_unique !== wantUnique) {
        drift.indexes.push(`${label}: "${want.name}" is ${got.is_unique ? 'UNIQUE' : 'not unique'}, schema.prisma wants ${wantUnique ? 'UNIQUE' : 'a non-unique index'}`);
      }
      if (got.method !== want.method) drift.indexes.push(`${label}: "${want.name}" uses ${got.method}, schema.prisma wants ${want.method}`);
      if (!isDeepStrictEqual(got.descending, want.descending)) {
        drift.indexes.push(`${label}: "${want.name}" sort order (DESC flags ${JSON.stringify(got.descending)}) differs from schema.prisma (${JSON.stringify(want.descending)})`);
      }
      if (!isDeepStrictEqual(got.opclasses, want.opclasses)) {
        drift.indexes.push(`${label}: "${want.name}" operator classes ${JSON.stringify(got.opclasses)} differ from schema.prisma (${JSON.stringify(want.opclasses)})`);
      }
      if (got.partial) drift.indexes.push(`${label}: "${want.name}" is a partial index (WHERE ...); schema.prisma cannot express that`);
      if (got.included.length) drift.indexes.push(`${label}: "${want.name}" INCLUDEs ${list(got.included)}; schema.prisma cannot express that`);
    }
    for (const i of dbIdx.values()) {
      if (!wanted.has(i.name)) {
        drift.indexes.push(
          `${t.model} (${t.table}): ${i.is_unique ? 'unique ' : ''}index "${i.name}" on ${list(i.columns)} exists in the database but not in schema.prisma (add @@index/@@unique or drop it)`,
        );
      }
    }

    // Foreign keys, both ways.
    const dbFk = new Map((fksByTable.get(t.table) ?? []).map((f) => [f.name, f]));
    for (const want of t.foreignKeys) {
      const label = `${t.model}.${want.relationField} @relation(fields: [${want.fields.join(', ')}])`;
      const got = dbFk.get(want.name);
      if (!got) {
        drift.foreignKeys.push(`${label}: foreign key "${want.name}" ${list(want.columns)} → ${want.referencedTable}${list(want.referencedColumns)} is missing`);
        continue;
      }
      if (!isDeepStrictEqual(got.columns, want.columns)) drift.foreignKeys.push(`${label}: "${want.name}" is on ${list(got.columns)}, schema.prisma wants ${list(want.columns)}`);
      if (got.ref_table !== want.referencedTable || got.ref_schema !== dbSchema || !isDeepStrictEqual(got.ref_columns, want.referencedColumns)) {
        drift.foreignKeys.push(
          `${label}: "${want.name}" references ${got.ref_schema}.${got.ref_table}${list(got.ref_columns)}, schema.prisma wants ${want.referencedTable}${list(want.referencedColumns)}`,
        );
      }
      const onDelete = PG_ACTIONS[got.on_delete] ?? got.on_delete;
      const onUpdate = PG_ACTIONS[got.on_update] ?? got.on_update;
      if (onDelete !== want.onDelete) drift.foreignKeys.push(`${label}: "${want.name}" is ON DELETE ${onDelete}, schema.prisma wants onDelete: ${want.onDelete}`);
      if (onUpdate !== want.onUpdate) drift.foreignKeys.push(`${label}: "${want.name}" is ON UPDATE ${onUpdate}, schema.prisma wants onUpdate: ${want.onUpdate}`);
    }
    const wantedFks = new Set(t.foreignKeys.map((f) => f.name));
    for (const f of dbFk.values()) {
      if (!wantedFks.has(f.name)) {
        drift.foreignKeys.push(
          `${t.model} (${t.table}): foreign key "${f.name}" ${list(f.columns)} → ${f.ref_table}${list(f.ref_columns)} exists in the database but no @relation in schema.prisma declares it`,
        );
      }
    }
  }

  // Enums, both ways, labels in order.
  const dbEnums = new Map(cat.enums.map((e) => [e.name, e]));
  for (const e of schema.enums) {
    const got = dbEnums.get(e.dbName);
    const want = e.values.map((v) => v.dbLabel);
    if (!got) drift.enums.push(`enum ${e.name}: type "${e.dbName}" does not exist in the database`);
    else if (!isDeepStrictEqual(got.labels, want)) {
      drift.enums.push(`enum ${e.name} ("${e.dbName}"): the database has labels ${JSON.stringify(got.labels)}, schema.prisma wants ${JSON.stringify(want)} (in that order)`);
    }
  }
  const schemaEnums = new Set(schema.enums.map((e) => e.dbName));
  for (const e of cat.enums) {
    if (!schemaEnums.has(e.name)) drift.enums.push(`enum type "${e.name}" ${JSON.stringify(e.labels)} exists in the database but not in schema.prisma`);
  }
  return drift;
}

async function findDrift(schema: ParsedSchema, db: Queryable, dbSchema: string): Promise<Drift> {
  return compare(schema, await readCatalogue(db, dbSchema), dbSchema);
}

const allProblems = (d: Drift) => [...d.tables, ...d.columns, ...d.indexes, ...d.foreignKeys, ...d.enums];

/** Problems in `d` that `base` does not have, so the canaries work even while real drift exists. */
function added(d: Drift, base: Drift): Drift {
  const only = (xs: string[], ys: string[]) => xs.filter((x) => !ys.includes(x));
  return {
    tables: only(d.tables, base.tables),
    columns: only(d.columns, base.columns),
    indexes: only(d.indexes, base.indexes),
    foreignKeys: only(d.foreignKeys, base.foreignKeys),
    enums: only(d.enums, base.enums),
  };
}

// ---------------------------------------------------------------------------------------------
// Round trip through the Prisma client.

type Row = Record<string, unknown>;
type Delegate = {
  create(args: { data: Row }): Promise<Row>;
  findUniqueOrThrow(args: { where: Row }): Promise<Row>;
  delete(args: { where: Row }): Promise<Row>;
};

const delegateName = (model: string) => model.charAt(0).toLowerCase() + model.slice(1);

/** Create order: a model after every model it references (optional references may be left empty in a cycle). */
function createOrder(schema: ParsedSchema): TableSpec[] {
  const remaining = [...schema.tables];
  const done = new Set<string>();
  const order: TableSpec[] = [];
  while (remaining.length) {
    const ready = (strict: boolean) =>
      remaining.findIndex((t) =>
        t.foreignKeys.every((fk) => {
          if (fk.referencedModel === t.model || done.has(fk.referencedModel)) return true;
          return !strict && fk.columns.every((col) => t.columns.find((c) => c.column === col)?.optional);
        }),
      );
    let i = ready(true);
    if (i < 0) i = ready(false);
    if (i < 0) throw new Error(`cannot order models for the round trip: ${remaining.map((t) => t.model).join(', ')} reference each other through required relations`);
    const [t] = remaining.splice(i, 1);
    if (!t) break;
    order.push(t);
    done.add(t.model);
  }
  return order;
}

/** A value for one element of the column's type: never the @default, distinct per field. */
function sampleElement(schema: ParsedSchema, c: ColumnSpec, n: number, offset: number): unknown {
  if (c.isEnum) {
    const e = schema.enums.find((x) => x.name === c.enumName);
    if (!e || e.values.length === 0) throw new Error(`enum ${c.enumName} has no values`);
    const def = c.default?.kind === 'literal' ? c.default.value : undefined;
    const candidates = e.values.filter((v) => v.dbLabel !== def);
    // Prefer a value whose database label differs from its name, so @map is exercised.
    const mapped = candidates.filter((v) => v.dbLabel !== v.name);
    const pool = mapped.length ? mapped : candidates.length ? candidates : e.values;
    return pool[(n + offset) % pool.length]?.name;
  }
  const native = c.nativeType?.name;
  switch (c.scalar) {
    case 'String': {
      const s = native === 'Uuid' ? crypto.randomUUID() : `${uniq(`${c.model}.${c.field}`)}-${offset} ‘quoted’ "x"`;
      const max = native === 'VarChar' || native === 'Char' ? Number(c.nativeType?.args[0] ?? '1') : Infinity;
      return native === 'Char' ? s.slice(0, max).padEnd(max, 'x') : s.slice(0, max);
    }
    case 'Int':
      return native === 'SmallInt' ? 1000 + n * 3 + offset : 1_000_003 + n * 1009 + offset;
    case 'BigInt':
      return 9_007_199_254_740_993n + BigInt(n * 1009 + offset); // beyond 2^53: no float on the way
    case 'Float':
      return native === 'Real' ? n + 0.5 + offset : n * 1009 + offset + 0.1234567890123;
    case 'Decimal':
      return `${n * 1009 + offset}.125`;
    case 'Boolean': {
      const def = c.default?.kind === 'literal' ? c.default.value : null;
      if (def !== null) return def !== 'true';
      return (n + offset) % 2 === 0;
    }
    case 'DateTime': {
      const precision = Number(c.nativeType?.args[0] ?? '3');
      const ms = native === 'Date' ? 0 : precision >= 3 ? 789 : 0;
      const day = native === 'Date' ? 0 : 4 * 3600_000 + 5 * 60_000 + 6000 + ms;
      if (native === 'Time' || native === 'Timetz') throw new Error(`${c.model}.${c.field}: time columns are not supported by the round trip yet`);
      return new Date(Date.UTC(2001, 1, 3) + (n * 3 + offset) * 86_400_000 + day);
    }
    case 'Json':
      return { probe: `${c.model}.${c.field}`, n: n + offset, nested: { list: [1, 'two', null, true, 2.5] }, text: 'héllo ✓ "quoted"' };
    case 'Bytes':
      return new Uint8Array([0, 1, 2, 250, (n + offset) % 256]);
    default:
      throw new Error(`${c.model}.${c.field}: no sample value for ${c.prismaType}`);
  }
}

function sampleValue(schema: ParsedSchema, c: ColumnSpec, n: number): unknown {
  return c.list ? [sampleElement(schema, c, n, 0), sampleElement(schema, c, n, 1)] : sampleElement(schema, c, n, 0);
}

/** A comparable form of a client value: Dates, bigints, bytes and Decimals by their text. */
function normalize(v: unknown): unknown {
  if (v instanceof Date) return `Date(${Number.isNaN(v.getTime()) ? 'invalid' : v.toISOString()})`;
  if (typeof v === 'bigint') return `${v}n`;
  if (v instanceof Uint8Array) return `bytes(${Buffer.from(v).toString('hex')})`;
  if (Array.isArray(v)) return v.map(normalize);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.toFixed === 'function' && 'd' in o && 'e' in o) return `Decimal(${String(v)})`;
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, normalize(x)]));
  }
  return v;
}

const show = (v: unknown) => JSON.stringify(normalize(v));

/** How the database should hold the value the client wrote (text as selected by rawSelect). */
function dbMatches(schema: ParsedSchema, c: ColumnSpec, written: unknown, dbText: string | null): boolean {
  if (dbText === null) return written === null || written === undefined;
  const element = (w: unknown, got: unknown): boolean => {
    if (c.isEnum) {
      const e = schema.enums.find((x) => x.name === c.enumName);
      return got === e?.values.find((v) => v.name === w)?.dbLabel;
    }
    switch (c.scalar) {
      case 'DateTime': {
        const s = String(got);
        const parsed = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(s) || c.nativeType?.name === 'Date' ? s : `${s}Z`);
        return w instanceof Date && parsed === w.getTime();
      }
      case 'BigInt':
        return String(got) === String(w);
      case 'Float':
      case 'Decimal':
      case 'Int':
        return Number(got) === Number(w);
      case 'Boolean':
        return got === w || got === String(w);
      case 'Bytes':
        return typeof got === 'string' && got === `\\x${Buffer.from(w as Uint8Array).toString('hex')}`;
      default:
        return got === w;
    }
  };
  if (c.list) {
    const arr = JSON.parse(dbText) as unknown[];
    return Array.isArray(written) && arr.length === written.length && arr.every((g, i) => element(written[i], g));
  }
  if (c.scalar === 'Json') return isDeepStrictEqual(JSON.parse(dbText), written);
  return element(written, dbText);
}

/** SELECT expression giving each column as text that dbMatches understands. */
function rawSelect(c: ColumnSpec): string {
  const q = `"${c.column.replace(/"/g, '""')}"`;
  if (c.list) return `to_json(${q})::text`;
  if (c.scalar === 'DateTime') return `to_json(${q}) #>> '{}'`;
  return `${q}::text`;
}

// ---------------------------------------------------------------------------------------------

let schemaSource = '';
let schema: ParsedSchema;
let databaseUrl = '';
let client: pg.Client;
let drift: Drift;

beforeAll(async () => {
  databaseUrl = inject('databaseUrl');
  assertTestDatabaseUrl(databaseUrl);
  schemaSource = fs.readFileSync(SCHEMA_PATH, 'utf8');
  schema = parsePrismaSchema(schemaSource);
  client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  drift = await findDrift(schema, client, 'public');
});

afterAll(async () => {
  await client?.end();
  await disconnectPrisma();
});

describe('schema.prisma and prisma/migrations agree', () => {
  it('describes at least one model and enum (the parser read the schema)', () => {
    expect(schema.tables.length).toBeGreaterThan(0);
    expect(schema.enums.length).toBeGreaterThan(0);
  });

  it('every model has its table, and every table in the public schema has a model', () => {
    expect(drift.tables).toEqual([]);
  });

  it('every scalar field has its column with the same type, nullability and default, and no column is extra', () => {
    expect(drift.columns).toEqual([]);
  });

  it('every primary key, @unique, @@unique and @@index exists by its Prisma name, columns in order, and no index is extra', () => {
    expect(drift.indexes).toEqual([]);
  });

  it('every relation has its foreign key with the right columns, target and actions, and no foreign key is extra', () => {
    expect(drift.foreignKeys).toEqual([]);
  });

  it('every enum exists with the same labels in the same order, and no enum is extra', () => {
    expect(drift.enums).toEqual([]);
  });

  it('the Prisma client writes and reads back every scalar field of every model', async () => {
    const db = testDb() as unknown as Record<string, Delegate | undefined>;
    const problems: string[] = [];
    const created: { t: TableSpec; where: Row }[] = [];
    const rows = new Map<string, Row>();
    let n = 0; // counts fields, so no two fields get the same value and a swapped mapping shows
    try {
      for (const t of createOrder(schema)) {
        const delegate = db[delegateName(t.model)];
        if (!delegate || typeof delegate.create !== 'function') {
          problems.push(`${t.model}: the generated client has no "${delegateName(t.model)}" model (regenerate it: npx prisma generate)`);
          continue;
        }
        const data: Row = {};
        const skipped: string[] = [];
        for (const c of t.columns) {
          if (c.default?.kind === 'autoincrement' || c.default?.kind === 'dbgenerated') {
            skipped.push(c.field);
            continue;
          }
          const fk = t.foreignKeys.find((f) => f.columns.includes(c.column));
          if (fk) {
            const parent = rows.get(fk.referencedModel);
            const refField = schema.tables.find((x) => x.model === fk.referencedModel)?.columns.find(
              (x) => x.column === fk.referencedColumns[fk.columns.indexOf(c.column)],
            )?.field;
            if (parent && refField) data[c.field] = parent[refField];
            else if (c.optional) data[c.field] = null;
            else problems.push(`${t.model}.${c.field}: no ${fk.referencedModel} row to reference`);
            continue;
          }
          data[c.field] = sampleValue(schema, c, ++n);
        }

        let row: Row;
        try {
          row = await delegate.create({ data });
        } catch (e) {
          problems.push(`${t.model}: create with every field set failed: ${(e as Error).message.trim().split('\n').slice(-3).join(' ')}`);
          continue;
        }
        const where: Row =
          t.primaryKey.fields.length === 1
            ? { [t.primaryKey.fields[0] ?? '']: row[t.primaryKey.fields[0] ?? ''] }
            : { [t.primaryKey.fields.join('_')]: Object.fromEntries(t.primaryKey.fields.map((f) => [f, row[f]])) };
        created.push({ t, where });
        rows.set(t.model, row);

        // Read back through the client.
        const back = await delegate.findUniqueOrThrow({ where });
        for (const c of t.columns) {
          if (!(c.field in back)) {
            problems.push(`${t.model}.${c.field}: the client did not return the field (is the generated client stale? npx prisma generate)`);
            continue;
          }
          if (skipped.includes(c.field)) continue;
          if (!isDeepStrictEqual(normalize(back[c.field]), normalize(data[c.field]))) {
            problems.push(`${t.model}.${c.field}: wrote ${show(data[c.field])}, read back ${show(back[c.field])}`);
          }
        }
        const known = new Set([...t.columns.map((c) => c.field)]);
        for (const k of Object.keys(back)) {
          if (!known.has(k)) problems.push(`${t.model}.${k}: the client returns a field schema.prisma lacks (is the generated client stale? npx prisma generate)`);
        }

        // And straight from the table: each value sits in the column schema.prisma maps it to.
        const pkWhere = t.primaryKey.columns.map((col, i) => `"${col.replace(/"/g, '""')}" = $${i + 1}`).join(' AND ');
        const pkValues = t.primaryKey.fields.map((f) => {
          const v = back[f];
          return typeof v === 'bigint' ? v.toString() : v;
        });
        const sel = t.columns.map((c, i) => `${rawSelect(c)} AS c${i}`).join(', ');
        const raw = await client.query<Record<string, string | null>>(`SELECT ${sel} FROM "${t.table.replace(/"/g, '""')}" WHERE ${pkWhere}`, pkValues);
        const rawRow = raw.rows[0];
        if (!rawRow) {
          problems.push(`${t.model}: the row the client created is not in table "${t.table}"`);
          continue;
        }
        t.columns.forEach((c, i) => {
          if (skipped.includes(c.field)) return;
          const dbText = rawRow[`c${i}`] ?? null;
          if (!dbMatches(schema, c, data[c.field], dbText)) {
            problems.push(`${t.model}.${c.field}: the client wrote ${show(data[c.field])} but column ${t.table}.${c.column} holds ${JSON.stringify(dbText)}`);
          }
        });
      }
    } finally {
      for (const { t, where } of created.reverse()) {
        await db[delegateName(t.model)]?.delete({ where }).catch(() => {}); // a cascade may have removed it already
      }
    }
    expect(problems).toEqual([]);
  });
});

// The checks above pass when nothing drifted. These make sure they would fail if something did.
describe('the drift check catches drift', () => {
  it('in the migrations: columns, types, nullability, defaults, indexes, foreign keys, enums and tables', async () => {
    // A private copy of the migrated schema, changed by hand, then compared with schema.prisma.
    const scratch = `drift_canary_${crypto.randomBytes(4).toString('hex')}`;
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    try {
      const migrations = readMigrations();
      for (const m of migrations) {
        // Unqualified names land in the scratch schema; a migration naming "public" would not.
        expect(m.sql, `${m.name} names the public schema; the canary cannot copy it`).not.toMatch(/"?public"?\s*\./i);
      }
      await c.query(`CREATE SCHEMA "${scratch}"`);
      await c.query(`SET search_path TO "${scratch}"`);
      for (const m of migrations) await c.query(m.sql);
      const baseline = await findDrift(schema, c, scratch);
      expect(allProblems(baseline).sort(), 'the scratch copy of the migrations must look like the migrated database').toEqual(allProblems(drift).sort());

      // Pick targets from the schema itself, so the canary follows the schema as it grows.
      const t = schema.tables.find((x) => x.indexes.length > 0 && x.foreignKeys.length > 0 && x.columns.some((col) => !col.nullable && !col.id && !col.default));
      if (!t) throw new Error('no model with an index, a foreign key and a required column to break');
      const required = t.columns.find((col) => !col.nullable && !col.id && !col.default && !t.foreignKeys.some((f) => f.columns.includes(col.column)));
      // An enum label no default uses, so renaming it changes only the enum.
      const usedLabels = new Set(
        schema.tables.flatMap((x) => x.columns).flatMap((col) => (col.default?.kind === 'literal' ? [col.default.value] : col.default?.kind === 'list' ? col.default.values : [])),
      );
      const en = schema.enums.find((e) => e.values.some((v) => !usedLabels.has(v.dbLabel)));
      const label = en?.values.find((v) => !usedLabels.has(v.dbLabel));
      const defaulted = t.columns.find((col) => col.default?.kind === 'literal');
      const isFk = (col: ColumnSpec) => t.foreignKeys.some((f) => f.columns.includes(col.column));
      const retyped = t.columns.find((col) => col.scalar === 'String' && !col.list && col !== required && !isFk(col));
      const [index] = t.indexes;
      const [fk] = t.foreignKeys;
      if (!required || !defaulted || !retyped || !index || !fk || !en || !label) throw new Error(`model ${t.model} lacks a column, index or enum to break`);
      const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

      await c.query(`ALTER TABLE ${q(t.table)} ADD COLUMN "drift_canary_extra" integer`);
      await c.query(`ALTER TABLE ${q(t.table)} ALTER COLUMN ${q(required.column)} DROP NOT NULL`);
      await c.query(`ALTER TABLE ${q(t.table)} ALTER COLUMN ${q(defaulted.column)} DROP DEFAULT`);
      await c.query(`ALTER TABLE ${q(t.table)} ALTER COLUMN ${q(retyped.column)} TYPE varchar(200)`);
      await c.query(`DROP INDEX ${q(index.name)}`);
      await c.query(`ALTER TABLE ${q(t.table)} DROP CONSTRAINT ${q(fk.name)}`);
      await c.query(`ALTER TYPE ${q(en.dbName)} RENAME VALUE '${label.dbLabel.replace(/'/g, "''")}' TO 'drift_canary_label'`);
      await c.query(`CREATE TABLE "drift_canary_table" (id integer)`);
      await c.query(`CREATE TYPE "drift_canary_enum" AS ENUM ('x')`);

      const found = added(await findDrift(schema, c, scratch), baseline);
      const expectations: [string[], string][] = [
        [found.columns, `${t.model} (${t.table}): column "drift_canary_extra"`],
        [found.columns, `${t.model}.${required.field} (${t.table}.${required.column}): column is nullable but the field is required`],
        [found.columns, `${t.model}.${defaulted.field} (${t.table}.${defaulted.column}): schema.prisma has @default(`],
        [found.columns, `${t.model}.${retyped.field} (${t.table}.${retyped.column}): type is character varying(200)`],
        [found.indexes, `"${index.name}" on ${list(index.columns)} is missing`],
        [found.foreignKeys, `foreign key "${fk.name}"`],
        [found.enums, `enum ${en.name} ("${en.dbName}"): the database has labels`],
        [found.tables, 'table "drift_canary_table" exists in the database but no model'],
        [found.enums, 'enum type "drift_canary_enum"'],
      ];
      for (const [problems, needle] of expectations) {
        expect(problems.some((p) => p.includes(needle)), `expected a problem containing: ${needle}\ngot:\n${allProblems(found).join('\n')}`).toBe(true);
      }
      expect(allProblems(found)).toHaveLength(expectations.length);
    } finally {
      await c.query(`DROP SCHEMA IF EXISTS "${scratch}" CASCADE`).catch(() => {});
      await c.end();
    }
  });

  it('in schema.prisma: an extra field, model, index or enum value, and a changed type', async () => {
    const [t] = schema.tables;
    const [en] = schema.enums;
    if (!t || !en) throw new Error('schema has no model or enum');
    const edit = (find: RegExp, insert: string) => {
      const m = find.exec(schemaSource);
      if (!m) throw new Error(`cannot find ${find} in schema.prisma`);
      return schemaSource.slice(0, m.index + m[0].length) + insert + schemaSource.slice(m.index + m[0].length);
    };
    const modelOpen = new RegExp(`^model ${t.model} \\{\\n`, 'm');

    const extraField = added(await findDrift(parsePrismaSchema(edit(modelOpen, '  driftCanary String? @map("drift_canary")\n')), client, 'public'), drift);
    expect(extraField.columns).toEqual([`${t.model}.driftCanary (${t.table}.drift_canary): column is missing from the database`]);

    const firstColumn = t.columns[0];
    if (!firstColumn) throw new Error(`${t.model} has no columns`);
    const extraIndex = added(await findDrift(parsePrismaSchema(edit(modelOpen, `  @@index([${firstColumn.field}], map: "drift_canary_idx")\n`)), client, 'public'), drift);
    expect(extraIndex.indexes).toEqual([`${t.model} @@index([${firstColumn.field}], map: "drift_canary_idx"): index "drift_canary_idx" on (${firstColumn.column}) is missing`]);

    const extraModel = added(await findDrift(parsePrismaSchema(`${schemaSource}\nmodel DriftCanary {\n  id Int @id\n  @@map("drift_canary")\n}\n`), client, 'public'), drift);
    expect(extraModel.tables).toEqual(['DriftCanary: table "drift_canary" does not exist in the database (no migration creates it)']);

    const extraValue = added(await findDrift(parsePrismaSchema(edit(new RegExp(`^enum ${en.name} \\{\\n`, 'm'), '  drift_canary\n')), client, 'public'), drift);
    expect(extraValue.enums).toHaveLength(1);
    expect(extraValue.enums[0]).toContain(`enum ${en.name} ("${en.dbName}"): the database has labels`);

    // A field whose type changes (e.g. Int → BigInt, or another timestamp precision).
    const changed = structuredClone(schema);
    const col = changed.tables[0]?.columns.find((x) => !x.isEnum && !x.list);
    if (!col) throw new Error('no plain column to change');
    const before = col.sqlTypeFull;
    col.sqlTypeFull = col.sqlType = before === 'bigint' ? 'integer' : 'bigint';
    const changedType = added(compare(changed, await readCatalogue(client, 'public'), 'public'), drift);
    expect(changedType.columns).toEqual([
      expect.stringContaining(`${col.model}.${col.field} (${changed.tables[0]?.table}.${col.column}): type is ${before}`),
    ]);

    // A model removed from schema.prisma leaves its table, columns and enums unexplained.
    const fewer = structuredClone(schema);
    const removed = fewer.tables.pop();
    const missingModel = added(compare(fewer, await readCatalogue(client, 'public'), 'public'), drift);
    expect(missingModel.tables).toEqual([`table "${removed?.table}" exists in the database but no model in schema.prisma maps to it`]);
  });
});
