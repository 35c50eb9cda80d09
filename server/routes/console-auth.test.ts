/**
 * @module The console's accounts and its security through the API, on every store engine: the setup link (once, 1 h),
 * invites, sign-in and its lockout, the session cookie, the Origin check on cookie writes, roles (a viewer's write is
 * 403), sign-out and revocation, the last owner.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { inviteCreatedSchema, problemSchema, sessionSchema, teamSchema, tokenInfoSchema } from "../../sdk/index.js";
import { createSetupLink } from "../domain/accounts.js";
import { testStores } from "../store/testing.js";
import { bookingBody } from "../testing/api-harness.js";
import { useTestApi } from "../testing/use-test-api.js";

const engines = await testStores();
/** The test app's PUBLIC_URL is https://book.test: its origin is the console's. */
const CONSOLE = "https://book.test";
const PASSWORD = "a long enough password";

describe.each(engines)("console accounts on $name", (factory) => {
  const t = useTestApi(factory);
  let now: Date;
  beforeEach(() => {
    now = new Date("2026-12-01T09:00:00.000Z");
    t.setNow(now);
  });

  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
    t.setNow(now);
  };
  const deps = () => ({ store: t.store, now: () => now, publicUrl: CONSOLE }) as Parameters<typeof createSetupLink>[0];
  const tokenOf = (url: string) => new URL(url).searchParams.get("token")!;

  /** A browser: keeps the session cookie, sends the console's Origin on writes unless told otherwise. */
  function browser(origin: string | null = CONSOLE) {
    let cookie: string | undefined;
    const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const res = await t.call(method, path, {
        body,
        headers: {
          ...(origin && method !== "GET" ? { origin } : {}),
          ...(cookie ? { cookie } : {}),
          ...headers,
        },
      });
      const set = res.headers.get("set-cookie");
      if (set) cookie = /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(set) ? undefined : set.split(";")[0];
      return res;
    };
    return { request, cookie: () => cookie, setCookie: (value: string | undefined) => (cookie = value) };
  }
  const problem = async (res: Response) => problemSchema.parse(await res.json());

  /** The owner, set up through the first-run link; their browser. */
  async function setUpOwner(email = "owner@school.example") {
    const link = await createSetupLink(deps());
    const b = browser();
    const res = await b.request("POST", "/v1/auth/accept", {
      token: tokenOf(link!),
      email,
      name: "Olga",
      password: PASSWORD,
    });
    expect(res.status).toBe(201);
    return b;
  }
  /** A team member invited by `owner` with `role`, signed in; their browser. */
  async function invited(owner: ReturnType<typeof browser>, email: string, role: "owner" | "editor" | "viewer") {
    const res = await owner.request("POST", "/v1/admin/team/invites", { email, role });
    expect(res.status).toBe(201);
    const { url } = inviteCreatedSchema.parse(await res.json());
    const b = browser();
    expect(
      (await b.request("POST", "/v1/auth/accept", { token: tokenOf(url), name: email, password: PASSWORD })).status,
    ).toBe(201);
    return b;
  }

  it("the setup link creates the owner once, signs them in with a hardened cookie, and stops working", async () => {
    const link = await createSetupLink(deps());
    expect(link).toMatch(/^https:\/\/book\.test\/console\/setup\?token=st_[\w-]{40,}$/);
    const token = tokenOf(link!);
    // Only the hash is stored.
    const stored = JSON.stringify(await t.store.findUserToken(token));
    expect(stored ?? "").not.toContain(token);

    const b = browser();
    const info = await b.request("POST", "/v1/auth/token", { token });
    expect(tokenInfoSchema.parse(await info.json())).toEqual({
      kind: "setup",
      email: null,
      role: "owner",
      expiresAt: "2026-12-01T10:00:00.000Z",
    });
    const res = await b.request("POST", "/v1/auth/accept", {
      token,
      email: "  Owner@School.example ",
      name: "Olga",
      password: PASSWORD,
    });
    expect(res.status).toBe(201);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^__Host-slotbook_session=ss_[\w-]+;/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/Path=\//);
    const session = sessionSchema.parse(await res.json());
    expect(session.user).toMatchObject({ email: "owner@school.example", name: "Olga", role: "owner" });
    expect(JSON.stringify(session)).not.toMatch(/password|scrypt/i);

    expect(sessionSchema.parse(await (await b.request("GET", "/v1/auth/session")).json()).user.id).toBe(
      session.user.id,
    );
    expect((await b.request("GET", "/v1/admin/widgets")).status).toBe(200);

    // Used: a second use, and a lookup, are 404; and no new setup link is made once an owner exists.
    const again = await browser().request("POST", "/v1/auth/accept", {
      token,
      email: "x@y.example",
      name: "X",
      password: PASSWORD,
    });
    expect(again.status).toBe(404);
    expect((await problem(again)).detail).toMatch(/already used/);
    expect((await browser().request("POST", "/v1/auth/token", { token })).status).toBe(404);
    expect(await createSetupLink(deps())).toBeUndefined();
  });

  it("a setup link expires after an hour, and an unknown token is 404", async () => {
    const token = tokenOf((await createSetupLink(deps()))!);
    advance(60 * 60_000 + 1);
    const res = await browser().request("POST", "/v1/auth/accept", {
      token,
      email: "o@s.example",
      name: "O",
      password: PASSWORD,
    });
    expect(res.status).toBe(404);
    expect((await problem(res)).detail).toMatch(/expired/);
    expect((await browser().request("POST", "/v1/auth/token", { token: "st_nope" })).status).toBe(404);
    expect(await t.store.countUsers()).toBe(0);
  });

  it("refuses a short password and a setup without an email, creating nobody", async () => {
    const token = tokenOf((await createSetupLink(deps()))!);
    const short = await browser().request("POST", "/v1/auth/accept", {
      token,
      email: "o@s.example",
      name: "O",
      password: "short",
    });
    expect(short.status).toBe(422);
    expect((await problem(short)).issues).toEqual([expect.objectContaining({ path: ["password"] })]);
    const noEmail = await browser().request("POST", "/v1/auth/accept", { token, name: "O", password: PASSWORD });
    expect(noEmail.status).toBe(422);
    expect(await t.store.countUsers()).toBe(0);
    // The link is still good for a correct attempt.
    expect(
      (
        await browser().request("POST", "/v1/auth/accept", {
          token,
          email: "o@s.example",
          name: "O",
          password: PASSWORD,
        })
      ).status,
    ).toBe(201);
  });

  it("without a session or key the admin API and the session route answer 401", async () => {
    const b = browser();
    expect((await b.request("GET", "/v1/admin/widgets")).status).toBe(401);
    expect((await b.request("GET", "/v1/auth/session")).status).toBe(401);
    b.setCookie("__Host-slotbook_session=ss_made_up");
    expect((await b.request("GET", "/v1/admin/bookings")).status).toBe(401);
    expect((await b.request("POST", "/v1/admin/widgets", { title: "X" })).status).toBe(401);
  });

  it("a write carrying the session cookie must come from the console's own origin", async () => {
    const owner = await setUpOwner();
    const ok = await owner.request("POST", "/v1/admin/widgets", { title: "From the console" });
    expect(ok.status).toBe(201);
    const evil = await owner.request(
      "POST",
      "/v1/admin/widgets",
      { title: "CSRF" },
      { origin: "https://evil.example" },
    );
    expect(evil.status).toBe(403);
    expect(await problem(evil)).toMatchObject({
      code: "forbidden",
      detail: expect.stringContaining("https://evil.example"),
    });
    // A sibling subdomain is another origin too (SameSite=Lax would let its cookie through).
    const sibling = await owner.request("DELETE", "/v1/admin/widgets/wgt_x", undefined, {
      origin: "https://blog.book.test",
    });
    expect(sibling.status).toBe(403);
    const noOrigin = browser(null);
    noOrigin.setCookie(owner.cookie());
    expect((await noOrigin.request("POST", "/v1/admin/widgets", { title: "No origin" })).status).toBe(403);
    // Reads need no Origin; only the one widget was made.
    const list = (await (await noOrigin.request("GET", "/v1/admin/widgets")).json()) as { data: { title: string }[] };
    expect(list.data.map((w) => w.title)).toEqual(["From the console"]);
    // Signing in from another site is refused as well (login CSRF).
    const elsewhere = browser("https://evil.example");
    const signIn = await elsewhere.request("POST", "/v1/auth/sign-in", {
      email: "owner@school.example",
      password: PASSWORD,
    });
    expect(signIn.status).toBe(403);
    // An API key is not a browser's ambient credential: no Origin needed.
    expect((await t.admin("POST", "/v1/admin/widgets", { title: "By key" })).status).toBe(201);
  });

  it("roles are enforced by the server: a viewer reads, a viewer's write is 403, an editor cannot manage the team", async () => {
    const owner = await setUpOwner();
    const { widgetId, slotIds } = await t.seed();
    await t.call("POST", `/v1/widgets/${widgetId}/bookings`, { body: bookingBody(slotIds[0]!) });
    const viewer = await invited(owner, "vic@school.example", "viewer");
    const editor = await invited(owner, "eddie@school.example", "editor");

    expect((await viewer.request("GET", "/v1/admin/bookings")).status).toBe(200);
    expect((await viewer.request("GET", "/v1/admin/insights")).status).toBe(200);
    for (const [method, path, body] of [
      ["POST", "/v1/admin/widgets", { title: "Nope" }],
      ["PATCH", `/v1/admin/widgets/${widgetId}`, { title: "Nope" }],
      ["POST", `/v1/admin/widgets/${widgetId}/slots`, { slots: [] }],
      ["POST", "/v1/admin/keys", {}],
      ["POST", "/v1/admin/team/invites", { email: "x@y.example", role: "viewer" }],
    ] as const) {
      const res = await viewer.request(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect((await problem(res)).code).toBe("forbidden");
    }
    expect((await editor.request("PATCH", `/v1/admin/widgets/${widgetId}`, { title: "Renamed" })).status).toBe(200);
    for (const [method, path, body] of [
      ["POST", "/v1/admin/keys", {}],
      ["POST", "/v1/admin/webhooks", { url: "https://hooks.example/x", events: ["*"] }],
      ["POST", "/v1/admin/team/invites", { email: "x@y.example", role: "viewer" }],
    ] as const) {
      const res = await editor.request(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect((await problem(res)).detail).toMatch(/owner role/);
    }
    // The viewer's attempt changed nothing.
    const widget = (await (await t.admin("GET", `/v1/admin/widgets/${widgetId}`)).json()) as { title: string };
    expect(widget.title).toBe("Renamed");
  });

  it("signs in with the right password only, and locks an account out after 10 attempts in 15 minutes", async () => {
    await setUpOwner();
    const b = browser();
    const wrong = await b.request("POST", "/v1/auth/sign-in", {
      email: "owner@school.example",
      password: "not the password",
    });
    expect(wrong.status).toBe(401);
    expect((await problem(wrong)).detail).toBe("Wrong email or password");
    // An unknown email gets the same answer.
    const unknown = await b.request("POST", "/v1/auth/sign-in", { email: "nobody@school.example", password: PASSWORD });
    expect((await problem(unknown)).detail).toBe("Wrong email or password");
    const right = await b.request("POST", "/v1/auth/sign-in", { email: "OWNER@school.example", password: PASSWORD });
    expect(right.status).toBe(200);
    expect(sessionSchema.parse(await right.json()).user.lastSignInAt).toBe("2026-12-01T09:00:00.000Z");

    for (let i = 0; i < 8; i++) {
      await browser().request("POST", "/v1/auth/sign-in", { email: "owner@school.example", password: `guess ${i}` });
    }
    // 10 attempts so far (the wrong one, the right one, 8 guesses): the 11th is refused, even with the password.
    const locked = await browser().request("POST", "/v1/auth/sign-in", {
      email: "owner@school.example",
      password: PASSWORD,
    });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    advance(15 * 60_000 + 1000);
    expect(
      (await browser().request("POST", "/v1/auth/sign-in", { email: "owner@school.example", password: PASSWORD }))
        .status,
    ).toBe(200);
  });

  it("sign out ends the session; sign out everywhere ends every one; a removed user's sessions stop at once", async () => {
    const owner = await setUpOwner();
    const laptop = browser();
    await laptop.request("POST", "/v1/auth/sign-in", { email: "owner@school.example", password: PASSWORD });
    const phone = browser();
    await phone.request("POST", "/v1/auth/sign-in", { email: "owner@school.example", password: PASSWORD });
    const stolen = laptop.cookie();

    const out = await laptop.request("POST", "/v1/auth/sign-out");
    expect(out.status).toBe(204);
    expect(laptop.cookie()).toBeUndefined();
    const replay = browser();
    replay.setCookie(stolen);
    expect((await replay.request("GET", "/v1/admin/widgets")).status).toBe(401);
    expect((await phone.request("GET", "/v1/admin/widgets")).status).toBe(200);

    expect((await phone.request("POST", "/v1/auth/sign-out-everywhere")).status).toBe(204);
    expect((await owner.request("GET", "/v1/admin/widgets")).status).toBe(401);

    const again = browser();
    await again.request("POST", "/v1/auth/sign-in", { email: "owner@school.example", password: PASSWORD });
    const editor = await invited(again, "eddie@school.example", "editor");
    expect((await editor.request("GET", "/v1/admin/widgets")).status).toBe(200);
    const team = teamSchema.parse(await (await again.request("GET", "/v1/admin/team")).json());
    const eddie = team.users.find((u) => u.email === "eddie@school.example")!;
    expect((await again.request("DELETE", `/v1/admin/team/users/${eddie.id}`)).status).toBe(204);
    expect((await editor.request("GET", "/v1/admin/widgets")).status).toBe(401);
  });

  it("a session expires after 30 days", async () => {
    const owner = await setUpOwner();
    advance(30 * 24 * 60 * 60_000 + 1000);
    expect((await owner.request("GET", "/v1/auth/session")).status).toBe(401);
  });

  it("invites: one use, only for the invited address, listed until used; a role change applies at once; one owner stays", async () => {
    const owner = await setUpOwner();
    const res = await owner.request("POST", "/v1/admin/team/invites", { email: "Vic@School.example", role: "viewer" });
    const { invite, url } = inviteCreatedSchema.parse(await res.json());
    expect(invite).toMatchObject({
      email: "vic@school.example",
      role: "viewer",
      expiresAt: "2026-12-08T09:00:00.000Z",
    });
    expect(url).toMatch(/^https:\/\/book\.test\/console\/invite\?token=in_/);
    expect(teamSchema.parse(await (await owner.request("GET", "/v1/admin/team")).json()).invites).toEqual([invite]);
    const info = tokenInfoSchema.parse(
      await (await browser().request("POST", "/v1/auth/token", { token: tokenOf(url) })).json(),
    );
    expect(info).toMatchObject({ kind: "invite", email: "vic@school.example", role: "viewer" });
    // The invite names the address: one given in the body is ignored.
    const vic = browser();
    await vic.request("POST", "/v1/auth/accept", {
      token: tokenOf(url),
      email: "other@x.example",
      name: "Vic",
      password: PASSWORD,
    });
    const me = sessionSchema.parse(await (await vic.request("GET", "/v1/auth/session")).json());
    expect(me.user).toMatchObject({ email: "vic@school.example", role: "viewer" });
    expect(
      (await browser().request("POST", "/v1/auth/accept", { token: tokenOf(url), name: "Again", password: PASSWORD }))
        .status,
    ).toBe(404);
    expect(teamSchema.parse(await (await owner.request("GET", "/v1/admin/team")).json()).invites).toEqual([]);

    // Inviting an address that has an account is refused.
    expect(
      (await owner.request("POST", "/v1/admin/team/invites", { email: "vic@school.example", role: "editor" })).status,
    ).toBe(422);
    // Promote: the viewer's very next write is allowed.
    expect((await vic.request("POST", "/v1/admin/widgets", { title: "Before" })).status).toBe(403);
    expect((await owner.request("PATCH", `/v1/admin/team/users/${me.user.id}`, { role: "editor" })).status).toBe(200);
    expect((await vic.request("POST", "/v1/admin/widgets", { title: "After" })).status).toBe(201);

    // The only owner can neither step down nor be removed.
    const self = sessionSchema.parse(await (await owner.request("GET", "/v1/auth/session")).json()).user;
    const demote = await owner.request("PATCH", `/v1/admin/team/users/${self.id}`, { role: "editor" });
    expect(demote.status).toBe(422);
    expect((await problem(demote)).detail).toMatch(/only owner/);
    expect((await owner.request("DELETE", `/v1/admin/team/users/${self.id}`)).status).toBe(422);

    // A withdrawn invite's link stops working.
    const second = inviteCreatedSchema.parse(
      await (
        await owner.request("POST", "/v1/admin/team/invites", { email: "late@school.example", role: "viewer" })
      ).json(),
    );
    expect((await owner.request("DELETE", `/v1/admin/team/invites/${second.invite.id}`)).status).toBe(204);
    expect((await browser().request("POST", "/v1/auth/token", { token: tokenOf(second.url) })).status).toBe(404);
  });

  it("an invite expires after 7 days", async () => {
    const owner = await setUpOwner();
    const { url } = inviteCreatedSchema.parse(
      await (
        await owner.request("POST", "/v1/admin/team/invites", { email: "slow@school.example", role: "viewer" })
      ).json(),
    );
    advance(7 * 24 * 60 * 60_000 + 1000);
    const res = await browser().request("POST", "/v1/auth/accept", {
      token: tokenOf(url),
      name: "Slow",
      password: PASSWORD,
    });
    expect(res.status).toBe(404);
    expect((await problem(res)).detail).toMatch(/expired/);
  });
});
