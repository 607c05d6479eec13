import type { Metadata } from "next";
import { isLang } from "@/i18n/config";
import { getMessages } from "@/i18n/messages";
import { resolveLang } from "@/i18n/server";
import { publicPageMetadata } from "@/modules/documents/seo";
import { TasksPage } from "@/modules/tasks/components/TasksPage";
import { parseTaskFilters } from "@/modules/tasks/filters";

export const dynamic = "force-dynamic";

type Params = Promise<{ lang: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { lang } = await params;
  if (!isLang(lang)) return {};
  const t = getMessages(lang).public.tasks;
  return publicPageMetadata({ lang, rest: "/tasks", title: t.title, description: t.metaDescription });
}

export default async function Page({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { lang, m } = await resolveLang(params);
  return <TasksPage lang={lang} m={m} filters={parseTaskFilters(await searchParams)} />;
}
