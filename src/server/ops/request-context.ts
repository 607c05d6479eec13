// Who a request is for, across the front server and the Next.js code it calls in the same process
// (through globalThis: Next bundles its own copy of this module). The front server opens the
// context; the code that reads the session records the user id in it, for the request's log line.
import { AsyncLocalStorage } from "node:async_hooks";

export type RequestContext = { requestId: string; userId?: number };

const KEY = "__cdsRequestContext";
const g = globalThis as Record<string, unknown>;
const storage = (g[KEY] ??= new AsyncLocalStorage<RequestContext>()) as AsyncLocalStorage<RequestContext>;

export function runWithRequestContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export function requestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Records the signed-in user's id (never an email) for this request's log line. */
export function noteUser(userId: number): void {
  const ctx = storage.getStore();
  if (ctx) ctx.userId = userId;
}
