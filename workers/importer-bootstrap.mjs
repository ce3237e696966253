// Worker entry that can load TypeScript: registers tsx in this thread, then runs importer.ts.
// (Worker threads do not inherit loader hooks registered by the parent, whatever its execArgv.)
import { register } from 'tsx/esm/api';

register();
await import('./importer.ts');
