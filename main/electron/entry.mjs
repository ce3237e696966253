// Electron's entry: load the TypeScript shell through tsx (as bin/gatelab.js does for the CLI), so the
// lab's worker and asset paths resolve exactly as in the CLI and serve mode.
import { register } from 'tsx/esm/api';

register();
await import('./index.ts');
