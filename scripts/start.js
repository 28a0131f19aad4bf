import { register } from 'tsx/esm/api';
import { ensureWebBuild } from './ensureWebBuild.js';

ensureWebBuild();
register();
await import('../apps/server/src/main.ts');
