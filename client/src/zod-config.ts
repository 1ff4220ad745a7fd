import { config } from 'zod';

// Zod probes for a JIT by calling `Function('')`; under our CSP (no 'unsafe-eval') that is
// refused and reported as a violation on every page. Tell it up front not to try.
config({ jitless: true });
