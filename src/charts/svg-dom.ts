import { parseHTML } from "linkedom";

/** The SVG namespace, also written as the root's `xmlns`. */
export const svgNamespace = "http://www.w3.org/2000/svg";

/** The few DOM node features the renderer uses (the project compiles without the DOM lib). */
export interface DomNode {
  readonly nodeType: number;
  readonly textContent: string | null;
}

/** The few DOM element features the renderer uses. */
export interface DomElement extends DomNode {
  readonly localName: string;
  readonly childNodes: ArrayLike<DomNode>;
  readonly attributes: ArrayLike<{ readonly name: string; readonly value: string }>;
  textContent: string | null;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  appendChild(node: DomNode): DomNode;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

/** The document the renderer builds in, and passes to Plot. */
export interface DomDocument {
  createElementNS(namespace: string, name: string): DomElement;
}

/** A fresh, empty linkedom document (no globals touched). */
export function createDocument(): DomDocument {
  const { document } = parseHTML("<!DOCTYPE html><html><head></head><body></body></html>");
  return document as DomDocument;
}

/** Creates an SVG element with the given attributes (numbers written as they print). */
export function svgElement(
  document: DomDocument,
  name: string,
  attributes: Record<string, string | number> = {},
  text?: string,
): DomElement {
  const element = document.createElementNS(svgNamespace, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** Whether `node` is an element (as opposed to text or a comment). */
export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === 1;
}

function escapeText(value: string): string {
  return value.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

function escapeAttribute(value: string): string {
  return escapeText(value).replaceAll('"', "&quot;").replaceAll("\n", "&#10;");
}

/**
 * Serialises an element tree as well-formed XML: escapes `&`, `<`, `>` and quotes in
 * attributes too (linkedom's HTML serialiser does not), self-closes empty elements and drops
 * comments.
 */
export function serializeXml(element: DomElement): string {
  const parts: string[] = [];
  const visit = (node: DomElement): void => {
    parts.push("<", node.localName);
    for (const attribute of Array.from(node.attributes)) {
      parts.push(" ", attribute.name, '="', escapeAttribute(attribute.value), '"');
    }
    const children = Array.from(node.childNodes);
    if (children.length === 0) {
      parts.push("/>");
      return;
    }
    parts.push(">");
    for (const child of children) {
      if (isElement(child)) visit(child);
      else if (child.nodeType === 3) parts.push(escapeText(child.textContent ?? ""));
    }
    parts.push("</", node.localName, ">");
  };
  visit(element);
  return parts.join("");
}

/** Average glyph width of a sans-serif font, in ems; a slight overestimate, so text fits. */
export const averageGlyphEm = 0.58;

/** Estimated width of `text` in px at `fontSizePx`. */
export function estimateTextWidthPx(text: string, fontSizePx: number): number {
  return text.length * averageGlyphEm * fontSizePx;
}

/** Splits `text` into lines of at most `maxWidthPx` (estimated), breaking at spaces. */
export function wrapText(text: string, maxWidthPx: number, fontSizePx: number): string[] {
  const maxChars = Math.max(8, Math.floor(maxWidthPx / (averageGlyphEm * fontSizePx)));
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    if (line === "") line = word;
    else if (line.length + 1 + word.length <= maxChars) line += " " + word;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

/**
 * Renames every `id` under `root` to `${prefix}-${n}` (in document order) and rewrites the
 * `url(#…)` and `#…` references to them, so ids are deterministic and unique when several
 * charts share one document.
 */
export function renumberIds(root: DomElement, prefix: string): void {
  const renamed = new Map<string, string>();
  for (const element of Array.from(root.querySelectorAll("[id]"))) {
    const id = element.getAttribute("id");
    if (id === null) continue;
    const next = `${prefix}-${renamed.size}`;
    renamed.set(id, next);
    element.setAttribute("id", next);
  }
  if (renamed.size === 0) return;
  const rewrite = (value: string): string =>
    value.replace(/url\(#([^)]+)\)|^#(.+)$/g, (match, inUrl?: string, inHref?: string) => {
      const target = renamed.get(inUrl ?? inHref ?? "");
      if (target === undefined) return match;
      return inUrl !== undefined ? `url(#${target})` : `#${target}`;
    });
  for (const element of Array.from(root.querySelectorAll("*"))) {
    for (const { name, value } of Array.from(element.attributes)) {
      if (value.includes("#")) element.setAttribute(name, rewrite(value));
    }
  }
}
