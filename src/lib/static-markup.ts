// Static HTML from JSX, for long lists of plain markup that never change in the browser.
//
// A server component's output travels twice in an App Router page: as HTML, and again in the RSC
// payload from which React rebuilds and hydrates every element. For the scorecard's ~80 indicator
// cards (~1,400 elements) that second copy is most of the page's script work at load. Rendered to
// a string and placed with dangerouslySetInnerHTML, the list is one string in the payload and one
// element to hydrate; the markup is the same.
//
// Only host elements (with string, number and boolean attributes), fragments, arrays and plain
// synchronous function components without hooks are supported: anything else (event handlers,
// style objects, client components such as next/link, async components) throws.
import { Fragment, isValidElement, type ReactNode } from "react";

const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
]);
const BOOLEAN = new Set([
  "hidden",
  "disabled",
  "checked",
  "selected",
  "readonly",
  "required",
  "open",
  "multiple",
  "autofocus",
]);
// Other camelCase names (hrefLang, readOnly) are written as React writes them; HTML ignores case.
const RENAMED: Record<string, string> = { className: "class", htmlFor: "for", tabIndex: "tabindex" };
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };

/** The characters React escapes in text and attribute values. */
function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function attributes(tag: string, props: Record<string, unknown>): string {
  let out = "";
  for (const [key, value] of Object.entries(props)) {
    if (key === "children" || key === "key" || value == null) continue;
    if (
      key === "dangerouslySetInnerHTML" ||
      key === "style" ||
      key === "ref" ||
      /^on[A-Z]/.test(key) ||
      typeof value === "function" ||
      typeof value === "object"
    ) {
      throw new Error(`staticMarkup: <${tag} ${key}> is not static markup`);
    }
    const name = RENAMED[key] ?? key;
    if (typeof value === "boolean") {
      // As React: data-* and aria-* spell the boolean out; boolean attributes are present or absent.
      if (name.startsWith("data-") || name.startsWith("aria-")) out += ` ${name}="${value}"`;
      else if (BOOLEAN.has(name.toLowerCase())) out += value ? ` ${name}=""` : "";
      else throw new Error(`staticMarkup: <${tag} ${key}={${value}}> has no static meaning`);
      continue;
    }
    out += ` ${name}="${escapeHtml(String(value))}"`;
  }
  return out;
}

/** Renders a tree of host elements and plain function components to an HTML string. */
export function staticMarkup(node: ReactNode): string {
  if (node == null || typeof node === "boolean") return "";
  if (typeof node === "string") return escapeHtml(node);
  if (typeof node === "number" || typeof node === "bigint") return String(node);
  if (Array.isArray(node)) return node.map(staticMarkup).join("");
  if (!isValidElement(node)) throw new Error(`staticMarkup: unsupported node ${String(node)}`);
  const { type } = node;
  const props = node.props as Record<string, unknown> & { children?: ReactNode };
  if (type === Fragment) return staticMarkup(props.children);
  if (typeof type === "string") {
    const open = `<${type}${attributes(type, props)}>`;
    if (VOID.has(type)) return `${open.slice(0, -1)}/>`;
    return `${open}${staticMarkup(props.children)}</${type}>`;
  }
  if ((type as { $$typeof?: symbol }).$$typeof === Symbol.for("react.client.reference")) {
    throw new Error("staticMarkup: client components (next/link too) are not static markup; use <a>");
  }
  if (typeof type === "function" && !(type.prototype && type.prototype.isReactComponent)) {
    const out = (type as (p: unknown) => ReactNode)(props);
    if (out instanceof Promise) throw new Error(`staticMarkup: ${type.name || "a component"} is async`);
    return staticMarkup(out);
  }
  throw new Error("staticMarkup: only host elements and plain function components are static markup");
}
