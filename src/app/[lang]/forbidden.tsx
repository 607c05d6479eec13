import { ForbiddenNotice } from "@/components/ForbiddenNotice";
import { LANGS } from "@/i18n/config";
import { getMessages } from "@/i18n/messages";

// Rendered by forbidden() (pages refusing a signed-in user's role), answered with HTTP 403.
export default function Forbidden() {
  const text = Object.fromEntries(
    LANGS.map((lang) => {
      const m = getMessages(lang);
      return [lang, { title: m.auth.forbidden, hint: m.auth.forbiddenHint, home: m.nav.home }];
    }),
  ) as Parameters<typeof ForbiddenNotice>[0]["text"];
  return <ForbiddenNotice text={text} />;
}
