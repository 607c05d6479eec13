import { adminRoute } from "@/modules/admin/route";
import { pageQuery } from "@/modules/admin/schemas";
import { CataloguePage } from "@/modules/catalogue/components/CataloguePage";

export const dynamic = "force-dynamic";

const route = adminRoute({
  permission: "catalogue.read",
  path: () => "/catalogue",
  title: (m) => m.catalogue.title,
  query: pageQuery,
  render: ({ lang, user, query }) => <CataloguePage lang={lang} user={user} page={query.page} />,
});
export const generateMetadata = route.generateMetadata;
export default route.Page;
