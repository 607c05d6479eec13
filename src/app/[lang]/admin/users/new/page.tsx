import { NewUser } from "@/modules/admin/components/UsersPages";
import { adminRoute } from "@/modules/admin/route";

export const dynamic = "force-dynamic";

const route = adminRoute({
  permission: "admin.users",
  path: () => "/users/new",
  title: (m) => m.admin.users.newTitle,
  render: ({ lang }) => <NewUser lang={lang} />,
});
export const generateMetadata = route.generateMetadata;
export default route.Page;
