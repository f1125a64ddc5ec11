import { defineConfig } from 'prisma/config';

// Used only by the Prisma CLI (generate; migrate status/deploy where the engine exists).
// The app itself connects through @prisma/adapter-pg with DATABASE_URL.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/unused' },
});
