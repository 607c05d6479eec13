import type { Lang } from "@/i18n/config";
import { fill, type Messages } from "@/i18n/messages";
import { formatDateTime } from "@/lib/format";
import type { SessionUser } from "@/server/current-user";
import { can } from "@/server/permissions";
import { itemThread } from "../queries";
import { CommentForm } from "./CommentForm";

/** An item's conversation, part of its history: the comments, oldest first, then the form. */
export async function Conversation({
  lang,
  m,
  user,
  item,
}: {
  lang: Lang;
  m: Messages;
  user: SessionUser;
  item: { kind: "obs" | "task"; id: number; agencyId: number };
}) {
  const thread = await itemThread(user, item);
  if (!thread) return null;
  const t = m.conversations;
  return (
    <section aria-labelledby="conversation" className="space-y-3">
      <h2 id="conversation" className="text-lg font-semibold">
        {t.title}
      </h2>
      <p className="text-sm text-slate-600">{t.intro}</p>
      {thread.comments.length === 0 ? (
        <p className="text-sm text-slate-600">{t.empty}</p>
      ) : (
        <ol className="space-y-2" data-testid="conversation">
          {thread.comments.map((c) => (
            <li key={c.id} className="rounded border border-slate-200 bg-white p-2 text-sm" data-testid="comment">
              <p className="text-xs text-slate-600">
                {c.author.name} &lt;{c.author.email}&gt; ·{" "}
                <time dateTime={c.createdAt.toISOString()}>{formatDateTime(c.createdAt, lang)}</time>
                {c.mentioned.length > 0 && ` · ${fill(t.mentioned, { names: c.mentioned.join(", ") })}`}
              </p>
              <p className="whitespace-pre-wrap break-words">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      {thread.following && <p className="text-xs text-slate-600">{t.following}</p>}
      {can(user.role, "conversations.write") && (
        <CommentForm kind={item.kind} id={item.id} m={t} mentionable={thread.mentionable} />
      )}
    </section>
  );
}
