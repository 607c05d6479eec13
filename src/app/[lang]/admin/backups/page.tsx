import { adminRoute } from "@/modules/admin/route";
import { BackupsPage } from "@/modules/backups/components/BackupsPage";

export const dynamic = "force-dynamic";

const route = adminRoute({
  permission: "admin.backups",
  path: () => "/backups",
  title: (m) => m.ops.backups.title,
  render: ({ lang, user }) => <BackupsPage lang={lang} user={user} />,
});
export const generateMetadata = route.generateMetadata;
export default route.Page;
