/** @module The console end to end in happy-dom over the real SDK: sign-in and back, setup links, roles, 401s. */
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { button, byLabel, problem, session, startConsole, type } from "./testing.js";

const INSIGHTS = {
  from: "2026-11-02",
  to: "2026-12-01",
  bookingsPerDay: [{ day: "2026-12-01", bookings: 2, cancelled: 0 }],
  upcoming: [],
  funnel: { views: 10, slotSelected: 5, formStarted: 3, booked: 2, byWidget: [], bySource: [] },
};
const WIDGETS = { data: [] };

describe("console app", () => {
  let stop = () => {};
  afterEach(() => stop());

  it("sends a signed-out visit to sign in, and back to where it was going", async () => {
    let signedIn = false;
    const app = await startConsole("/bookings?status=cancelled", {
      "GET /v1/auth/session": () =>
        signedIn
          ? Response.json(session())
          : Response.json(problem(401, "unauthorized", "Sign in").body, { status: 401 }),
      "POST /v1/auth/sign-in": async (request) => {
        const body = (await request.json()) as { password: string };
        if (body.password !== "correct horse battery") {
          return Response.json(problem(401, "unauthorized", "Wrong email or password").body, { status: 401 });
        }
        signedIn = true;
        return Response.json(session());
      },
      "GET /v1/admin/bookings": { body: { data: [], nextCursor: null } },
      "GET /v1/admin/widgets": { body: WIDGETS },
    });
    stop = app.cleanup;
    await app.waitForText("Sign in");
    expect(location.pathname).toBe("/console/sign-in");
    expect(new URLSearchParams(location.search).get("next")).toBe("/bookings?status=cancelled");

    type(byLabel(app.root, "Email"), "olga@school.example");
    type(byLabel(app.root, "Password"), "wrong password");
    await act(() => button(app.root, "Sign in").click());
    await app.waitForText("do not match an account");
    expect(app.root.querySelector("[role=alert]")?.textContent).toContain("do not match");

    type(byLabel(app.root, "Password"), "correct horse battery");
    await act(() => button(app.root, "Sign in").click());
    await app.waitForText("No bookings match");
    expect(location.pathname + location.search).toBe("/console/bookings?status=cancelled");
    expect(app.root.querySelector("nav a[aria-current=page]")?.textContent).toBe("Bookings");
    expect(app.requests.find((r) => r.path.startsWith("/v1/admin/bookings"))?.path).toContain("status=cancelled");
  });

  it("goes to sign-in when a call answers 401 later (the session ended)", async () => {
    const app = await startConsole("/", {
      "GET /v1/auth/session": { body: session() },
      "GET /v1/admin/widgets": { body: { data: [{ id: "wgt_1" }] } },
      "GET /v1/admin/insights": problem(401, "unauthorized", "Sign in"),
    });
    stop = app.cleanup;
    await app.waitFor(() => location.pathname === "/console/sign-in", "the sign-in page");
    await app.waitForText("Sign in");
  });

  it("says what to do with a used or expired invite link", async () => {
    const app = await startConsole("/invite?token=inv_tok", {
      "GET /v1/auth/session": problem(401, "unauthorized", "Sign in"),
      "POST /v1/auth/token": problem(404, "not_found", "Unknown, used or expired link"),
    });
    stop = app.cleanup;
    await app.waitForText("This invite link no longer works");
    expect(app.root.textContent).toContain("ask an owner of the console to invite you again");
  });

  it("makes the owner from the setup link, checking the form with the contract first", async () => {
    const app = await startConsole("/setup?token=st_tok", {
      "GET /v1/auth/session": problem(401, "unauthorized", "Sign in"),
      "POST /v1/auth/token": {
        body: { kind: "setup", email: null, role: "owner", expiresAt: "2030-01-01T00:00:00.000Z" },
      },
      "POST /v1/auth/accept": { body: session() },
      "GET /v1/admin/widgets": { body: WIDGETS },
      "GET /v1/admin/insights": { body: INSIGHTS },
    });
    stop = app.cleanup;
    await app.waitForText("Set up your console");
    type(byLabel(app.root, "Email"), "olga@school.example");
    type(byLabel(app.root, "Your name"), "Olga");
    type(byLabel(app.root, "Password"), "short");
    await act(() => button(app.root, "Create account").click());
    await app.waitForText("Use at least 10 characters");
    const password = byLabel(app.root, "Password");
    expect(password.getAttribute("aria-invalid")).toBe("true");
    expect(app.requests.some((r) => r.path === "/v1/auth/accept")).toBe(false);

    type(password, "a long enough passphrase");
    await act(() => button(app.root, "Create account").click());
    await app.waitForText("Create your first widget");
    expect(location.pathname).toBe("/console/");
    const accepted = app.requests.find((r) => r.path === "/v1/auth/accept")!;
    expect(JSON.parse(accepted.body)).toEqual({
      token: "st_tok",
      name: "Olga",
      password: "a long enough passphrase",
      email: "olga@school.example",
    });
  });

  it("shows a viewer the team without the owner's controls", async () => {
    const team = {
      users: [session("viewer").user, { ...session().user, id: "usr_2", email: "o2@school.example", name: "Other" }],
      invites: [],
    };
    const app = await startConsole("/settings/team", {
      "GET /v1/auth/session": { body: session("viewer") },
      "GET /v1/admin/team": { body: team },
    });
    stop = app.cleanup;
    await app.waitForText("People");
    expect(app.root.textContent).toContain("Only an owner can change this");
    expect(() => button(app.root, "Invite someone")).toThrow();
    expect(() => button(app.root, "Remove Other")).toThrow();
    expect(app.root.querySelector("select[aria-label^='Role of']")).toBeNull();
    expect(app.root.querySelectorAll("th[scope=col]").length).toBeGreaterThan(0);
  });
});
