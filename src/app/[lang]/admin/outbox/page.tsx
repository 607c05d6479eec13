import { adminRoute } from "@/modules/admin/route";
import { OutboxPage } from "@/modules/mail/components/OutboxPage";
import { outboxQuery } from "@/modules/mail/schemas";

export const dynamic = "force-dynamic";

const route = adminRoute({
  permission: "admin.outbox",
  path: () => "/outbox",
  title: (m) => m.mail.outbox.title,
  query: outboxQuery,
  render: ({ lang, user, query }) => <OutboxPage lang={lang} user={user} query={query} />,
});
export const generateMetadata = route.generateMetadata;
export default route.Page;
