import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import type { Role } from '../permissions';
import { hashToken, looksLikeToken } from './token-format';

export type TokenUser = { id: string; role: Role; name: string; email: string; tokenId: number };

/** The user a bearer token speaks for, or null when it is unknown, revoked, expired or its user disabled. */
export async function verifyApiToken(db: PrismaClient, token: string): Promise<TokenUser | null> {
  if (!looksLikeToken(token)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, revokedAt: true, expiresAt: true, user: { select: { id: true, role: true, name: true, email: true, disabled: true } } },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= new Date()) || row.user.disabled) return null;
  // At most one write a minute per token, so scripts hammering the API do not write on every call.
  await kdb(db)
    .updateTable('api_token')
    .set({ last_used_at: sql`now()` })
    .where('id', '=', row.id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', sql<Date>`now() - interval '1 minute'`)]))
    .execute();
  return { id: row.user.id, role: row.user.role, name: row.user.name, email: row.user.email, tokenId: row.id };
}
