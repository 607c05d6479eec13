import { notFound } from "next/navigation";
import { adminRoute } from "@/modules/admin/route";
import { pageQuery } from "@/modules/admin/schemas";
import { PublishedDocument } from "@/modules/catalogue/components/PublishedDocument";
import { publishedDocumentDetail } from "@/modules/catalogue/queries";
import { can } from "@/server/permissions";

export const dynamic = "force-dynamic";

const route = adminRoute({
  permission: "catalogue.read",
  path: (p) => `/catalogue/documents/${p.key}`,
  title: (m) => m.catalogueHistory.history,
  query: pageQuery,
  render: async ({ lang, user, params, query }) => {
    const doc = await publishedDocumentDetail(user, params.key, query.page);
    if (!doc) notFound();
    return (
      <PublishedDocument lang={lang} doc={doc} taskPage={query.page} canRevise={can(user.role, "catalogue.publish")} />
    );
  },
});
export const generateMetadata = route.generateMetadata;
export default route.Page;
