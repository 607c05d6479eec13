import { notFound } from "next/navigation";
import { EditUser } from "@/modules/admin/components/UsersPages";
import { adminRoute } from "@/modules/admin/route";

export const dynamic = "force-dynamic";

const route = adminRoute({
  permission: "admin.users",
  path: ({ id }) => `/users/${encodeURIComponent(id)}`,
  title: (m) => m.admin.users.title,
  render: ({ lang, user, params }) => {
    if (!/^\d{1,9}$/.test(params.id)) notFound();
    return <EditUser lang={lang} user={user} id={Number(params.id)} />;
  },
});
export const generateMetadata = route.generateMetadata;
export default route.Page;
