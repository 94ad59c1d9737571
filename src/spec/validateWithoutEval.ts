import { z } from 'zod';

/**
 * zod compiles fast object parsers with `new Function` where it can; a page whose CSP allows only
 * `script-src 'self'` must not try (the browser reports each attempt as a violation). Pages call
 * this before they validate anything: zod's jitless mode parses the same, without generated code.
 */
export const validateWithoutEval = (): void => void z.config({ jitless: true });
