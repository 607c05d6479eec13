import { AdminIndex } from "@/modules/admin/components/AdminIndex";
import { adminRoute } from "@/modules/admin/route";

export const dynamic = "force-dynamic";

const route = adminRoute({
  permission: "any",
  path: () => "",
  title: (m) => m.admin.title,
  render: ({ lang, user }) => <AdminIndex lang={lang} user={user} />,
});
export const generateMetadata = route.generateMetadata;
export default route.Page;
