import fs from 'node:fs';
import pg from 'pg';
import { exportOptionsSchema } from '@/lib/export/export-options';
import { writeExport } from '@/lib/export/write-export';

// Child process of bench/export.ts: one export and nothing else, so its peak RSS is the export's
// (plus Node and the loaded modules, as in a worker). Prints one JSON line.
const [url, datasetId, out] = process.argv.slice(2);
const client = new pg.Client({ connectionString: url });
await client.connect();
const options = exportOptionsSchema.parse({ filter: { dataset: Number(datasetId) }, format: 'sft' });
// A real export writes a new file; replacing the previous run's (unlinking 140 MB) is not its cost.
fs.rmSync(out!, { force: true });
const t0 = Date.now();
const manifest = await writeExport(client, { ...options, outPath: out! });
const ms = Date.now() - t0;
await client.end();
console.log(JSON.stringify({ ms, records: manifest.records, bytes: manifest.bytes, sha256: manifest.sha256, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
