import { PeriodsPage } from "@/modules/admin/components/PeriodsPage";
import { adminRoute } from "@/modules/admin/route";
import { pageQuery } from "@/modules/admin/schemas";

export const dynamic = "force-dynamic";

const route = adminRoute({
  permission: "admin.periods",
  path: () => "/periods",
  title: (m) => m.admin.periods.title,
  query: pageQuery,
  render: ({ lang, user, query }) => <PeriodsPage lang={lang} user={user} page={query.page} />,
});
export const generateMetadata = route.generateMetadata;
export default route.Page;
