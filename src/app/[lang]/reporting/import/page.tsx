import { redirect } from "next/navigation";
import { resolveLang } from "@/i18n/server";
import { requireUser } from "@/server/current-user";
import { AuthError, ForbiddenError } from "@/server/errors";
import { ImportScreen } from "@/modules/excel/components/ImportScreen";
import { loadImportPage } from "@/modules/excel/queries";

export const dynamic = "force-dynamic";

type Search = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function generateMetadata({ params }: { params: Promise<{ lang: string }> }) {
  const { m } = await resolveLang(params);
  return { title: m.excel.title };
}

export default async function ImportPage({
  params,
  searchParams,
}: {
  params: Promise<{ lang: string }>;
  searchParams: Search;
}) {
  const { lang, m } = await resolveLang(params);
  const sp = await searchParams;
  const user = await requireUser("reporting.write").catch((e: unknown) => {
    if (e instanceof AuthError) redirect(`/${lang}/login?next=${encodeURIComponent(`/${lang}/reporting/import`)}`);
    if (e instanceof ForbiddenError) return null;
    throw e;
  });
  if (!user) {
    return (
      <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-4">
        {m.excel.forbidden}
      </p>
    );
  }
  const data = await loadImportPage(user, { period: first(sp.period), batch: first(sp.batch) });
  return <ImportScreen lang={lang} m={m} data={data} />;
}
