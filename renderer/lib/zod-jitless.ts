// Imported first by main.ts: zod compiles object parsers with `new Function` unless told not to, and its
// probe for that raises a CSP violation in the renderer (script-src has no 'unsafe-eval'). Jitless parsing
// is a little slower and never evaluates code. Its own module so it runs before any other import parses.
import { z } from 'zod';

z.config({ jitless: true });
