import { describe, expect, it } from 'vitest';
import {
  foreignKeyName,
  indexName,
  parsePrismaSchema,
  primaryKeyName,
  readPrismaSchema,
  uniqueIndexName,
  type TableSpec,
} from '../support/prisma-schema';

// The drift test trusts this parser to say what `prisma migrate` would create; these pin it down.

const SCHEMA = `
// A leading comment; generator and datasource blocks are skipped.
generator client {
  provider = "prisma-client"
  output   = "../generated/prisma"
}

datasource db {
  provider = "postgresql"
}

/// Doc comment.
enum Colour {
  red
  dark_blue @map("dark blue") // trailing comment
  GREEN

  @@map("colour_kind")
}

enum Mood {
  calm
  busy
}

model Owner {
  id        String   @id
  email     String   @unique
  handle    String   @unique(map: "owner_handle_custom")
  createdAt DateTime @default(now()) @map("created_at") @db.Timestamptz(3)
  updatedAt DateTime @default(now()) @updatedAt @map("updated_at") @db.Timestamptz(3)
  token     String   @default(uuid())

  things  Thing[]
  helping Thing[] @relation("helping")

  @@map("owner")
}

model Thing {
  id         Int       @id @default(autoincrement())
  ownerId    String    @map("owner_id")
  helperId   String?   @map("helper_id")
  title      String    @default("it's \\"x\\" // not a comment")
  code       String    @db.VarChar(12)
  weight     Float     @default(-1.5)
  big        BigInt    @default(0)
  done       Boolean   @default(false)
  colour     Colour    @default(dark_blue)
  moods      Mood[]
  tags       String[]  @default([])
  meta       Json      @default("{}")
  maybe      Json?
  seenAt     DateTime? @map("seen_at") @db.Timestamptz(3)
  plain      DateTime
  blob       Bytes?
  price      Decimal?

  owner  Owner  @relation(fields: [ownerId], references: [id], onDelete: Cascade)
  helper Owner? @relation("helping", fields: [helperId], references: [id])
  links  Link[]

  @@unique([ownerId, code])
  @@index([ownerId, seenAt(sort: Desc)])
  @@index([tags], type: Gin)
  @@index([
    colour,
    id
  ])
  @@map("thing")
}

model Link {
  thingId Int    @map("thing_id")
  slot    Int
  note    String?

  thing Thing @relation(fields: [thingId], references: [id])

  @@id([thingId, slot])
}
`;

const parsed = parsePrismaSchema(SCHEMA);
const table = (model: string): TableSpec => {
  const t = parsed.tables.find((x) => x.model === model);
  if (!t) throw new Error(`no model ${model}`);
  return t;
};
const column = (model: string, field: string) => {
  const c = table(model).columns.find((x) => x.field === field);
  if (!c) throw new Error(`no field ${model}.${field}`);
  return c;
};

describe('parsePrismaSchema', () => {
  it('reads enums with their database names and labels, in order', () => {
    expect(parsed.enums).toEqual([
      {
        name: 'Colour',
        dbName: 'colour_kind',
        values: [
          { name: 'red', dbLabel: 'red' },
          { name: 'dark_blue', dbLabel: 'dark blue' },
          { name: 'GREEN', dbLabel: 'GREEN' },
        ],
      },
      { name: 'Mood', dbName: 'Mood', values: [{ name: 'calm', dbLabel: 'calm' }, { name: 'busy', dbLabel: 'busy' }] },
    ]);
  });

  it('maps models to tables and keeps only scalar fields as columns', () => {
    expect(parsed.tables.map((t) => [t.model, t.table])).toEqual([
      ['Owner', 'owner'],
      ['Thing', 'thing'],
      ['Link', 'Link'],
    ]);
    expect(table('Owner').columns.map((c) => c.column)).toEqual(['id', 'email', 'handle', 'created_at', 'updated_at', 'token']);
    expect(table('Owner').relationFields).toEqual([
      { name: 'things', type: 'Thing', optional: false, list: true },
      { name: 'helping', type: 'Thing', optional: false, list: true },
    ]);
    expect(table('Thing').relationFields.map((r) => r.name)).toEqual(['owner', 'helper', 'links']);
  });

  it('gives each column its SQL type, nullability and list-ness', () => {
    const t = (field: string) => {
      const c = column('Thing', field);
      return [c.sqlTypeFull, c.nullable, c.list, c.optional];
    };
    expect(t('id')).toEqual(['integer', false, false, false]);
    expect(t('ownerId')).toEqual(['text', false, false, false]);
    expect(t('helperId')).toEqual(['text', true, false, true]);
    expect(t('code')).toEqual(['character varying(12)', false, false, false]);
    expect(t('weight')).toEqual(['double precision', false, false, false]);
    expect(t('big')).toEqual(['bigint', false, false, false]);
    expect(t('done')).toEqual(['boolean', false, false, false]);
    expect(t('colour')).toEqual(['colour_kind', false, false, false]);
    expect(t('moods')).toEqual(['"Mood"[]', true, true, false]); // Prisma makes list columns nullable
    expect(t('tags')).toEqual(['text[]', true, true, false]);
    expect(t('meta')).toEqual(['jsonb', false, false, false]);
    expect(t('maybe')).toEqual(['jsonb', true, false, true]);
    expect(t('seenAt')).toEqual(['timestamp(3) with time zone', true, false, true]);
    expect(t('plain')).toEqual(['timestamp(3) without time zone', false, false, false]); // Prisma's default
    expect(t('blob')).toEqual(['bytea', true, false, true]);
    expect(t('price')).toEqual(['numeric(65,30)', true, false, true]);

    const colour = column('Thing', 'colour');
    expect([colour.isEnum, colour.enumName, colour.enumDbName, colour.scalar]).toEqual([true, 'Colour', 'colour_kind', null]);
    expect(column('Thing', 'seenAt').column).toBe('seen_at');
    expect(column('Thing', 'seenAt').nativeType).toEqual({ name: 'Timestamptz', args: ['3'] });
  });

  it('reads defaults in their database form, and tells database defaults from client ones', () => {
    const d = (model: string, field: string) => [column(model, field).default, column(model, field).hasDbDefault];
    expect(d('Thing', 'id')).toEqual([{ kind: 'autoincrement' }, true]);
    expect(d('Thing', 'title')).toEqual([{ kind: 'literal', value: 'it\'s "x" // not a comment' }, true]);
    expect(d('Thing', 'weight')).toEqual([{ kind: 'literal', value: '-1.5' }, true]);
    expect(d('Thing', 'big')).toEqual([{ kind: 'literal', value: '0' }, true]);
    expect(d('Thing', 'done')).toEqual([{ kind: 'literal', value: 'false' }, true]);
    expect(d('Thing', 'colour')).toEqual([{ kind: 'literal', value: 'dark blue' }, true]); // the @map label
    expect(d('Thing', 'tags')).toEqual([{ kind: 'list', values: [] }, true]);
    expect(d('Thing', 'meta')).toEqual([{ kind: 'literal', value: '{}' }, true]);
    expect(d('Thing', 'code')).toEqual([null, false]);
    expect(d('Owner', 'createdAt')).toEqual([{ kind: 'now' }, true]);
    expect(d('Owner', 'token')).toEqual([{ kind: 'client', fn: 'uuid()' }, false]);
    expect(column('Owner', 'token').hasDefault).toBe(true);
    expect(column('Owner', 'updatedAt').updatedAt).toBe(true);
    expect(column('Owner', 'createdAt').updatedAt).toBe(false);
  });

  it('names primary keys, unique indexes and indexes by Prisma’s convention, with database column names', () => {
    expect(table('Owner').primaryKey).toMatchObject({ name: 'owner_pkey', kind: 'primary', columns: ['id'] });
    expect(table('Link').primaryKey).toMatchObject({ name: 'Link_pkey', kind: 'primary', fields: ['thingId', 'slot'], columns: ['thing_id', 'slot'] });
    expect(table('Owner').indexes.map((i) => [i.name, i.kind, i.columns])).toEqual([
      ['owner_email_key', 'unique', ['email']],
      ['owner_handle_custom', 'unique', ['handle']],
    ]);
    expect(table('Thing').indexes.map((i) => [i.name, i.kind, i.columns, i.descending, i.method])).toEqual([
      ['thing_owner_id_code_key', 'unique', ['owner_id', 'code'], [false, false], 'btree'],
      ['thing_owner_id_seen_at_idx', 'index', ['owner_id', 'seen_at'], [false, true], 'btree'],
      ['thing_tags_idx', 'index', ['tags'], [false], 'gin'],
      ['thing_colour_id_idx', 'index', ['colour', 'id'], [false, false], 'btree'], // written over several lines
    ]);
  });

  it('describes foreign keys with Prisma’s names and default referential actions', () => {
    expect(table('Thing').foreignKeys).toEqual([
      {
        name: 'thing_owner_id_fkey',
        table: 'thing',
        relationField: 'owner',
        fields: ['ownerId'],
        columns: ['owner_id'],
        referencedModel: 'Owner',
        referencedTable: 'owner',
        referencedColumns: ['id'],
        onDelete: 'Cascade',
        onUpdate: 'Cascade',
      },
      expect.objectContaining({ name: 'thing_helper_id_fkey', columns: ['helper_id'], onDelete: 'SetNull', onUpdate: 'Cascade' }),
    ]);
    // A required relation without onDelete defaults to Restrict.
    expect(table('Link').foreignKeys).toEqual([
      expect.objectContaining({ name: 'Link_thing_id_fkey', columns: ['thing_id'], referencedTable: 'thing', onDelete: 'Restrict' }),
    ]);
  });

  it('truncates long names the way Prisma does (63 bytes, suffix kept)', () => {
    const long = 'a_table_with_a_rather_long_name_for_testing';
    const cols = ['first_long_column_name', 'second_long_column_name'];
    expect(indexName(long, cols)).toBe(`${`${long}_${cols.join('_')}`.slice(0, 59)}_idx`);
    expect(indexName(long, cols)).toHaveLength(63);
    expect(uniqueIndexName(long, cols)).toHaveLength(63);
    expect(uniqueIndexName(long, cols).endsWith('_key')).toBe(true);
    expect(foreignKeyName(long, cols)).toBe(`${`${long}_${cols.join('_')}`.slice(0, 58)}_fkey`);
    expect(primaryKeyName('x'.repeat(70))).toBe(`${'x'.repeat(58)}_pkey`);
    expect(indexName('t', ['a', 'b'])).toBe('t_a_b_idx');
  });

  it('refuses what it does not understand instead of guessing', () => {
    const model = (body: string) => `model M {\n  id Int @id\n${body}\n}\n`;
    expect(() => parsePrismaSchema(model('  x Strin'))).toThrow(/unknown type "Strin"/);
    expect(() => parsePrismaSchema(model('  x String @ignore'))).toThrow(/@ignore is not supported/);
    expect(() => parsePrismaSchema(model('  x DateTime @db.Timestamptz'))).toThrow(/precision explicitly/);
    expect(() => parsePrismaSchema(model('  x String @db.Money'))).toThrow(/does not apply to String/);
    expect(() => parsePrismaSchema(model('  x String @db.Fancy'))).toThrow(/@db.Fancy is not supported/);
    expect(() => parsePrismaSchema(model('  x Int @default(sequence())'))).toThrow(/sequence\(\) is not supported/);
    expect(() => parsePrismaSchema(model('  x Int @default("1")'))).toThrow(/must be a number/);
    expect(() => parsePrismaSchema(model('  x Int\n  @@fulltext([x])'))).toThrow(/@@fulltext/);
    expect(() => parsePrismaSchema(model('  x Int\n  @@index([y])'))).toThrow(/"y", which is not a scalar field/);
    expect(() => parsePrismaSchema(model('  x Int @map("id")'))).toThrow(/two fields map to column "id"/);
    expect(() => parsePrismaSchema('view V {\n  id Int @id\n}\n')).toThrow(/"view" blocks are not supported/);
    expect(() => parsePrismaSchema('model M {\n  x Int\n}\n')).toThrow(/no @id/);
    expect(() => parsePrismaSchema('model M {\n  id Int @id\n')).toThrow(/not closed/);
  });

  it('parses the project’s prisma/schema.prisma', () => {
    const real = readPrismaSchema();
    expect(real.tables.length).toBeGreaterThan(0);
    for (const t of real.tables) {
      expect(t.primaryKey.name, t.model).toBe(primaryKeyName(t.table));
      for (const c of t.columns) expect(c.sqlTypeFull, `${t.model}.${c.field}`).not.toBe('');
    }
  });
});
