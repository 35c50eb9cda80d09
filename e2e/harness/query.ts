/**
 * @module Test helper: engine-neutral element queries. A `Query` is plain data (so it crosses into any browser as
 * JSON) that finds elements by role and accessible name, label, text or CSS, through open shadow roots, the way
 * Playwright's `getByRole` does; `resolveQuery` is the function that runs in the page.
 */

/** A string matches case-insensitively as a substring (Playwright's default), or exactly; a RegExp by `test`. */
type Match = { text: string; exact: boolean } | { source: string; flags: string };

/** One step of a query, applied to the deep descendants of the previous step's elements. */
type Step =
  | { kind: "css"; css: string }
  | { kind: "role"; role: string; name?: Match; level?: number }
  | { kind: "label"; label: Match }
  | { kind: "text"; text: Match };

/** What one step keeps of its matches. */
interface StepOptions {
  enabled?: boolean;
  pick?: "first" | "last" | number;
}

const match = (value: string | RegExp, exact = false): Match =>
  typeof value === "string" ? { text: value, exact } : { source: value.source, flags: value.flags };

/**
 * A chain of steps; each method returns a new query, so one can be kept and refined.
 * @example query().css("[data-slotbook]").role("radiogroup", "Day").role("radio").enabled().last()
 */
export class Query {
  constructor(readonly steps: readonly (Step & StepOptions)[] = []) {}

  private add(step: Step): Query {
    return new Query([...this.steps, step]);
  }
  private refine(options: StepOptions): Query {
    const last = this.steps.at(-1);
    if (!last) throw new Error("query: refine a step, not an empty query");
    return new Query([...this.steps.slice(0, -1), { ...last, ...options }]);
  }

  css(css: string): Query {
    return this.add({ kind: "css", css });
  }
  role(role: string, name?: string | RegExp, options: { exact?: boolean; level?: number } = {}): Query {
    return this.add({
      kind: "role",
      role,
      ...(name !== undefined && { name: match(name, options.exact) }),
      level: options.level,
    });
  }
  label(label: string | RegExp, options: { exact?: boolean } = {}): Query {
    return this.add({ kind: "label", label: match(label, options.exact) });
  }
  text(text: string | RegExp, options: { exact?: boolean } = {}): Query {
    return this.add({ kind: "text", text: match(text, options.exact) });
  }
  /** Keep only the last step's elements that are not disabled (`:enabled`, or `aria-disabled` unset). */
  enabled(): Query {
    return this.refine({ enabled: true });
  }
  first(): Query {
    return this.refine({ pick: "first" });
  }
  last(): Query {
    return this.refine({ pick: "last" });
  }
  nth(index: number): Query {
    return this.refine({ pick: index });
  }
  toString(): string {
    return JSON.stringify(this.steps);
  }
}

/** The start of every query: the whole document, shadow roots included. */
export const query = (): Query => new Query();

/**
 * Runs in the page (no outer references: it is sent as source). Resolves a query's steps to the elements they
 * match, in document order with each shadow tree before its host's light children.
 */
export function resolveQuery(steps: (Step & StepOptions)[]): Element[] {
  const deep = (root: Element | Document | ShadowRoot, out: Element[]): Element[] => {
    if (root instanceof Element && root.shadowRoot) deep(root.shadowRoot, out);
    for (const child of Array.from(root.children)) {
      out.push(child);
      deep(child, out);
    }
    return out;
  };
  const norm = (s: string) => s.replace(/\s+/g, " ").trim();
  const matches = (m: Match, value: string) =>
    "source" in m
      ? new RegExp(m.source, m.flags).test(value)
      : m.exact
        ? value === m.text
        : value.toLowerCase().includes(m.text.toLowerCase());
  const parent = (el: Element): Element | null =>
    el.parentElement ?? ((el.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
  const hidden = (el: Element): boolean => {
    for (let e: Element | null = el; e; e = parent(e)) if (e.getAttribute("aria-hidden") === "true") return true;
    const check = (el as Element & { checkVisibility?(o: object): boolean }).checkVisibility;
    return check ? !check.call(el, { visibilityProperty: true }) : false;
  };
  const implicitRole = (el: Element): string | null => {
    const tag = el.tagName.toLowerCase();
    if (tag === "button") return "button";
    if (tag === "a" && el.hasAttribute("href")) return "link";
    if (/^h[1-6]$/.test(tag)) return "heading";
    if (tag === "dialog") return "dialog";
    if (tag === "textarea") return "textbox";
    if (tag === "select") return "combobox";
    if (tag === "input") {
      const type = (el.getAttribute("type") ?? "text").toLowerCase();
      if (["button", "submit", "reset"].includes(type)) return "button";
      if (type === "checkbox" || type === "radio") return type;
      if (["text", "email", "tel", "url", "search"].includes(type)) return "textbox";
    }
    return null;
  };
  const roleOf = (el: Element) => el.getAttribute("role")?.split(" ")[0] || implicitRole(el);
  const byId = (el: Element, id: string) => (el.getRootNode() as Document | ShadowRoot).getElementById(id);
  const textOf = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? "";
    if (!(node instanceof Element)) return "";
    if (node.getAttribute("aria-hidden") === "true" || (node !== node.ownerDocument.body && hidden(node))) return "";
    const label = node.getAttribute("aria-label");
    if (label) return ` ${label} `;
    const from = node.shadowRoot ?? node;
    return Array.from(from.childNodes, textOf).join(/^(div|p|li|br|h\d)$/i.test(node.tagName) ? " " : "");
  };
  const labelsOf = (el: Element): string => {
    const ids = el.getAttribute("aria-labelledby");
    if (ids)
      return ids
        .split(/\s+/)
        .map((id) => byId(el, id))
        .map((l) => (l ? textOf(l) : ""))
        .join(" ");
    const label = el.getAttribute("aria-label");
    if (label) return label;
    const labels = (el as HTMLInputElement).labels;
    return labels ? Array.from(labels, (l) => textOf(l)).join(" ") : "";
  };
  const nameOf = (el: Element): string => {
    const fromLabels = norm(labelsOf(el));
    if (fromLabels) return fromLabels;
    const role = roleOf(el);
    return ["button", "link", "heading", "radio", "checkbox", "tab", "option", "menuitem"].includes(role ?? "")
      ? norm(textOf(el))
      : "";
  };
  const disabled = (el: Element) =>
    (el as HTMLButtonElement).disabled === true || el.getAttribute("aria-disabled") === "true";
  const keep = (el: Element, step: Step): boolean => {
    switch (step.kind) {
      case "css":
        return el.matches(step.css);
      case "role":
        if (roleOf(el) !== step.role || hidden(el)) return false;
        if (step.level !== undefined && el.tagName.toLowerCase() !== `h${step.level}`) return false;
        return step.name === undefined || matches(step.name, nameOf(el));
      case "label":
        return /^(input|textarea|select)$/i.test(el.tagName) && matches(step.label, norm(labelsOf(el)));
      case "text": {
        if (/^(script|style)$/i.test(el.tagName) || !matches(step.text, norm(textOf(el)))) return false;
        // The smallest element that matches, as Playwright's getByText.
        return !Array.from(el.children).some((c) => matches(step.text, norm(textOf(c))));
      }
    }
  };
  let current: (Element | Document)[] = [document];
  for (const step of steps) {
    const seen = new Set<Element>();
    let found: Element[] = [];
    for (const root of current)
      for (const el of deep(root as Element, []))
        if (!seen.has(el) && keep(el, step)) {
          seen.add(el);
          found.push(el);
        }
    if (step.enabled) found = found.filter((el) => !disabled(el));
    if (step.pick !== undefined) {
      const i = step.pick === "first" ? 0 : step.pick === "last" ? found.length - 1 : step.pick;
      found = found[i] ? [found[i]] : [];
    }
    current = found;
  }
  return current as Element[];
}
