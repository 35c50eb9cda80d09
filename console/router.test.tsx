/** @module The router: paths under /console, params, links that navigate without a reload, where sign-in leads. */
import { h, render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { ROUTES, resolve, safeNext, signInPath } from "./app.js";
import { Link, matchRoute, navigate, readLocation, toHref, toRoute, useLocation } from "./router.js";

describe("router", () => {
  afterEach(() => {
    history.replaceState(null, "", "/console/");
    document.body.innerHTML = "";
  });

  it("maps browser paths to console paths and back", () => {
    expect(toRoute("/console")).toBe("/");
    expect(toRoute("/console/")).toBe("/");
    expect(toRoute("/console/bookings/")).toBe("/bookings");
    expect(toHref("/")).toBe("/console/");
    expect(toHref("/bookings?status=cancelled")).toBe("/console/bookings?status=cancelled");
  });

  it("matches :params and a * rest", () => {
    expect(matchRoute("/bookings/:id", "/bookings/bkg_1")).toEqual({ id: "bkg_1" });
    expect(matchRoute("/bookings/:id", "/bookings")).toBeNull();
    expect(matchRoute("/bookings/:id", "/bookings/bkg_1/more")).toBeNull();
    expect(matchRoute("/settings/*", "/settings")).toEqual({ "*": "" });
    expect(matchRoute("/settings/*", "/settings/webhooks/whk_1")).toEqual({ "*": "webhooks/whk_1" });
    expect(matchRoute("/", "/")).toEqual({});
    expect(matchRoute("/", "/widgets")).toBeNull();
    expect(matchRoute("/x/:name", "/x/a%20b")).toEqual({ name: "a b" });
  });

  it("finds the page for each section, and none for an unknown path", () => {
    for (const path of ["/", "/widgets", "/widgets/wgt_1", "/slots", "/bookings/bkg_1", "/settings/keys"]) {
      expect(resolve(ROUTES, path), path).toBeDefined();
    }
    expect(resolve(ROUTES, "/nowhere")).toBeUndefined();
  });

  it("comes back after sign-in, but only to a console path", () => {
    expect(signInPath("/bookings?status=cancelled")).toBe("/sign-in?next=%2Fbookings%3Fstatus%3Dcancelled");
    expect(signInPath("/")).toBe("/sign-in");
    expect(safeNext("/bookings?x=1")).toBe("/bookings?x=1");
    expect(safeNext("//evil.example")).toBe("/");
    expect(safeNext("https://evil.example")).toBe("/");
    expect(safeNext(null)).toBe("/");
  });

  it("navigates with the History API and re-renders what reads the location", () => {
    const seen: string[] = [];
    function Where() {
      const location = useLocation();
      seen.push(location.full);
      return (
        <Link to="/bookings?status=confirmed" current={location.path === "/bookings"}>
          Bookings
        </Link>
      );
    }
    const root = document.createElement("div");
    document.body.append(root);
    act(() => render(<Where />, root));
    const link = root.querySelector("a")!;
    expect(link.getAttribute("href")).toBe("/console/bookings?status=confirmed");
    expect(link.hasAttribute("aria-current")).toBe(false);
    act(() => {
      link.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, button: 0 }));
    });
    expect(location.pathname).toBe("/console/bookings");
    expect(readLocation().query.get("status")).toBe("confirmed");
    expect(seen.at(-1)).toBe("/bookings?status=confirmed");
    expect(root.querySelector("a")!.getAttribute("aria-current")).toBe("page");
    act(() => navigate("/", { replace: true }));
    expect(seen.at(-1)).toBe("/");
  });
});
