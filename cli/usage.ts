import { RUN_USAGE } from './run-command';
import { DECIDE_USAGE } from './decide-command';

export class UsageError extends Error {}

export const USAGE = `Usage:
  cot-studio import FILE --dataset NAME [--media-root DIR] [--description TEXT]
                         [--remote-media-prefix URL ...] [--skip-bad] [--report FILE]
      Imports a Video-R1 / VideoRFT .json (array) or .jsonl file. --media-root is needed
      when the dataset is new. --remote-media-prefix (repeatable) sets the URL prefixes the
      dataset's http(s) media paths may come from (none: remote media is never fetched). By default nothing is imported when any record is bad;
      --skip-bad imports the good ones. --report writes every problem as JSON Lines.

  cot-studio export --dataset NAME --format sft|rl|sharegpt|prm --out FILE
                    [--file-format jsonl|json] [--status accepted,...|any]
                    [--type "multiple choice,OCR"] [--source STAR,NeXT-QA]
                    [--fold-options | --no-fold-options] [--include-mismatched]
                    [--trainer videorft|video-r1|llama-factory] [--pass-rate MIN..MAX]
                    [--with-pass-rate] [--lineage] [--include-contaminated]
      Writes the dataset's items (accepted ones unless --status says otherwise) and a
      manifest beside the file (FILE.manifest.json). --fold-options puts multiple-choice
      options inside "problem" (VideoRFT); --no-fold-options keeps them out (Video-R1).
      Accepted CoTs whose answer check fails are left out unless --include-mismatched;
      items whose source changed since their decision are always left out. --trainer sets
      folding and the prompt shape that trainer reads (llama-factory implies sharegpt).
      --file-format parquet (or a .parquet --out) writes Parquet (sft, rl). --pass-rate keeps
      items whose rollout pass rate is in the range; --with-pass-rate adds "pass_rate";
      --lineage adds a "lineage" object. Items overlapping an evaluation set are left out
      (counted in the manifest) unless --include-contaminated.

  cot-studio dedup --dataset NAME [--evaluation-set true|false]
      Finds near-duplicate items (frame hashes + question MinHash) and, for a training
      dataset, items overlapping the datasets marked as evaluation sets.

  cot-studio release --dataset NAME --name RELEASE --format sft|rl [--file-format jsonl|parquet]
                     [--pass-rate MIN..MAX] [--with-pass-rate] [--lineage] [--include-contaminated]
  cot-studio release --diff OLD NEW
      Saves an immutable release (data, manifest, README.md dataset card) under
      <data dir>/releases/RELEASE, or compares two releases.

  ${RUN_USAGE.split('\n').join('\n  ')}

  ${DECIDE_USAGE.split('\n').join('\n  ')}

Uses DATABASE_URL, or the project's embedded PostgreSQL when it is not set.`;
