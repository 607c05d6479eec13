import { AssignmentsPage } from "@/modules/admin/components/AssignmentsPage";
import { adminRoute } from "@/modules/admin/route";
import { assignmentListQuery } from "@/modules/admin/schemas";

export const dynamic = "force-dynamic";

const route = adminRoute({
  permission: "admin.assignments",
  path: () => "/assignments",
  title: (m) => m.admin.assignments.title,
  query: assignmentListQuery,
  render: ({ lang, user, query: q }) => (
    <AssignmentsPage lang={lang} user={user} q={q.q} assignedOnly={!!q.assigned} page={q.page} />
  ),
});
export const generateMetadata = route.generateMetadata;
export default route.Page;
