import { AppError } from '../errors';

/** The file as a whole cannot be read (not JSON, truncated array, …): nothing can be imported. */
export class ImportFormatError extends AppError {
  constructor(message: string) {
    super('UNPROCESSABLE', message);
    this.name = 'ImportFormatError';
  }
}
