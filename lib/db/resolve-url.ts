import { config } from '../config';
import { ensureEmbeddedPostgres, type EmbeddedHandle } from './embedded';

/**
 * The database every process talks to: DATABASE_URL when set, else the project's embedded
 * server (started on demand). The caller owns `stop` and must call it on shutdown.
 */
export async function resolveDatabaseUrl(): Promise<EmbeddedHandle> {
  const cfg = config();
  if (cfg.databaseUrl) return { url: cfg.databaseUrl, stop: async () => {}, startedHere: false };
  return ensureEmbeddedPostgres({ dataDir: cfg.dataDir, port: cfg.embeddedPgPort });
}
