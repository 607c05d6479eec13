import type { Lang } from "@/i18n/config";
import type { Messages } from "@/i18n/messages";

/** A table's downloads: its CSV and the same rows as XLSX (with the filter written in the file). */
export function DownloadLinks({
  csvHref,
  lang,
  m,
  testId,
}: {
  csvHref: string;
  lang: Lang;
  m: Messages;
  testId?: string;
}) {
  const [path, query = ""] = csvHref.split("?");
  const xlsx = new URLSearchParams(query);
  xlsx.set("lang", lang);
  return (
    <span className="no-print flex gap-3 text-sm">
      <a href={csvHref} className="text-brand-700 underline" data-testid={testId && `${testId}-csv`}>
        ⬇ {m.dashboard.csv}
      </a>
      <a
        href={`${path.replace(/\.csv$/, ".xlsx")}?${xlsx}`}
        className="text-brand-700 underline"
        data-testid={testId && `${testId}-xlsx`}
      >
        ⬇ {m.exports.xlsx}
      </a>
    </span>
  );
}
