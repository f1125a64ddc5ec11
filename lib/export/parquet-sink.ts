import { ParquetWriter } from 'hyparquet-writer';
import { fileWriter } from 'hyparquet-writer';
import type { ExportFormat } from './export-options';

// Parquet output of the trainer formats (sft, rl): one typed column per known field, options as
// a list of strings, every unknown field kept in one JSON column `extra` (Parquet needs one
// schema for the file; record fields vary). Rows are written in row groups as they come, so
// memory holds one group, not the export.

const ROW_GROUP = 10_000;

type SchemaElement = { name: string; type?: 'BYTE_ARRAY' | 'DOUBLE'; converted_type?: 'UTF8' | 'JSON' | 'LIST'; repetition_type?: 'REQUIRED' | 'OPTIONAL' | 'REPEATED'; num_children?: number };

const STRING_FIELDS = ['problem_id', 'problem', 'problem_type', 'data_type', 'path', 'data_source', 'solution'] as const;

export type ParquetColumns = { process: boolean; passRate: boolean; lineage: boolean };

/** The columns of a Parquet export, in order (for the dataset card and tests). */
export function parquetColumnNames(c: ParquetColumns): string[] {
  return ['problem_id', 'problem', 'options', 'problem_type', 'data_type', 'path', 'data_source', ...(c.process ? ['process'] : []), 'solution', ...(c.passRate ? ['pass_rate'] : []), ...(c.lineage ? ['lineage'] : []), 'extra'];
}

function schemaFor(c: ParquetColumns): SchemaElement[] {
  const names = parquetColumnNames(c);
  const out: SchemaElement[] = [{ name: 'root', num_children: names.length }];
  for (const name of names) {
    if (name === 'options') {
      out.push({ name, repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 }, { name: 'list', repetition_type: 'REPEATED', num_children: 1 }, { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' });
    } else if (name === 'pass_rate') out.push({ name, type: 'DOUBLE', repetition_type: 'OPTIONAL' });
    else if (name === 'lineage' || name === 'extra') out.push({ name, type: 'BYTE_ARRAY', converted_type: 'JSON', repetition_type: 'OPTIONAL' });
    else out.push({ name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: name === 'process' ? 'OPTIONAL' : 'REQUIRED' });
  }
  return out;
}

export class ParquetSink {
  private readonly writer: ParquetWriter;
  private readonly names: string[];
  private columns: Record<string, unknown[]>;
  private rows = 0;

  constructor(file: string, format: ExportFormat, c: ParquetColumns) {
    if (format !== 'sft' && format !== 'rl') throw new Error(`Parquet export is for the sft and rl formats, not ${format}`);
    this.names = parquetColumnNames(c);
    this.writer = new ParquetWriter({ writer: fileWriter(file), schema: schemaFor(c) as never, createdBy: 'cot-studio' });
    this.columns = this.empty();
  }

  private empty(): Record<string, unknown[]> {
    return Object.fromEntries(this.names.map((n) => [n, []]));
  }

  /** One record, as the JSON text the JSONL export would write. */
  async add(json: string): Promise<void> {
    const rec = JSON.parse(json) as Record<string, unknown>;
    const extra: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rec)) if (!this.names.includes(k)) extra[k] = v;
    for (const name of this.names) {
      const col = this.columns[name]!;
      if (name === 'extra') col.push(Object.keys(extra).length ? extra : null);
      else if ((STRING_FIELDS as readonly string[]).includes(name)) col.push(rec[name] === undefined || rec[name] === null ? '' : String(rec[name]));
      else col.push(rec[name] ?? null);
    }
    if (++this.rows % ROW_GROUP === 0) await this.flush();
  }

  private async flush(): Promise<void> {
    if ((this.columns[this.names[0]!] ?? []).length === 0) return;
    const columnData = this.names.map((name) => ({ name, data: this.columns[name]! }));
    this.columns = this.empty();
    await this.writer.write({ columnData: columnData as never, rowGroupSize: ROW_GROUP });
  }

  async finish(): Promise<void> {
    await this.flush();
    await this.writer.finish();
  }
}
