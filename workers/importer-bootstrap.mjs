// Worker entry that can load TypeScript: registers tsx in this thread, then runs importer.ts.
// (Under `node --import tsx` the worker inherits the loader; under vitest/electron it does not.)
import { register } from 'tsx/esm/api';

register();
await import('./importer.ts');
