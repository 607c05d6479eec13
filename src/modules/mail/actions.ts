"use server";
import { msg } from "@/i18n/translate";
import { publicAction } from "@/server/action";
import { clockNow } from "@/server/clock";
import { AppError } from "@/server/errors";
import { unsubscribeSchema } from "@/modules/auth/schemas";
import { categoryName } from "./compose";
import { redeemUnsubscribeToken } from "./mutations";

/** The unsubscribe page's button: the link's token turns its categories' email off, once. */
export const unsubscribeAction = publicAction(unsubscribeSchema, async (input, { lang }) => {
  const r = await redeemUnsubscribeToken(input.token, clockNow());
  if (!r.ok)
    throw new AppError(
      msg(r.reason === "expired" ? "mail.unsubscribePage.expired" : "mail.unsubscribePage.invalid"),
      400,
    );
  return {
    ok: true,
    message: msg("mail.unsubscribePage.done", {
      categories: r.value.categories.map((c) => categoryName(lang, c)).join(", "),
    }),
  };
});
