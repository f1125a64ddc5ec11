import crypto from 'node:crypto';

/**
 * Identifies an endpoint as its provider sees it — base URL plus API key — without revealing
 * the key: limits (concurrency, requests and tokens per minute) and spend are kept per key,
 * shared by every stage and run that uses the same endpoint.
 */
export function endpointKey(e: { baseUrl: string; apiKey: string }): string {
  return crypto.createHash('sha256').update(`${e.baseUrl.replace(/\/+$/, '')}\u0000${e.apiKey}`).digest('hex').slice(0, 24);
}
