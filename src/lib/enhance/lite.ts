// The script anonymous visitors' public pages carry instead of Next's runtime (see
// src/server/http/lite-page.ts): the pages are complete HTML, so all that is left to do in the
// browser is the scorecard filter, the archive picker, the chart read-out, the sign-in link and
// the language link's query string and anchor. The rules are those the React components use (./logic).
import { filterCards } from "./cards";
import { archiveHref, cardQuery, nearestPoint, pointerKey, shownText, withQuery } from "./logic";

type Point = { x: number; y: number; label: string; value: string };

export function enhanceLitePage(doc: Document): void {
  signInLink(doc);
  languageQuery(doc);
  cardFilter(doc);
  archivePicker(doc);
  doc.querySelectorAll<HTMLElement>("[data-points]").forEach(chartPointer);
}

/** A lite page is only served without a session cookie: the visitor is signed out. */
function signInLink(doc: Document) {
  doc.querySelectorAll<HTMLElement>("[data-account]").forEach((span) => {
    const a = doc.createElement("a");
    a.href = span.dataset.account ?? "/vi/login";
    a.className = "hover:underline";
    a.dataset.testid = "sign-in-link";
    a.textContent = span.textContent;
    span.replaceWith(a);
  });
}

/** The other language's link keeps the filters and the anchor (a line of a document, say). */
function languageQuery(doc: Document) {
  const links = [...doc.querySelectorAll<HTMLAnchorElement>("header a[hreflang]")].map(
    (a) => [a, a.getAttribute("href") ?? ""] as const,
  );
  const update = () =>
    links.forEach(([a, href]) => a.setAttribute("href", withQuery(href, location.search) + location.hash));
  if (location.search || location.hash) update();
  addEventListener("hashchange", update);
}

function cardFilter(doc: Document) {
  const form = doc.querySelector<HTMLFormElement>("form[data-card-filter]");
  if (!form) return;
  const out = form.querySelector<HTMLElement>("[data-template]");
  const apply = () => {
    const n = filterCards(form, doc);
    if (out) out.textContent = shownText(out.dataset.template ?? "{count}", n);
  };
  form.addEventListener("input", apply);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    apply();
  });
  // Values the browser restored (back/forward) are applied at once.
  const restored = cardQuery((name) => new FormData(form).get(name));
  if (restored.q || restored.pillar || restored.status) apply();
}

function archivePicker(doc: Document) {
  const form = doc.querySelector<HTMLFormElement>("form[data-archive]");
  const select = form?.querySelector("select");
  if (!form || !select) return;
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    location.assign(archiveHref(form.dataset.archive ?? "vi", select.value));
  });
}

const SVG = "http://www.w3.org/2000/svg";

function chartPointer(box: HTMLElement) {
  const points = JSON.parse(box.dataset.points ?? "[]") as Point[];
  const status = box.querySelector<HTMLElement>("[role=status]");
  if (!points.length || !status) return;
  const color = box.dataset.color ?? "#0b5cad";
  let active: number | null = null;
  let overlay: SVGSVGElement | null = null;
  const svg = <K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string>) => {
    const el = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    return el;
  };
  const show = (i: number | null) => {
    active = i;
    overlay?.remove();
    overlay = null;
    if (i === null) {
      status.className = "sr-only";
      status.removeAttribute("style");
      status.replaceChildren();
      return;
    }
    const p = points[i];
    overlay = svg("svg", {
      class: "pointer-events-none absolute inset-0 h-full w-full overflow-visible",
      "aria-hidden": "true",
    });
    overlay.append(
      svg("line", { x1: `${p.x}%`, x2: `${p.x}%`, y1: "0", y2: "100%", stroke: "#ccc" }),
      svg("circle", { cx: `${p.x}%`, cy: `${p.y}%`, r: "4", fill: color, stroke: "#fff", "stroke-width": "2" }),
    );
    box.insertBefore(overlay, status);
    status.className = "pointer-events-none absolute z-10 whitespace-nowrap border border-[#ccc] bg-white p-2.5";
    status.style.cssText = `top:${Math.min(p.y, 70)}%;${p.x > 60 ? `right:calc(${100 - p.x}% + 10px)` : `left:calc(${p.x}% + 10px)`}`;
    const label = document.createElement("p");
    label.textContent = p.label;
    const value = document.createElement("p");
    value.style.color = color;
    value.textContent = `${box.dataset.name ?? ""} : ${p.value}`;
    status.replaceChildren(label, value);
  };
  box.addEventListener("pointermove", (e) => {
    const r = box.getBoundingClientRect();
    show(
      nearestPoint(
        points.map((p) => p.x),
        ((e.clientX - r.left) / r.width) * 100,
      ),
    );
  });
  box.addEventListener("pointerleave", () => show(null));
  box.addEventListener("blur", () => show(null));
  box.addEventListener("keydown", (e) => {
    const next = pointerKey(e.key, active, points.length);
    if (next === "hide") show(null);
    else if (next !== null) {
      e.preventDefault();
      show(next);
    }
  });
}
