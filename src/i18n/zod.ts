// Messages written in zod schemas, by key: a schema is built once per process, but its messages
// are read while parsing, in the language of the request being parsed (the action wrapper and
// API routes parse inside `withLang`). Outside a scope they read in Vietnamese, the default.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { DEFAULT_LANG, type Lang } from "./config";
import { msg, translate, type MessageKey, type Msg, type MsgParam } from "./translate";

const scope = new AsyncLocalStorage<Lang>();

export function withLang<T>(lang: Lang, fn: () => T): T {
  return scope.run(lang, fn);
}

export function currentLang(): Lang {
  return scope.getStore() ?? DEFAULT_LANG;
}

/** A schema message by key: `z.string().min(1, zmsg("admin.server.nameRequired"))`. */
export function zmsg(key: MessageKey, params?: Record<string, MsgParam>) {
  return { error: () => translate(currentLang(), msg(key, params)) };
}

/** A message made outside a schema (a Msg), read in the current parse's language. */
export function readNow(m: Msg): string {
  return translate(currentLang(), m);
}
