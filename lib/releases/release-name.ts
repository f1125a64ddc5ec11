import { z } from 'zod';

/** A release's name: also its folder name, so file-system safe. */
export const releaseNameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/, 'a release name is 1–80 letters, digits, dots, dashes or underscores, starting with a letter or digit');
