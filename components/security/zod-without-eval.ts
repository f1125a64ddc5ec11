import { z } from 'zod';

// Zod 4 compiles object parsers with `new Function` when it may, probing with `Function("")`
// the first time. Under the studio's Content-Security-Policy (no 'unsafe-eval') that probe is a
// CSP violation in the browser. Jitless mode parses the same, without the probe.
// Browser only: on the server eval is allowed and the compiled parsers are faster.
if (typeof window !== 'undefined') z.config({ jitless: true });
