import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { readPrismaSchema } from '../support/prisma-schema';

// generated/kysely/ is written by `prisma generate` (the prisma-kysely generator in schema.prisma,
// run by npm's postinstall). This fails when those types no longer describe schema.prisma: a table,
// column, nullability or enum type that differs. Fix: `PRISMA_SCHEMA_ENGINE_BINARY=/bin/false npx prisma generate`.

const TYPES = path.resolve(import.meta.dirname, '../../generated/kysely/types.ts');
const ENUMS = path.resolve(import.meta.dirname, '../../generated/kysely/enums.ts');

type Col = { type: string; nullable: boolean };

function readGenerated(): { tables: Map<string, Map<string, Col>>; enums: Map<string, string[]> } {
  const src = ts.createSourceFile(TYPES, fs.readFileSync(TYPES, 'utf8'), ts.ScriptTarget.Latest, true);
  const aliases = new Map<string, ts.TypeLiteralNode>();
  for (const st of src.statements) {
    if (ts.isTypeAliasDeclaration(st) && ts.isTypeLiteralNode(st.type)) aliases.set(st.name.text, st.type);
  }
  const columnsOf = (lit: ts.TypeLiteralNode) => {
    const cols = new Map<string, Col>();
    for (const m of lit.members) {
      if (!ts.isPropertySignature(m) || !m.type) continue;
      const text = m.type.getText(src);
      cols.set((m.name as ts.Identifier).text, { type: text, nullable: /\|\s*null\b/.test(text) });
    }
    return cols;
  };
  const db = aliases.get('DB');
  if (!db) throw new Error('generated/kysely/types.ts has no DB type');
  const tables = new Map<string, Map<string, Col>>();
  for (const m of db.members) {
    if (!ts.isPropertySignature(m) || !m.type || !ts.isTypeReferenceNode(m.type)) continue;
    const alias = aliases.get(m.type.typeName.getText(src));
    if (alias) tables.set((m.name as ts.Identifier).text, columnsOf(alias));
  }
  const enums = new Map<string, string[]>();
  const esrc = ts.createSourceFile(ENUMS, fs.readFileSync(ENUMS, 'utf8'), ts.ScriptTarget.Latest, true);
  for (const st of esrc.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      let init = d.initializer;
      if (init && ts.isAsExpression(init)) init = init.expression;
      if (!init || !ts.isObjectLiteralExpression(init)) continue;
      enums.set(
        (d.name as ts.Identifier).text,
        init.properties.flatMap((p) => (ts.isPropertyAssignment(p) && ts.isStringLiteral(p.initializer) ? [p.initializer.text] : [])),
      );
    }
  }
  return { tables, enums };
}

describe('generated Kysely types', () => {
  const schema = readPrismaSchema();
  const generated = readGenerated();

  it('have exactly the tables of schema.prisma', () => {
    expect([...generated.tables.keys()].sort()).toEqual(schema.tables.map((t) => t.table).sort());
  });

  it('have every column with its nullability and enum type', () => {
    for (const t of schema.tables) {
      const cols = generated.tables.get(t.table);
      if (!cols) continue; // reported by the test above
      expect([...cols.keys()].sort(), t.table).toEqual(t.columns.map((c) => c.column).sort());
      for (const c of t.columns) {
        const g = cols.get(c.column)!;
        expect(g.nullable, `${t.table}.${c.column} nullable`).toBe(c.optional);
        if (c.isEnum) expect(g.type, `${t.table}.${c.column} type`).toContain(c.enumName!);
      }
    }
  });

  it('have every enum with the database labels', () => {
    for (const e of schema.enums) {
      expect(generated.enums.get(e.name), e.name).toEqual(e.values.map((v) => v.dbLabel));
    }
  });
});
