import { Fragment, isValidElement, type ReactNode } from "react";

/**
 * Renders a tree of synchronous, hook-free server components to static HTML.
 *
 * Publication renders the document inside Next's server (a publisher's server action), where
 * React forbids react-dom/server: the react-server build of react-dom throws, and Next refuses
 * the import at build time. The disclosure components need nothing of a full renderer (no
 * state, no effects, no context, no suspense), so walking the element tree is enough, and it
 * behaves the same under Next, tsx and Vitest. The output matches renderToStaticMarkup for the
 * subset it accepts (a unit test compares them on the whole document); anything outside that
 * subset, such as an event handler, a style object or an async component, is an error rather
 * than silently wrong HTML.
 */

const VOID_ELEMENTS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

/** React prop names that differ from their HTML attribute, as react-dom writes them. */
const ATTRIBUTE_NAMES: Readonly<Record<string, string>> = { className: "class", htmlFor: "for", tabIndex: "tabindex" };

const NOT_ATTRIBUTES = new Set(["children", "dangerouslySetInnerHTML", "key", "ref", "suppressHydrationWarning"]);

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };

/** Escapes text for an element's content or a double-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function attribute(prop: string, value: unknown): string {
  if (value === null || value === undefined || NOT_ATTRIBUTES.has(prop)) return "";
  const name = ATTRIBUTE_NAMES[prop] ?? prop;
  if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(name)) throw new TypeError(`static markup: invalid attribute name ${prop}`);
  if (typeof value === "boolean") {
    // aria-* and data-* keep "true"/"false"; other booleans are HTML boolean attributes.
    if (name.startsWith("aria-") || name.startsWith("data-")) return ` ${name}="${value}"`;
    return value ? ` ${name}=""` : "";
  }
  if (typeof value === "string" || typeof value === "number") return ` ${name}="${escapeHtml(String(value))}"`;
  throw new TypeError(`static markup: cannot render the ${prop} property (${typeof value}); published pages carry no script or inline style objects`);
}

function innerHtml(props: Record<string, unknown>): string | null {
  const inner = props.dangerouslySetInnerHTML;
  if (inner === undefined || inner === null) return null;
  if (typeof inner === "object" && "__html" in inner && typeof inner.__html === "string") return inner.__html;
  throw new TypeError("static markup: dangerouslySetInnerHTML needs { __html: string }");
}

function isIterable(node: object): node is Iterable<ReactNode> {
  return Symbol.iterator in node;
}

export function renderStaticMarkup(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === "boolean") return "";
  if (typeof node === "string" || typeof node === "number" || typeof node === "bigint") return escapeHtml(String(node));
  if (isValidElement<Record<string, unknown>>(node)) {
    const { type, props } = node;
    if (type === Fragment) return renderStaticMarkup(props.children as ReactNode);
    if (typeof type === "function") {
      if ((type.prototype as { isReactComponent?: unknown } | undefined)?.isReactComponent) {
        throw new TypeError(`static markup: class component ${type.name} is not supported`);
      }
      const rendered: unknown = (type as (p: Record<string, unknown>) => unknown)(props);
      if (rendered instanceof Promise) throw new TypeError(`static markup: async component ${type.name} is not supported`);
      return renderStaticMarkup(rendered as ReactNode);
    }
    if (typeof type !== "string") throw new TypeError("static markup: only host elements, function components and fragments are supported");
    const attributes = Object.entries(props)
      .map(([prop, value]) => attribute(prop, value))
      .join("");
    if (VOID_ELEMENTS.has(type)) return `<${type}${attributes}/>`;
    const content = innerHtml(props) ?? renderStaticMarkup(props.children as ReactNode);
    return `<${type}${attributes}>${content}</${type}>`;
  }
  if (typeof node === "object" && isIterable(node)) return Array.from(node, renderStaticMarkup).join("");
  throw new TypeError("static markup: cannot render a promise or portal");
}
