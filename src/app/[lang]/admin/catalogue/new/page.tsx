import { adminRoute } from "@/modules/admin/route";
import { NewDraftForm } from "@/modules/catalogue/components/NewDraftForm";

export const dynamic = "force-dynamic";

const route = adminRoute({
  permission: "catalogue.edit",
  path: () => "/catalogue/new",
  title: (m) => m.catalogue.newDraft,
  render: ({ lang }) => <NewDraftForm lang={lang} />,
});
export const generateMetadata = route.generateMetadata;
export default route.Page;
