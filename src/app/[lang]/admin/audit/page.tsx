import { AuditPage } from "@/modules/admin/components/AuditPage";
import { adminRoute } from "@/modules/admin/route";
import { auditQuery } from "@/modules/admin/schemas";

export const dynamic = "force-dynamic";

const route = adminRoute({
  permission: "audit.read",
  path: () => "/audit",
  title: (m) => m.admin.audit.title,
  query: auditQuery,
  render: ({ lang, user, query }) => <AuditPage lang={lang} user={user} query={query} />,
});
export const generateMetadata = route.generateMetadata;
export default route.Page;
