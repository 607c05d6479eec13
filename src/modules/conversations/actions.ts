"use server";
// The conversation on an item: one action, a thin wrapper around addComment.
import { msg } from "@/i18n/translate";
import { action } from "@/server/action";
import { revalidate } from "@/server/public-cache";
import { addComment } from "./mutations";
import { commentForm, parseCommentForm } from "./schemas";

export const addCommentAction = action(
  "conversations.write",
  commentForm,
  async (user, input) => {
    await addComment(user, input);
    revalidate(`/[lang]/reporting/${input.kind === "obs" ? "observations" : "tasks"}/[id]`, "page");
    return { ok: true, message: msg("conversations.sent") };
  },
  parseCommentForm,
);
