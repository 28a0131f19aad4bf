import type { getBackofficeCase } from '@indgang/domain';

/** A case as the back office sees it (`GET /api/v1/backoffice/cases/:id`). */
export type WorkCase = Awaited<ReturnType<typeof getBackofficeCase>>;
