// The one wrapper for server actions: parse the form with zod, run the handler with the signed-in
// user, and turn every outcome into `{ ok, message, fieldErrors }` for useActionState.
import "server-only";
import { headers } from "next/headers";
import { z } from "zod";
import type { Lang } from "@/i18n/config";
import { langFromPath, requestLang } from "@/i18n/request";
import { msg, translate, type Text } from "@/i18n/translate";
import { withLang } from "@/i18n/zod";
import { currentUser, type SessionUser } from "./current-user";
import {
  AppError,
  AuthError,
  ForbiddenError,
  isDatabaseUnavailable,
  logDatabaseUnavailable,
  zodErrorMap,
} from "./errors";
import { can, type Permission } from "./permissions";
import { logUnexpected } from "./ops/logger";

export type ActionResult<T = unknown> = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** What the user typed, so a refused form comes back filled in. */
  values?: Record<string, string>;
  details?: unknown;
  data?: T;
};

/** Every text field of the form, as the schema reads it. */
export function rawValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string") out[k] = v;
  return out;
}

/** What the user typed, echoed back so a refused form keeps it; passwords are never echoed. */
export function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string" && !/password/i.test(k)) out[k] = v;
  return out;
}

/** What a handler returns: like ActionResult, with a message that may still be a key. */
export type HandlerResult<T = unknown> = Omit<ActionResult<T>, "message"> & { message?: Text };

/**
 * The language of the page that sent the form: its `lang` field when it has one, else the page's
 * path (a server action is posted from the page, which the Referer names), else Vietnamese.
 */
export async function actionLang(formData?: FormData): Promise<Lang> {
  const field = formData?.get("lang");
  if (typeof field === "string" && (field === "vi" || field === "en")) return field;
  try {
    const h = await headers();
    const referer = h.get("referer");
    const path = referer ? new URL(referer).pathname : null;
    return langFromPath(path) ?? requestLang(null, h.get("accept-language"));
  } catch {
    return requestLang(null, null); // no request (tests calling the action directly)
  }
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) (out[issue.path.join(".") || "_form"] ??= []).push(issue.message);
  return out;
}

/**
 * Maps any thrown error to an ActionResult; unexpected ones are logged, never shown. An
 * unreachable database gets its own message (the form keeps what was typed: try again later).
 */
export function toResult(err: unknown, values?: Record<string, string>, lang: Lang = "vi"): ActionResult {
  if (err instanceof AppError) return { ok: false, ...err.localized(lang), details: err.details, values };
  if (isDatabaseUnavailable(err)) {
    logDatabaseUnavailable("action", err);
    return { ok: false, message: translate(lang, msg("common.dbUnavailableForm")), values };
  }
  logUnexpected("action", err);
  return { ok: false, message: translate(lang, msg("errors.generic")), values };
}

export function action<S extends z.ZodTypeAny, T>(
  permission: Permission,
  schema: S,
  handler: (user: SessionUser, input: z.infer<S>, formData: FormData) => Promise<HandlerResult<T> | void>,
  parse: (formData: FormData) => unknown = rawValues,
) {
  return async (_prev: ActionResult | null, formData: FormData): Promise<ActionResult<T>> => {
    const values = formValues(formData);
    const lang = await actionLang(formData);
    try {
      const user = await currentUser();
      if (!user) throw new AuthError();
      if (!can(user.role, permission)) throw new ForbiddenError();
      // zod words its issues when `error` is first read: read it inside the language's scope.
      const parsed = withLang(lang, () => {
        const r = schema.safeParse(parse(formData), zodErrorMap(lang));
        return r.success ? r : { success: false as const, fieldErrors: fieldErrorsOf(r.error) };
      });
      if (!parsed.success) {
        return {
          ok: false,
          message: translate(lang, msg("errors.invalidForm")),
          fieldErrors: parsed.fieldErrors,
          values,
        };
      }
      const result = (await handler(user, parsed.data, formData)) ?? { ok: true };
      return (
        result.message === undefined ? result : { ...result, message: translate(lang, result.message) }
      ) as ActionResult<T>;
    } catch (err) {
      return toResult(err, values, lang) as ActionResult<T>;
    }
  };
}

/**
 * The wrapper for the few forms an anonymous visitor may send (forgot password, a link from an
 * email): the same parsing, language and error handling as `action`, without a session. The
 * handler decides what the visitor may do (a token from the link, a throttle).
 */
export function publicAction<S extends z.ZodTypeAny, T>(
  schema: S,
  handler: (input: z.infer<S>, ctx: { lang: Lang; formData: FormData }) => Promise<HandlerResult<T> | void>,
) {
  return async (_prev: ActionResult | null, formData: FormData): Promise<ActionResult<T>> => {
    const values = formValues(formData);
    const lang = await actionLang(formData);
    try {
      const parsed = withLang(lang, () => {
        const r = schema.safeParse(rawValues(formData), zodErrorMap(lang));
        return r.success ? r : { success: false as const, fieldErrors: fieldErrorsOf(r.error) };
      });
      if (!parsed.success)
        return {
          ok: false,
          message: translate(lang, msg("errors.invalidForm")),
          fieldErrors: parsed.fieldErrors,
          values,
        };
      const result = (await handler(parsed.data, { lang, formData })) ?? { ok: true };
      return (
        result.message === undefined ? result : { ...result, message: translate(lang, result.message) }
      ) as ActionResult<T>;
    } catch (err) {
      return toResult(err, values, lang) as ActionResult<T>;
    }
  };
}
