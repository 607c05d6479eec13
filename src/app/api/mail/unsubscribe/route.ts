import { NextResponse } from "next/server";
import { redeemUnsubscribeToken } from "@/modules/mail/mutations";
import { errorResponse } from "@/server/api-auth";
import { publicLang } from "@/server/api";
import { clockNow } from "@/server/clock";
import { AppError } from "@/server/errors";
import { msg } from "@/i18n/translate";

export const dynamic = "force-dynamic";

/**
 * RFC 8058 one-click unsubscribe: the mail program POSTs `List-Unsubscribe=One-Click` to the URL
 * in the List-Unsubscribe header. The token in the URL is the authority (no session, any origin):
 * it works once. GET is not answered, so a link scanner fetching the URL changes nothing.
 */
export async function POST(req: Request) {
  const lang = publicLang(req);
  try {
    const r = await redeemUnsubscribeToken(new URL(req.url).searchParams.get("token"), clockNow());
    if (!r.ok)
      throw new AppError(
        msg(r.reason === "expired" ? "mail.unsubscribePage.expired" : "mail.unsubscribePage.invalid"),
        r.reason === "expired" ? 410 : 404,
      );
    return NextResponse.json(
      { ok: true, categories: r.value.categories },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (e) {
    return errorResponse(e, lang);
  }
}
