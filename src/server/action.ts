// The one wrapper for server actions: parse the form with zod, run the handler with the signed-in
// user, and turn every outcome into `{ ok, message, fieldErrors }` for useActionState.
import "server-only";
import { z } from "zod";
import { currentUser, type SessionUser } from "./current-user";
import { vi } from "@/messages/vi";
import { AppError, AuthError, ForbiddenError, GENERIC_ERROR, isDatabaseUnavailable, logDatabaseUnavailable } from "./errors";
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

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) (out[issue.path.join(".") || "_form"] ??= []).push(issue.message);
  return out;
}

/**
 * Maps any thrown error to an ActionResult; unexpected ones are logged, never shown. An
 * unreachable database gets its own message (the form keeps what was typed: try again later).
 */
export function toResult(err: unknown, values?: Record<string, string>): ActionResult {
  if (err instanceof AppError) return { ok: false, message: err.message, fieldErrors: err.fieldErrors, details: err.details, values };
  if (isDatabaseUnavailable(err)) {
    logDatabaseUnavailable("action", err);
    return { ok: false, message: vi.common.dbUnavailableForm, values };
  }
  logUnexpected("action", err);
  return { ok: false, message: GENERIC_ERROR, values };
}

export function action<S extends z.ZodTypeAny, T>(
  permission: Permission,
  schema: S,
  handler: (user: SessionUser, input: z.infer<S>, formData: FormData) => Promise<ActionResult<T> | void>,
  parse: (formData: FormData) => unknown = rawValues,
) {
  return async (_prev: ActionResult | null, formData: FormData): Promise<ActionResult<T>> => {
    const values = formValues(formData);
    try {
      const user = await currentUser();
      if (!user) throw new AuthError();
      if (!can(user.role, permission)) throw new ForbiddenError();
      const parsed = schema.safeParse(parse(formData));
      if (!parsed.success) {
        return { ok: false, message: "Dữ liệu chưa hợp lệ. Vui lòng sửa các ô được đánh dấu.", fieldErrors: fieldErrorsOf(parsed.error), values };
      }
      return ((await handler(user, parsed.data, formData)) ?? { ok: true }) as ActionResult<T>;
    } catch (err) {
      return toResult(err, values) as ActionResult<T>;
    }
  };
}
