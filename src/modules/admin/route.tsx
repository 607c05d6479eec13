import "server-only";
// Every admin page is the same three steps: language, guard (sign-in with ?next=, then the
// permission, else 403), then the view. One place, so a new admin page cannot forget a step.
import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import type { ReactNode } from "react";
import type { z } from "zod";
import type { Lang } from "@/i18n/config";
import type { Messages } from "@/i18n/messages";
import { resolveLang } from "@/i18n/server";
import type { SessionUser } from "@/server/current-user";
import type { Permission } from "@/server/permissions";
import { adminGate } from "./gate";
import { firstValues } from "./schemas";

type RouteParams = { lang: string } & Record<string, string>;
type Props = {
  params: Promise<RouteParams>;
  searchParams?: Promise<Record<string, string | string[] | undefined>>;
};
export type AdminView<Q> = { lang: Lang; user: SessionUser; params: RouteParams; query: Q };

export function adminRoute<Q = undefined>(o: {
  permission: Permission | "any";
  /** The search parameters' schema (lenient: it must parse anything a visitor can type). */
  query?: z.ZodType<Q>;
  /** The page's path below /{lang}/admin, for the sign-in page to come back to. */
  path: (params: RouteParams) => string;
  title: (m: Messages) => string;
  render: (view: AdminView<Q>) => ReactNode;
}) {
  return {
    async generateMetadata({ params }: Props): Promise<Metadata> {
      const { m } = await resolveLang(params);
      return { title: o.title(m), robots: { index: false } };
    },
    async Page({ params, searchParams }: Props) {
      const { lang } = await resolveLang(params);
      const p = await params;
      const user = await adminGate(lang, o.permission, `/${lang}/admin${o.path(p)}`);
      if (!user) forbidden();
      const query = o.query ? o.query.parse(firstValues((await searchParams) ?? {})) : (undefined as Q);
      return o.render({ lang, user, params: p, query });
    },
  };
}
