"use server";
import { z } from "zod";
import { MILESTONE_STATUSES } from "@/lib/status";
import { hasUnstorableChars } from "@/lib/text";
import { msg } from "@/i18n/translate";
import { zmsg } from "@/i18n/zod";
import { action } from "@/server/action";
import { overrideStatus, revokeOverride } from "./mutations";

export const overrideStatusAction = action(
  "reporting.review",
  z.object({
    targetId: z.coerce.number().int().positive().max(2_147_483_647),
    status: z.enum(MILESTONE_STATUSES, zmsg("errors.statuses.invalid")),
    // No control characters or lone surrogates: NUL failed the save with an internal error.
    reason: z
      .string()
      .max(2000, zmsg("errors.field.tooLong", { label: msg("errors.fields.reason"), max: "2000" }))
      .refine((s) => !hasUnstorableChars(s), zmsg("errors.field.badChars", { label: msg("errors.fields.reason") }))
      .default(""),
    intent: z.enum(["save", "revoke"]).default("save"),
  }),
  async (user, input) => {
    if (input.intent === "revoke") {
      await revokeOverride(user, input);
      return { ok: true, message: msg("errors.statuses.revoked") };
    }
    await overrideStatus(user, input);
    return { ok: true, message: msg("errors.statuses.saved") };
  },
);
