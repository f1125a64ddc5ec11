import { RUN_USAGE } from './run-command';

export class UsageError extends Error {}

export const USAGE = `Usage:
  cot-studio import FILE --dataset NAME [--media-root DIR] [--description TEXT]
                         [--skip-bad] [--report FILE]
      Imports a Video-R1 / VideoRFT .json (array) or .jsonl file. --media-root is needed
      when the dataset is new. By default nothing is imported when any record is bad;
      --skip-bad imports the good ones. --report writes every problem as JSON Lines.

  cot-studio export --dataset NAME --format sft|rl|sharegpt|prm --out FILE
                    [--file-format jsonl|json] [--status accepted,...|any]
                    [--type "multiple choice,OCR"] [--source STAR,NeXT-QA]
                    [--fold-options | --no-fold-options]
      Writes the dataset's items (accepted ones unless --status says otherwise) and a
      manifest beside the file (FILE.manifest.json). --fold-options puts multiple-choice
      options inside "problem" (VideoRFT); --no-fold-options keeps them out (Video-R1).

  ${RUN_USAGE.split('\n').join('\n  ')}

Uses DATABASE_URL, or the project's embedded PostgreSQL when it is not set.`;
