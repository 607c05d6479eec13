import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { clockNow } from "./clock";
import { db } from "./db";
import { READ_PUBLIC_VERSION_SQL } from "./public-version";

// Results computed from published data (statuses, the scorecard, task statuses) are kept per
// published-data version, the same counter the front cache polls: one mechanism decides when
// anything built from approved data is stale. It moves in the transaction of every approval,
// status override and seed change (src/server/public-version.ts). Data that is not published
// (submissions, assignments, period dates) must not be memoised here: nothing bumps the version
// for it.

const memos = new Map<string, { stamp: string; value: unknown }>();

/** The published-data version as this instance reads it now (one primary-key look-up). */
async function publicDataVersion(): Promise<string> {
  const rows = await db.$queryRaw<{ v: string }[]>(Prisma.raw(READ_PUBLIC_VERSION_SQL));
  return rows[0]?.v ?? "0";
}

/** Memoises `fn` per published-data version and calendar day ("now"-based results change at midnight). */
export async function memoByPublicVersion<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const version = await publicDataVersion();
  return memoByStamp(key, `${version}|${clockNow().toISOString().slice(0, 10)}`, fn);
}

/**
 * Memoises `fn` while `stamp` stays the same: for results built from data that moves without the
 * published-data version (submissions), given a stamp that moves with every write to that data.
 */
export async function memoByStamp<T>(key: string, stamp: string, fn: () => Promise<T>): Promise<T> {
  const hit = memos.get(key);
  if (hit && hit.stamp === stamp) return hit.value as T;
  const value = await fn();
  memos.set(key, { stamp, value });
  return value;
}
