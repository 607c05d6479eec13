import { notFound } from "next/navigation";
import { adminRoute } from "@/modules/admin/route";
import { DraftEditor } from "@/modules/catalogue/components/DraftEditor";
import { draftDetail } from "@/modules/catalogue/queries";
import { can } from "@/server/permissions";

export const dynamic = "force-dynamic";

const route = adminRoute({
  permission: "catalogue.read",
  path: (p) => `/catalogue/${p.id}`,
  title: (m) => m.catalogue.title,
  render: async ({ lang, user, params }) => {
    const id = Number(params.id);
    const draft = Number.isSafeInteger(id) && id > 0 && id < 2 ** 31 ? await draftDetail(user, id) : null;
    if (!draft) notFound();
    return (
      <DraftEditor
        lang={lang}
        draft={draft}
        canEdit={can(user.role, "catalogue.edit")}
        canPublish={can(user.role, "catalogue.publish")}
      />
    );
  },
});
export const generateMetadata = route.generateMetadata;
export default route.Page;
