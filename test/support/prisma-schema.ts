import fs from 'node:fs';
import path from 'node:path';

// A parser for prisma/schema.prisma, just large enough for this project's schema style, that
// says what PostgreSQL objects `prisma migrate` would create for it: tables, columns, indexes,
// foreign keys and enums, named by Prisma's conventions. test/integration/schema-drift.test.ts
// compares that description with the database our hand-written migrations build.
//
// It refuses (throws) anything it does not understand rather than guessing, so a schema feature
// it cannot describe turns into a loud test failure instead of an unchecked column.

export const SCHEMA_PATH = path.resolve(import.meta.dirname, '../../prisma/schema.prisma');

/** PostgreSQL's identifier limit (NAMEDATALEN - 1), which Prisma's constraint names respect. */
const PG_MAX_IDENTIFIER = 63;

export const SCALAR_TYPES = ['String', 'Int', 'BigInt', 'Float', 'Decimal', 'Boolean', 'DateTime', 'Json', 'Bytes'] as const;
export type ScalarType = (typeof SCALAR_TYPES)[number];

// ---------------------------------------------------------------------------------------------
// Attribute argument values, as written in the schema.

export type Value =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: string }
  | { kind: 'ident'; name: string }
  | { kind: 'call'; name: string; args: Arg[] }
  | { kind: 'array'; items: Value[] };
export type Arg = { name?: string; value: Value };
export type Attribute = { name: string; args: Arg[] };

// ---------------------------------------------------------------------------------------------
// The structured description.

/** What the column's default is, as far as the database is concerned. */
export type DefaultSpec =
  | { kind: 'autoincrement' } // a sequence: nextval(...)
  | { kind: 'now' } // CURRENT_TIMESTAMP
  | { kind: 'literal'; value: string } // a scalar literal, in its database text form (enum → db label)
  | { kind: 'list'; values: string[] } // a scalar-list literal
  | { kind: 'dbgenerated'; expression: string } // any database expression
  | { kind: 'client'; fn: string }; // uuid(), cuid(), ...: filled by the client, no database default

export type ColumnSpec = {
  model: string;
  field: string;
  column: string;
  /** The Prisma type as written without modifiers: a scalar type name or an enum name. */
  prismaType: string;
  scalar: ScalarType | null;
  isEnum: boolean;
  enumName: string | null;
  /** The enum's database type name (after @@map), when isEnum. */
  enumDbName: string | null;
  optional: boolean;
  list: boolean;
  /** Whether `prisma migrate` makes the column nullable: optional fields and (always) lists. */
  nullable: boolean;
  /** The element type as PostgreSQL's format_type() prints it (for an enum: its db name, unquoted). */
  sqlType: string;
  /** The full type as format_type() prints it: sqlType, plus `[]` for lists (enums: quoted as needed). */
  sqlTypeFull: string;
  default: DefaultSpec | null;
  /** Whether the database holds a default for the column (client-side defaults do not count). */
  hasDbDefault: boolean;
  /** Any @default, including client-side ones: Prisma's client may omit the field on create. */
  hasDefault: boolean;
  updatedAt: boolean;
  id: boolean;
  unique: boolean;
  nativeType: { name: string; args: string[] } | null;
};

export type IndexSpec = {
  name: string;
  table: string;
  kind: 'primary' | 'unique' | 'index';
  fields: string[];
  columns: string[];
  /** Per column: true when declared `sort: Desc`. */
  descending: boolean[];
  /** Access method; Prisma's default is btree. */
  method: string;
  /** Per column: the operator class named by `ops: raw("…")`, else null (the type's default). */
  opclasses: (string | null)[];
  /** Where it was declared, for messages: e.g. `@@index([datasetId, id])`. */
  source: string;
};

export type ReferentialAction = 'Cascade' | 'Restrict' | 'NoAction' | 'SetNull' | 'SetDefault';

export type ForeignKeySpec = {
  name: string;
  table: string;
  relationField: string;
  fields: string[];
  columns: string[];
  referencedModel: string;
  referencedTable: string;
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
};

export type RelationFieldSpec = { name: string; type: string; optional: boolean; list: boolean };

export type TableSpec = {
  model: string;
  table: string;
  columns: ColumnSpec[];
  primaryKey: IndexSpec;
  /** @unique, @@unique and @@index; the primary key is separate. */
  indexes: IndexSpec[];
  foreignKeys: ForeignKeySpec[];
  relationFields: RelationFieldSpec[];
};

export type EnumValueSpec = { name: string; dbLabel: string };
export type EnumSpec = { name: string; dbName: string; values: EnumValueSpec[] };

export type ParsedSchema = { tables: TableSpec[]; enums: EnumSpec[] };

// ---------------------------------------------------------------------------------------------
// Naming conventions (prisma-engines psl-core ConstraintNames, PostgreSQL limit of 63 bytes).

function truncateBytes(s: string, maxBytes: number): string {
  if (Buffer.byteLength(s) <= maxBytes) return s;
  let out = '';
  for (const ch of s) {
    if (Buffer.byteLength(out + ch) > maxBytes) break;
    out += ch;
  }
  return out;
}

function joinedName(table: string, columns: string[], suffix: string): string {
  const joined = `${table}_${columns.join('_')}`;
  const limit = PG_MAX_IDENTIFIER - suffix.length;
  return (Buffer.byteLength(joined) >= limit ? truncateBytes(joined, limit) : joined) + suffix;
}

export function primaryKeyName(table: string): string {
  const limit = PG_MAX_IDENTIFIER - 5;
  return (Buffer.byteLength(table) >= limit ? truncateBytes(table, limit) : table) + '_pkey';
}
export const uniqueIndexName = (table: string, columns: string[]) => joinedName(table, columns, '_key');
export const indexName = (table: string, columns: string[]) => joinedName(table, columns, '_idx');
export const foreignKeyName = (table: string, columns: string[]) => joinedName(table, columns, '_fkey');

/** How format_type() prints a type name: quoted unless it is a plain lower-case identifier. */
export function quoteIdentLikePg(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

// ---------------------------------------------------------------------------------------------
// Lexing helpers.

export class PrismaSchemaError extends Error {
  constructor(message: string, line?: number) {
    super(line === undefined ? message : `schema.prisma line ${line}: ${message}`);
    this.name = 'PrismaSchemaError';
  }
}

/** Drops `//` and `///` comments (outside string literals). */
function stripComment(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '/' && line[i + 1] === '/') return line.slice(0, i);
  }
  return line;
}

/** Net count of unclosed ( and [ on a line, ignoring string contents. */
function bracketDepth(line: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
  }
  return depth;
}

/** Recursive-descent reader for one line's tokens: names, types, attributes and their arguments. */
class Cursor {
  pos = 0;
  constructor(
    readonly text: string,
    readonly line: number,
  ) {}

  fail(msg: string): never {
    throw new PrismaSchemaError(`${msg} (at "${this.text.slice(this.pos, this.pos + 30)}" in "${this.text.trim()}")`, this.line);
  }
  skipWs(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] ?? '')) this.pos++;
  }
  atEnd(): boolean {
    this.skipWs();
    return this.pos >= this.text.length;
  }
  peek(): string {
    this.skipWs();
    return this.text[this.pos] ?? '';
  }
  eat(s: string): boolean {
    this.skipWs();
    if (this.text.startsWith(s, this.pos)) {
      this.pos += s.length;
      return true;
    }
    return false;
  }
  expect(s: string): void {
    if (!this.eat(s)) this.fail(`expected "${s}"`);
  }
  /** An identifier, possibly dotted (db.Timestamptz). */
  ident(): string {
    this.skipWs();
    const m = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(this.text.slice(this.pos));
    if (!m) this.fail('expected a name');
    this.pos += m[0].length;
    return m[0];
  }
  string(): string {
    this.skipWs();
    if (this.text[this.pos] !== '"') this.fail('expected a string');
    let out = '';
    for (let i = this.pos + 1; i < this.text.length; i++) {
      const ch = this.text[i];
      if (ch === '\\') {
        const next = this.text[i + 1];
        const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };
        if (next === undefined || !(next in escapes)) this.fail(`unsupported escape \\${next ?? ''}`);
        out += escapes[next];
        i++;
      } else if (ch === '"') {
        this.pos = i + 1;
        return out;
      } else out += ch;
    }
    return this.fail('unterminated string');
  }
  value(): Value {
    const ch = this.peek();
    if (ch === '"') return { kind: 'string', value: this.string() };
    if (ch === '[') {
      this.expect('[');
      const items: Value[] = [];
      if (!this.eat(']')) {
        do items.push(this.value());
        while (this.eat(','));
        this.expect(']');
      }
      return { kind: 'array', items };
    }
    if (/[-0-9]/.test(ch)) {
      const m = /^-?\d+(\.\d+)?([eE][-+]?\d+)?/.exec(this.text.slice(this.pos));
      if (!m) this.fail('expected a number');
      this.pos += m[0].length;
      return { kind: 'number', value: m[0] };
    }
    const name = this.ident();
    if (this.peek() === '(') return { kind: 'call', name, args: this.args() };
    return { kind: 'ident', name };
  }
  /** `( [name:] value, ... )` */
  args(): Arg[] {
    this.expect('(');
    const args: Arg[] = [];
    if (this.eat(')')) return args;
    do {
      const save = this.pos;
      let name: string | undefined;
      const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*:/.exec(this.text.slice(this.pos));
      if (m) {
        name = m[1];
        this.pos += m[0].length;
      } else this.pos = save;
      args.push({ name, value: this.value() });
    } while (this.eat(','));
    this.expect(')');
    return args;
  }
  /** `@name(args)` or `@@name(args)`; the leading @ / @@ already consumed by the caller. */
  attribute(): Attribute {
    const name = this.ident();
    const args = this.text[this.pos] === '(' ? this.args() : [];
    return { name, args };
  }
}

function argOf(attr: Attribute, name: string, position?: number): Value | undefined {
  const named = attr.args.find((a) => a.name === name);
  if (named) return named.value;
  if (position === undefined) return undefined;
  return attr.args.filter((a) => a.name === undefined)[position]?.value;
}

function stringArg(attr: Attribute, name: string, position: number | undefined, line: number): string | undefined {
  const v = argOf(attr, name, position);
  if (v === undefined) return undefined;
  if (v.kind !== 'string') throw new PrismaSchemaError(`@${attr.name}: "${name}" must be a string`, line);
  return v.value;
}

/** `[a, b(sort: Desc), c(ops: raw("gin_trgm_ops"))]` → field names, sort order, operator classes. */
function fieldList(v: Value | undefined, what: string, line: number): { fields: string[]; descending: boolean[]; opclasses: (string | null)[] } {
  if (!v || v.kind !== 'array') throw new PrismaSchemaError(`${what}: expected a list of fields`, line);
  const fields: string[] = [];
  const descending: boolean[] = [];
  const opclasses: (string | null)[] = [];
  for (const item of v.items) {
    if (item.kind === 'ident') {
      fields.push(item.name);
      descending.push(false);
      opclasses.push(null);
    } else if (item.kind === 'call') {
      for (const a of item.args) {
        if (a.name !== 'sort' && a.name !== 'ops') throw new PrismaSchemaError(`${what}: field argument "${a.name ?? '?'}" is not supported by this parser`, line);
      }
      const sort = item.args.find((a) => a.name === 'sort')?.value;
      const ops = item.args.find((a) => a.name === 'ops')?.value;
      let opclass: string | null = null;
      if (ops) {
        const raw = ops.kind === 'call' && ops.name === 'raw' ? ops.args[0]?.value : undefined;
        if (raw?.kind !== 'string') throw new PrismaSchemaError(`${what}: only ops: raw("<operator class>") is supported by this parser`, line);
        opclass = raw.value;
      }
      fields.push(item.name);
      descending.push(sort?.kind === 'ident' && sort.name === 'Desc');
      opclasses.push(opclass);
    } else throw new PrismaSchemaError(`${what}: expected field names`, line);
  }
  return { fields, descending, opclasses };
}

function printValue(v: Value): string {
  switch (v.kind) {
    case 'string':
      return JSON.stringify(v.value);
    case 'number':
      return v.value;
    case 'ident':
      return v.name;
    case 'array':
      return `[${v.items.map(printValue).join(', ')}]`;
    case 'call':
      return `${v.name}(${v.args.map((a) => (a.name ? `${a.name}: ` : '') + printValue(a.value)).join(', ')})`;
  }
}

function printAttr(prefix: string, a: Attribute): string {
  return `${prefix}${a.name}(${a.args.map((x) => (x.name ? `${x.name}: ` : '') + printValue(x.value)).join(', ')})`;
}

// ---------------------------------------------------------------------------------------------
// Raw blocks.

type RawField = {
  name: string;
  type: string;
  optional: boolean;
  list: boolean;
  attributes: Attribute[];
  line: number;
};
type RawModel = { name: string; fields: RawField[]; blockAttributes: { attr: Attribute; line: number }[]; line: number };
type RawEnum = { name: string; values: { name: string; map?: string; line: number }[]; map?: string; line: number };

type Block = { keyword: string; name: string; line: number; body: { text: string; line: number }[] };

function splitBlocks(source: string): Block[] {
  const lines = source.split(/\r?\n/);
  const blocks: Block[] = [];
  let current: Block | null = null;
  let pending: { text: string; line: number } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const text = stripComment(lines[i] ?? '').trim();
    if (!text) continue;
    if (!current) {
      const m = /^([A-Za-z]+)\s+([A-Za-z_][A-Za-z0-9_]*)\s*\{$/.exec(text);
      if (!m) throw new PrismaSchemaError(`expected a block such as "model Name {", got "${text}"`, lineNo);
      current = { keyword: m[1] ?? '', name: m[2] ?? '', line: lineNo, body: [] };
      continue;
    }
    if (!pending && text === '}') {
      blocks.push(current);
      current = null;
      continue;
    }
    // A declaration whose brackets are still open continues on the next line.
    pending = pending ? { text: `${pending.text} ${text}`, line: pending.line } : { text, line: lineNo };
    if (bracketDepth(pending.text) > 0) continue;
    current.body.push(pending);
    pending = null;
  }
  if (current) throw new PrismaSchemaError(`block "${current.keyword} ${current.name}" is not closed`, current.line);
  return blocks;
}

function parseModelBlock(block: Block): RawModel {
  const model: RawModel = { name: block.name, fields: [], blockAttributes: [], line: block.line };
  for (const { text, line } of block.body) {
    const c = new Cursor(text, line);
    if (c.eat('@@')) {
      model.blockAttributes.push({ attr: c.attribute(), line });
      if (!c.atEnd()) c.fail('unexpected text after a block attribute');
      continue;
    }
    const name = c.ident();
    c.skipWs();
    const typeName = c.ident();
    if (typeName === 'Unsupported') c.fail('Unsupported(...) types are not supported by this parser');
    let list = false;
    let optional = false;
    if (c.text.startsWith('[]', c.pos)) {
      list = true;
      c.pos += 2;
    }
    if (c.text[c.pos] === '?') {
      optional = true;
      c.pos += 1;
    }
    if (list && optional) c.fail('a field cannot be both a list and optional');
    const attributes: Attribute[] = [];
    while (!c.atEnd()) {
      if (c.eat('@@')) c.fail('block attributes (@@) go on their own line');
      c.expect('@');
      attributes.push(c.attribute());
    }
    model.fields.push({ name, type: typeName, optional, list, attributes, line });
  }
  return model;
}

function parseEnumBlock(block: Block): RawEnum {
  const e: RawEnum = { name: block.name, values: [], line: block.line };
  for (const { text, line } of block.body) {
    const c = new Cursor(text, line);
    if (c.eat('@@')) {
      const attr = c.attribute();
      if (attr.name !== 'map') c.fail(`enum block attribute @@${attr.name} is not supported by this parser`);
      e.map = stringArg(attr, 'name', 0, line);
      continue;
    }
    const name = c.ident();
    let map: string | undefined;
    while (!c.atEnd()) {
      c.expect('@');
      const attr = c.attribute();
      if (attr.name !== 'map') c.fail(`enum value attribute @${attr.name} is not supported by this parser`);
      map = stringArg(attr, 'name', 0, line);
    }
    e.values.push({ name, map, line });
  }
  return e;
}

// ---------------------------------------------------------------------------------------------
// Types.

function expectedSqlType(field: RawField, scalar: ScalarType, native: { name: string; args: string[] } | null): string {
  const fail = (msg: string): never => {
    throw new PrismaSchemaError(`field ${field.name}: ${msg}`, field.line);
  };
  const withArgs = (base: string, args: string[]) => (args.length ? `${base}(${args.join(',')})` : base);
  if (!native) {
    const defaults: Record<ScalarType, string> = {
      String: 'text',
      Int: 'integer',
      BigInt: 'bigint',
      Float: 'double precision',
      Decimal: 'numeric(65,30)',
      Boolean: 'boolean',
      DateTime: 'timestamp(3) without time zone',
      Json: 'jsonb',
      Bytes: 'bytea',
    };
    return defaults[scalar];
  }
  const allowed: Record<string, { types: ScalarType[]; sql: (args: string[]) => string }> = {
    Text: { types: ['String'], sql: () => 'text' },
    VarChar: { types: ['String'], sql: (a) => withArgs('character varying', a) },
    Char: { types: ['String'], sql: (a) => withArgs('character', a.length ? a : ['1']) },
    Uuid: { types: ['String'], sql: () => 'uuid' },
    Xml: { types: ['String'], sql: () => 'xml' },
    Inet: { types: ['String'], sql: () => 'inet' },
    Citext: { types: ['String'], sql: () => 'citext' },
    Integer: { types: ['Int'], sql: () => 'integer' },
    SmallInt: { types: ['Int'], sql: () => 'smallint' },
    Oid: { types: ['Int'], sql: () => 'oid' },
    BigInt: { types: ['BigInt'], sql: () => 'bigint' },
    DoublePrecision: { types: ['Float'], sql: () => 'double precision' },
    Real: { types: ['Float'], sql: () => 'real' },
    Decimal: { types: ['Decimal', 'Float'], sql: (a) => withArgs('numeric', a) },
    Money: { types: ['Decimal'], sql: () => 'money' },
    Boolean: { types: ['Boolean'], sql: () => 'boolean' },
    Timestamptz: { types: ['DateTime'], sql: (a) => `timestamp(${a[0]}) with time zone` },
    Timestamp: { types: ['DateTime'], sql: (a) => `timestamp(${a[0]}) without time zone` },
    Timetz: { types: ['DateTime'], sql: (a) => `time(${a[0]}) with time zone` },
    Time: { types: ['DateTime'], sql: (a) => `time(${a[0]}) without time zone` },
    Date: { types: ['DateTime'], sql: () => 'date' },
    Json: { types: ['Json'], sql: () => 'json' },
    JsonB: { types: ['Json'], sql: () => 'jsonb' },
    ByteA: { types: ['Bytes'], sql: () => 'bytea' },
  };
  const spec = allowed[native.name];
  if (!spec) return fail(`native type @db.${native.name} is not supported by this parser (teach test/support/prisma-schema.ts)`);
  if (!spec.types.includes(scalar)) return fail(`@db.${native.name} does not apply to ${scalar}`);
  if (['Timestamptz', 'Timestamp', 'Timetz', 'Time'].includes(native.name) && native.args.length !== 1) {
    return fail(`write the precision explicitly, e.g. @db.${native.name}(3)`);
  }
  return spec.sql(native.args);
}

// ---------------------------------------------------------------------------------------------
// Defaults.

const CLIENT_DEFAULT_FNS = new Set(['uuid', 'cuid', 'nanoid', 'ulid']);

function parseDefault(field: RawField, attr: Attribute, scalar: ScalarType | null, en: RawEnum | null): DefaultSpec {
  const fail = (msg: string): never => {
    throw new PrismaSchemaError(`field ${field.name}: @default: ${msg}`, field.line);
  };
  const v = argOf(attr, 'value', 0);
  if (!v) return fail('missing value');
  for (const a of attr.args) if (a.name && a.name !== 'value' && a.name !== 'map') fail(`argument "${a.name}" is not supported`);

  const literal = (x: Value): string => {
    if (en) {
      if (x.kind !== 'ident') return fail('an enum default must be one of its values');
      const value = en.values.find((ev) => ev.name === x.name);
      if (!value) return fail(`"${x.name}" is not a value of enum ${en.name}`);
      return value.map ?? value.name;
    }
    switch (scalar) {
      case 'String':
      case 'Json':
      case 'DateTime':
      case 'Bytes':
        if (x.kind !== 'string') return fail(`a ${scalar} default must be a string literal`);
        if (scalar === 'Json') {
          try {
            JSON.parse(x.value);
          } catch {
            fail(`not valid JSON: ${x.value}`);
          }
        }
        return x.value;
      case 'Int':
      case 'BigInt':
      case 'Float':
      case 'Decimal':
        if (x.kind !== 'number') return fail(`a ${scalar} default must be a number`);
        return x.value;
      case 'Boolean':
        if (x.kind !== 'ident' || (x.name !== 'true' && x.name !== 'false')) return fail('a Boolean default must be true or false');
        return x.name;
      default:
        return fail('unsupported type');
    }
  };

  if (v.kind === 'call') {
    if (v.name === 'autoincrement') {
      if (scalar !== 'Int' && scalar !== 'BigInt') fail('autoincrement() needs Int or BigInt');
      return { kind: 'autoincrement' };
    }
    if (v.name === 'now') {
      if (scalar !== 'DateTime') fail('now() needs DateTime');
      return { kind: 'now' };
    }
    if (v.name === 'dbgenerated') {
      const expr = v.args[0]?.value;
      return { kind: 'dbgenerated', expression: expr?.kind === 'string' ? expr.value : '' };
    }
    if (CLIENT_DEFAULT_FNS.has(v.name)) return { kind: 'client', fn: `${v.name}()` };
    return fail(`function ${v.name}() is not supported by this parser`);
  }
  if (field.list) {
    if (v.kind !== 'array') return fail('a list default must be a list');
    return { kind: 'list', values: v.items.map(literal) };
  }
  return { kind: 'literal', value: literal(v) };
}

// ---------------------------------------------------------------------------------------------
// The parser.

const REFERENTIAL_ACTIONS: ReferentialAction[] = ['Cascade', 'Restrict', 'NoAction', 'SetNull', 'SetDefault'];
const FIELD_ATTRIBUTES = new Set(['id', 'unique', 'default', 'map', 'updatedAt', 'relation']);

export function parsePrismaSchema(source: string): ParsedSchema {
  const blocks = splitBlocks(source);
  const rawModels: RawModel[] = [];
  const rawEnums: RawEnum[] = [];
  for (const b of blocks) {
    if (b.keyword === 'model') rawModels.push(parseModelBlock(b));
    else if (b.keyword === 'enum') rawEnums.push(parseEnumBlock(b));
    else if (b.keyword === 'generator' || b.keyword === 'datasource') continue;
    else throw new PrismaSchemaError(`"${b.keyword}" blocks are not supported by this parser`, b.line);
  }

  const modelsByName = new Map(rawModels.map((m) => [m.name, m]));
  const enumsByName = new Map(rawEnums.map((e) => [e.name, e]));
  for (const name of modelsByName.keys()) {
    if (enumsByName.has(name)) throw new PrismaSchemaError(`"${name}" is both a model and an enum`);
  }

  const enums: EnumSpec[] = rawEnums.map((e) => ({
    name: e.name,
    dbName: e.map ?? e.name,
    values: e.values.map((v) => ({ name: v.name, dbLabel: v.map ?? v.name })),
  }));

  const tableOf = (m: RawModel): string => {
    const map = m.blockAttributes.find((b) => b.attr.name === 'map');
    return (map && stringArg(map.attr, 'name', 0, map.line)) ?? m.name;
  };
  const columnOf = (f: RawField): string => {
    const map = f.attributes.find((a) => a.name === 'map');
    return (map && stringArg(map, 'name', 0, f.line)) ?? f.name;
  };

  const tables: TableSpec[] = rawModels.map((m) => {
    const table = tableOf(m);
    const columns: ColumnSpec[] = [];
    const relationFields: RelationFieldSpec[] = [];
    const indexes: IndexSpec[] = [];
    const idFields: { field: string; line: number; map?: string }[] = [];

    for (const f of m.fields) {
      for (const a of f.attributes) {
        if (!FIELD_ATTRIBUTES.has(a.name) && !a.name.startsWith('db.')) {
          throw new PrismaSchemaError(`field ${m.name}.${f.name}: @${a.name} is not supported by this parser`, f.line);
        }
      }
      if (modelsByName.has(f.type)) {
        relationFields.push({ name: f.name, type: f.type, optional: f.optional, list: f.list });
        continue;
      }
      const en = enumsByName.get(f.type) ?? null;
      const scalar = (SCALAR_TYPES as readonly string[]).includes(f.type) ? (f.type as ScalarType) : null;
      if (!en && !scalar) throw new PrismaSchemaError(`field ${m.name}.${f.name}: unknown type "${f.type}"`, f.line);
      if (f.attributes.some((a) => a.name === 'relation')) {
        throw new PrismaSchemaError(`field ${m.name}.${f.name}: @relation on a non-relation field`, f.line);
      }

      const nativeAttr = f.attributes.filter((a) => a.name.startsWith('db.'));
      if (nativeAttr.length > 1) throw new PrismaSchemaError(`field ${m.name}.${f.name}: more than one @db type`, f.line);
      const nativeA = nativeAttr[0];
      const native = nativeA
        ? {
            name: nativeA.name.slice(3),
            args: nativeA.args.map((a) => {
              if (a.value.kind !== 'number') throw new PrismaSchemaError(`field ${m.name}.${f.name}: @${nativeA.name} takes numbers`, f.line);
              return a.value.value;
            }),
          }
        : null;
      if (en && native) throw new PrismaSchemaError(`field ${m.name}.${f.name}: enums take no @db type`, f.line);

      const sqlType = en ? (en.map ?? en.name) : expectedSqlType(f, scalar as ScalarType, native);
      const defaultAttr = f.attributes.find((a) => a.name === 'default');
      const def = defaultAttr ? parseDefault(f, defaultAttr, scalar, en) : null;
      const column = columnOf(f);
      const isId = f.attributes.some((a) => a.name === 'id');
      const uniqueAttr = f.attributes.find((a) => a.name === 'unique');

      columns.push({
        model: m.name,
        field: f.name,
        column,
        prismaType: f.type,
        scalar,
        isEnum: en !== null,
        enumName: en?.name ?? null,
        enumDbName: en ? (en.map ?? en.name) : null,
        optional: f.optional,
        list: f.list,
        nullable: f.optional || f.list,
        sqlType,
        sqlTypeFull: (en ? quoteIdentLikePg(sqlType) : sqlType) + (f.list ? '[]' : ''),
        default: def,
        hasDbDefault: def !== null && def.kind !== 'client',
        hasDefault: def !== null,
        updatedAt: f.attributes.some((a) => a.name === 'updatedAt'),
        id: isId,
        unique: uniqueAttr !== undefined,
        nativeType: native,
      });

      if (isId) {
        const idAttr = f.attributes.find((a) => a.name === 'id');
        idFields.push({ field: f.name, line: f.line, map: idAttr && stringArg(idAttr, 'map', undefined, f.line) });
      }
      if (uniqueAttr) {
        const map = stringArg(uniqueAttr, 'map', undefined, f.line);
        indexes.push({
          name: map ?? uniqueIndexName(table, [column]),
          table,
          kind: 'unique',
          fields: [f.name],
          columns: [column],
          descending: [false],
          method: 'btree',
          opclasses: [null],
          source: `${f.name} @unique`,
        });
      }
    }

    const columnByField = new Map(columns.map((c) => [c.field, c]));
    const resolveColumns = (fields: string[], what: string, line: number): string[] =>
      fields.map((name) => {
        const col = columnByField.get(name);
        if (!col) throw new PrismaSchemaError(`model ${m.name}: ${what} names "${name}", which is not a scalar field`, line);
        return col.column;
      });

    let primaryKey: IndexSpec | null = null;
    for (const { attr, line } of m.blockAttributes) {
      if (attr.name === 'map') continue;
      const src = printAttr('@@', attr);
      if (attr.name === 'unique' || attr.name === 'index' || attr.name === 'id') {
        for (const a of attr.args) {
          if (a.name && !['fields', 'map', 'name', 'type', 'sort', 'clustered'].includes(a.name)) {
            throw new PrismaSchemaError(`model ${m.name}: ${src}: argument "${a.name}" is not supported by this parser`, line);
          }
        }
        const { fields, descending, opclasses } = fieldList(argOf(attr, 'fields', 0), src, line);
        const columnsOf = resolveColumns(fields, src, line);
        const map = stringArg(attr, 'map', undefined, line);
        const type = argOf(attr, 'type');
        const method = type ? (type.kind === 'ident' ? type.name.toLowerCase() : 'btree') : 'btree';
        if (attr.name === 'id') {
          if (primaryKey || idFields.length) throw new PrismaSchemaError(`model ${m.name}: more than one primary key`, line);
          primaryKey = { name: map ?? primaryKeyName(table), table, kind: 'primary', fields, columns: columnsOf, descending, method: 'btree', opclasses, source: src };
        } else {
          const kind = attr.name === 'unique' ? 'unique' : 'index';
          const name = map ?? (kind === 'unique' ? uniqueIndexName(table, columnsOf) : indexName(table, columnsOf));
          indexes.push({ name, table, kind, fields, columns: columnsOf, descending, method, opclasses, source: src });
        }
        continue;
      }
      throw new PrismaSchemaError(`model ${m.name}: ${src} is not supported by this parser`, line);
    }
    if (idFields.length > 1) throw new PrismaSchemaError(`model ${m.name}: more than one @id field (use @@id)`, m.line);
    const idField = idFields[0];
    if (idField) {
      const col = columnByField.get(idField.field);
      primaryKey = {
        name: idField.map ?? primaryKeyName(table),
        table,
        kind: 'primary',
        fields: [idField.field],
        columns: [col?.column ?? idField.field],
        descending: [false],
        method: 'btree',
        opclasses: [null],
        source: `${idField.field} @id`,
      };
    }
    if (!primaryKey) throw new PrismaSchemaError(`model ${m.name} has no @id or @@id`, m.line);

    return { model: m.name, table, columns, primaryKey, indexes, foreignKeys: [], relationFields };
  });

  // Foreign keys need every model's table and columns, so they come second.
  const tableByModel = new Map(tables.map((t) => [t.model, t]));
  for (const m of rawModels) {
    const t = tableByModel.get(m.name);
    if (!t) continue;
    for (const f of m.fields) {
      if (!modelsByName.has(f.type)) continue;
      const rel = f.attributes.find((a) => a.name === 'relation');
      if (!rel || !argOf(rel, 'fields')) continue; // the side without the foreign key
      const what = `${m.name}.${f.name} @relation`;
      const fields = fieldList(argOf(rel, 'fields'), what, f.line).fields;
      const references = fieldList(argOf(rel, 'references'), what, f.line).fields;
      if (fields.length !== references.length) throw new PrismaSchemaError(`${what}: fields and references differ in length`, f.line);
      const target = tableByModel.get(f.type);
      if (!target) throw new PrismaSchemaError(`${what}: unknown model ${f.type}`, f.line);
      const colOf = (tt: TableSpec, name: string) => {
        const c = tt.columns.find((x) => x.field === name);
        if (!c) throw new PrismaSchemaError(`${what}: ${tt.model}.${name} is not a scalar field`, f.line);
        return c;
      };
      const fkColumns = fields.map((n) => colOf(t, n));
      const action = (name: 'onDelete' | 'onUpdate', fallback: ReferentialAction): ReferentialAction => {
        const v = argOf(rel, name);
        if (!v) return fallback;
        if (v.kind !== 'ident' || !(REFERENTIAL_ACTIONS as string[]).includes(v.name)) {
          throw new PrismaSchemaError(`${what}: unknown ${name} action`, f.line);
        }
        return v.name as ReferentialAction;
      };
      // Prisma's defaults: onDelete Restrict when the relation is required, SetNull when optional;
      // onUpdate Cascade.
      const anyRequired = fkColumns.some((c) => !c.optional);
      const map = stringArg(rel, 'map', undefined, f.line);
      t.foreignKeys.push({
        name: map ?? foreignKeyName(t.table, fkColumns.map((c) => c.column)),
        table: t.table,
        relationField: f.name,
        fields,
        columns: fkColumns.map((c) => c.column),
        referencedModel: target.model,
        referencedTable: target.table,
        referencedColumns: references.map((n) => colOf(target, n).column),
        onDelete: action('onDelete', anyRequired ? 'Restrict' : 'SetNull'),
        onUpdate: action('onUpdate', 'Cascade'),
      });
    }
  }

  // Duplicate names would make a check pass for the wrong object; refuse them.
  const seen = new Map<string, string>();
  const claim = (name: string, what: string) => {
    const prior = seen.get(name);
    if (prior) throw new PrismaSchemaError(`database name "${name}" is used by both ${prior} and ${what}`);
    seen.set(name, what);
  };
  for (const t of tables) {
    claim(t.table, `model ${t.model}`);
    const cols = new Set<string>();
    for (const c of t.columns) {
      if (cols.has(c.column)) throw new PrismaSchemaError(`model ${t.model}: two fields map to column "${c.column}"`);
      cols.add(c.column);
    }
  }
  // Tables and indexes share PostgreSQL's relation namespace; constraint names are per table.
  for (const t of tables) {
    claim(t.primaryKey.name, `the primary key of ${t.model}`);
    for (const i of t.indexes) claim(i.name, `${t.model} ${i.source}`);
    const fks = new Set<string>();
    for (const fk of t.foreignKeys) {
      if (fks.has(fk.name)) throw new PrismaSchemaError(`model ${t.model}: two relations use foreign key name "${fk.name}"`);
      fks.add(fk.name);
    }
  }

  return { tables, enums };
}

export function readPrismaSchema(file = SCHEMA_PATH): ParsedSchema {
  return parsePrismaSchema(fs.readFileSync(file, 'utf8'));
}
