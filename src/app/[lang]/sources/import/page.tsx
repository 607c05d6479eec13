import { forbidden } from "next/navigation";
import { resolveLang } from "@/i18n/server";
import { ImportFigures } from "@/modules/figures/components/ImportFigures";
import { pageUser } from "@/server/page-auth";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ lang: string }> }) {
  const { m } = await resolveLang(params);
  return { title: m.figures.import.title };
}

/** public/templates/so-lieu-cong-bo.csv is csvTemplate() of ../parse.ts (a unit test keeps them equal). */
const TEMPLATE_PATH = "/templates/so-lieu-cong-bo.csv";

export default async function ImportFiguresPage({ params }: { params: Promise<{ lang: string }> }) {
  const { lang, m } = await resolveLang(params);
  const t = m.figures.import;
  const { allowed } = await pageUser(lang, "figures.import", `/${lang}/sources/import`);
  if (!allowed) forbidden();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-brand-800">{t.title}</h1>
      <p className="max-w-3xl text-slate-700">{t.intro}</p>
      <p>
        <a href={TEMPLATE_PATH} download className="text-brand-700 underline" data-testid="figures-template">
          ⬇ {t.template}
        </a>
      </p>
      <ImportFigures lang={lang} m={m.figures} />
    </div>
  );
}
