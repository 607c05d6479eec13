"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import type { Lang } from "@/i18n/config";
import { dismissNotices, signOutEverywhere } from "@/modules/auth/actions";
import { can, type Role } from "@/server/permissions";
import { fetchMe } from "./me";

type Notice = { at: string; failures: number; addresses: string[] };
type Me = {
  name: string;
  role: Role;
  agency: { code: string; nameVi: string; nameEn: string };
  notices?: Notice[];
  unread?: number;
} | null;

/** The few words the menu shows (not whole catalogue namespaces: they would travel in every public page). */
export type AccountMenuLabels = {
  signIn: string;
  signOut: string;
  signOutEverywhere: string;
  failureNotice: string;
  dismissNotice: string;
  reporting: string;
  dashboard: string;
  review: string;
  admin: string;
  /** "{n}" is the number of unread notifications. */
  bell: string;
  bellNone: string;
};

/**
 * Sign-in link or the signed-in user's links. Fetched in the browser so public pages stay
 * cacheable; next-auth's client is loaded only when someone signs out, to keep it off public pages.
 */
export function AccountMenu({ lang, m }: { lang: Lang; m: AccountMenuLabels }) {
  const [me, setMe] = useState<Me | undefined>(undefined);
  // Re-read on navigation: signing in or out moves to another page without reloading the header.
  const pathname = usePathname();
  useEffect(() => {
    let live = true;
    fetchMe()
      .then((user) => live && setMe(user as Me))
      .catch(() => live && setMe(null));
    return () => {
      live = false;
    };
  }, [pathname]);
  // Until the answer arrives, hold the sign-in link's place (most visitors are signed out), so the
  // header does not reflow and shift the page when it appears.
  // data-account: where the script-free public page (src/lib/enhance/lite.ts) puts the sign-in link.
  if (me === undefined)
    return (
      <span className="invisible" aria-hidden="true" data-account={`/${lang}/login`}>
        {m.signIn}
      </span>
    );
  if (!me) {
    return (
      <Link href={`/${lang}/login`} prefetch={false} className="hover:underline" data-testid="sign-in-link">
        {m.signIn}
      </Link>
    );
  }
  return (
    <span className="flex flex-wrap items-center gap-3">
      {can(me.role, "reporting.read") && me.role !== "REVIEWER" && me.role !== "ADMIN" && (
        <Link href={`/${lang}/reporting`} className="hover:underline">
          {m.reporting}
        </Link>
      )}
      {can(me.role, "national.read") ? (
        <Link href={`/${lang}/dashboard`} className="hover:underline">
          {m.dashboard}
        </Link>
      ) : (
        <Link href={`/${lang}/dashboard/agencies/${me.agency.code}`} className="hover:underline">
          {m.dashboard}
        </Link>
      )}
      {can(me.role, "reporting.review") && (
        <>
          <Link href={`/${lang}/reporting`} className="hover:underline">
            {m.reporting}
          </Link>
          <Link href={`/${lang}/review`} className="hover:underline">
            {m.review}
          </Link>
        </>
      )}
      {(can(me.role, "admin.users") || can(me.role, "audit.read")) && (
        <Link href={`/${lang}/admin`} className="hover:underline">
          {m.admin}
        </Link>
      )}
      {me.notices?.[0] && (
        <span
          role="status"
          data-testid="sign-in-notice"
          className="rounded bg-amber-100 px-2 py-1 text-xs text-amber-950"
        >
          {m.failureNotice
            .replace("{n}", String(me.notices[0].failures))
            .replace("{addresses}", me.notices[0].addresses.join(", "))}{" "}
          <button
            type="button"
            className="underline"
            onClick={async () => {
              await dismissNotices();
              setMe({ ...me, notices: [] });
            }}
          >
            {m.dismissNotice}
          </button>
        </span>
      )}
      <Link
        href={`/${lang}/notifications`}
        prefetch={false}
        className="inline-flex items-center gap-1 rounded px-1 hover:underline"
        data-testid="bell"
      >
        {/* Drawn, not an emoji: machines without an emoji font show a box. */}
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-current">
          <path d="M10 2a5 5 0 0 0-5 5v3.6L3.3 13.4A1 1 0 0 0 4.2 15h11.6a1 1 0 0 0 .9-1.6L15 10.6V7a5 5 0 0 0-5-5Zm-2 14a2 2 0 0 0 4 0H8Z" />
        </svg>
        {/* The count is said in words to screen readers; sighted users see the number. */}
        <span className="sr-only">{me.unread ? m.bell.replace("{n}", String(me.unread)) : m.bellNone}</span>
        {!!me.unread && (
          <span
            aria-hidden="true"
            className="rounded-full bg-amber-300 px-1.5 text-xs font-semibold text-slate-900"
            data-testid="bell-count"
          >
            {me.unread > 99 ? "99+" : me.unread}
          </span>
        )}
      </Link>
      <span className="text-xs opacity-80" data-testid="signed-in-as">
        {me.name} · {lang === "vi" ? me.agency.nameVi : me.agency.nameEn}
      </span>
      <button
        type="button"
        onClick={async () => (await import("next-auth/react")).signOut({ callbackUrl: `/${lang}` })}
        className="rounded border border-white/40 px-2 py-1 text-sm hover:bg-white/10"
      >
        {m.signOut}
      </button>
      <button
        type="button"
        onClick={async () => {
          // Ends every session on the server first; signing out here then clears this browser's cookie.
          await signOutEverywhere();
          await (await import("next-auth/react")).signOut({ callbackUrl: `/${lang}` });
        }}
        className="rounded px-2 py-1 text-xs underline hover:bg-white/10"
      >
        {m.signOutEverywhere}
      </button>
    </span>
  );
}
