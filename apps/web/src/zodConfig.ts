import { z } from 'zod';

// Imported first by main.tsx, before any schema is made: zod would otherwise compile parsers with
// `new Function`, which the content-security policy (no 'unsafe-eval') refuses and the browser logs
// as an error on every page.
z.config({ jitless: true });
