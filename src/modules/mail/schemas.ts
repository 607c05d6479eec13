import { z } from "zod";

/** The outbox page's query: lenient, anything a visitor types reads as page 1. */
export const outboxQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1),
});
export type OutboxQuery = z.infer<typeof outboxQuery>;
