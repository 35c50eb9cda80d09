/**
 * @module The console's router: History API paths under `/console`, no hash and no dependency. `useLocation()`
 * re-renders on every navigation; `navigate()` and `<Link>` change the path; `matchRoute()` reads `:params` and `*`.
 */
import { type ComponentChildren, h } from "preact";
import { useEffect, useState } from "preact/hooks";

/** Where the console is served; every path below is relative to it (`/bookings` is `/console/bookings`). */
export const BASE = "/console";

const CHANGE = "slotbook:navigate";

let headingFocus = false;

/** Whether the page now shown was reached by a navigation, so its heading should take focus; read once. */
export function takeHeadingFocus(): boolean {
  const take = headingFocus;
  headingFocus = false;
  return take;
}

/** The console path of a browser path: `/console/bookings` → `/bookings`, `/console` → `/`. */
export function toRoute(pathname: string): string {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  const path = rest.replace(/\/+$/, "");
  return path === "" ? "/" : path;
}

/** The browser URL of a console path, query and hash kept: `/bookings?x=1` → `/console/bookings?x=1`. */
export function toHref(to: string): string {
  return to === "/" ? `${BASE}/` : `${BASE}${to.startsWith("/") ? to : `/${to}`}`;
}

/** The current console location. */
export interface Location {
  /** Path below the base, e.g. `/bookings/bkg_1`. */
  path: string;
  query: URLSearchParams;
  /** Path and query, to come back to after signing in. */
  full: string;
}

/** Reads the current location from the browser. */
export function readLocation(): Location {
  const path = toRoute(location.pathname);
  return { path, query: new URLSearchParams(location.search), full: path + location.search };
}

/** Goes to a console path (`/bookings?status=cancelled`); `replace` swaps the history entry (filters, redirects). */
export function navigate(to: string, { replace = false }: { replace?: boolean } = {}): void {
  const href = toHref(to);
  if (href !== location.pathname + location.search) {
    history[replace ? "replaceState" : "pushState"](null, "", href);
  }
  if (!replace) {
    headingFocus = true;
    scrollTo(0, 0);
  }
  dispatchEvent(new Event(CHANGE));
}

/** The current location; the component re-renders when it changes (links, `navigate`, back and forward). */
export function useLocation(): Location {
  const [current, setCurrent] = useState(readLocation);
  useEffect(() => {
    const update = () => setCurrent(readLocation());
    const back = () => {
      headingFocus = true;
      update();
    };
    addEventListener("popstate", back);
    addEventListener(CHANGE, update);
    return () => {
      removeEventListener("popstate", back);
      removeEventListener(CHANGE, update);
    };
  }, []);
  return current;
}

/**
 * The params of `path` under `pattern`, or null when it does not match: `:name` takes one segment, a trailing `*`
 * the rest (as `params["*"]`, possibly empty).
 * @example matchRoute("/bookings/:id", "/bookings/bkg_1") // { id: "bkg_1" }
 */
export function matchRoute(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split("/").filter(Boolean);
  const got = path.split("/").filter(Boolean);
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const part = want[i]!;
    if (part === "*") {
      params["*"] = got.slice(i).join("/");
      return params;
    }
    const value = got[i];
    if (value === undefined) return null;
    if (part.startsWith(":")) params[part.slice(1)] = decodeURIComponent(value);
    else if (part !== value) return null;
  }
  return got.length === want.length ? params : null;
}

/** Whether a click should be left to the browser (new tab, download, modifier keys, another button). */
function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

interface LinkProps {
  /** A console path, e.g. `/bookings?status=confirmed`. */
  to: string;
  class?: string;
  children: ComponentChildren;
  /** Marks the link `aria-current="page"` when set. */
  current?: boolean;
  "aria-label"?: string;
}

/** An `<a>` to a console path that navigates without a reload (and still opens in a new tab on ctrl-click). */
export function Link({ to, children, current, ...rest }: LinkProps) {
  const click = (event: MouseEvent) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={toHref(to)} onClick={click} aria-current={current ? "page" : undefined} {...rest}>
      {children}
    </a>
  );
}
