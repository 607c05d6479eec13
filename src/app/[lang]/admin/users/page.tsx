import { UsersList } from "@/modules/admin/components/UsersPages";
import { adminRoute } from "@/modules/admin/route";
import { userListQuery } from "@/modules/admin/schemas";

export const dynamic = "force-dynamic";

const route = adminRoute({
  permission: "admin.users",
  path: () => "/users",
  title: (m) => m.admin.users.title,
  query: userListQuery,
  render: ({ lang, user, query: q }) => <UsersList lang={lang} user={user} q={q.q} page={q.page} />,
});
export const generateMetadata = route.generateMetadata;
export default route.Page;
