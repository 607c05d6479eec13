"use server";
import { z } from "zod";
import { MILESTONE_STATUSES } from "@/lib/status";
import { hasUnstorableChars } from "@/lib/text";
import { action } from "@/server/action";
import { overrideStatus, revokeOverride } from "./mutations";

export const overrideStatusAction = action(
  "reporting.review",
  z.object({
    targetId: z.coerce.number().int().positive().max(2_147_483_647),
    status: z.enum(MILESTONE_STATUSES, { message: "Tình trạng không hợp lệ." }),
    // No control characters or lone surrogates: NUL failed the save with an internal error.
    reason: z
      .string()
      .max(2000, "Lý do quá dài (tối đa 2000 ký tự).")
      .refine((s) => !hasUnstorableChars(s), "Lý do chứa ký tự không hợp lệ (ký tự điều khiển hoặc mã Unicode hỏng).")
      .default(""),
    intent: z.enum(["save", "revoke"]).default("save"),
  }),
  async (user, input) => {
    if (input.intent === "revoke") {
      await revokeOverride(user, input);
      return { ok: true, message: "Đã bỏ điều chỉnh; tình trạng tính toán được áp dụng lại." };
    }
    await overrideStatus(user, input);
    return { ok: true, message: "Đã lưu điều chỉnh tình trạng." };
  },
);
