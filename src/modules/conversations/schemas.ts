import { z } from "zod";
import { msg } from "@/i18n/translate";
import { readNow, zmsg } from "@/i18n/zod";
import { hasUnstorableChars } from "@/lib/text";
import { single } from "@/modules/notifications/schemas";

export const COMMENT_MAX = 2000;

// Length in code points (an emoji such as 👍 is one, not two UTF-16 units as the browser's
// maxLength counts), checked first so a megabyte of text is refused after one pass. Control
// characters are refused: the database cannot store NUL.
export const commentBody = z
  .string(zmsg("conversations.errors.notText"))
  .superRefine((s, ctx) => {
    const length = [...s].length;
    if (length > COMMENT_MAX)
      ctx.addIssue({ code: "custom", message: readNow(msg("conversations.errors.tooLong", { length })) });
    else if (!s.replace(/[\s\p{Cf}]/gu, ""))
      ctx.addIssue({ code: "custom", message: readNow(msg("conversations.errors.empty")) });
    else if (hasUnstorableChars(s))
      ctx.addIssue({ code: "custom", message: readNow(msg("conversations.errors.badChars")) });
  })
  .transform((s) => s.trim());

export const commentForm = z.object({
  kind: z.enum(["obs", "task"]),
  id: z.coerce.number().int().positive().max(2_147_483_647),
  body: commentBody,
});
export type CommentInput = z.infer<typeof commentForm>;

/** The form as sent; a field sent twice is a list, which the schema refuses. */
export function parseCommentForm(formData: FormData) {
  return { kind: single(formData, "kind"), id: single(formData, "id"), body: single(formData, "body") ?? undefined };
}
