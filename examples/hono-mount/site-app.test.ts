/** @module The hono-mount example through the outer app's `request()`: Slotbook under /booking, the site's routes intact. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The example imports the built package (`slotbook/server`), so build before loading it.
const { createSiteApp } = await import("./site-app.js");
const { createClient, createAdminClient } = await import("slotbook/sdk");
const { createSqliteStore, parseSecret } = await import("slotbook/server");

const PUBLIC_URL = "http://localhost:3000/booking";
const ADMIN_KEY = "sk_mount_0123456789abcdefghijkl";

describe("examples/hono-mount", () => {
  let dir: string;
  let store: ReturnType<typeof createSqliteStore>;
  let site: ReturnType<typeof createSiteApp>;
  const fetchSite = async (request: Request) => site.request(request);
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "slotbook-hono-mount-"));
    store = createSqliteStore({ filename: join(dir, "site.db") });
    await store.migrate();
    const keys = parseSecret(Buffer.alloc(32, 9).toString("base64"));
    site = createSiteApp({ store, keys, publicUrl: PUBLIC_URL, widgetId: "wgt_home", adminKey: ADMIN_KEY });
  });
  afterAll(async () => {
    await store?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("keeps the site's own routes", async () => {
    const home = await site.request("http://localhost:3000/");
    expect(home.status).toBe(200);
    const page = await home.text();
    expect(page).toContain("<h1>Acme Dance School</h1>");
    expect(page).toContain('<div data-slotbook="wgt_home"></div>');
    expect(page).toContain(`src="${PUBLIC_URL}/widget.js" data-api="${PUBLIC_URL}"`);
    const about = await site.request("/about");
    expect(await about.text()).toContain("since 1998");
  });

  it("answers Slotbook's system routes and the widget script under /booking", async () => {
    expect((await site.request("/booking/healthz")).status).toBe(200);
    expect((await site.request("/booking/readyz")).status).toBe(200);
    const script = await site.request("/booking/widget.js");
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toMatch(/javascript/);
    // Not mounted at the root: the site's namespace stays the site's.
    expect((await site.request("/healthz")).status).toBe(404);
    expect((await site.request("/v1/widgets/wgt_home")).status).toBe(404);
  });

  it("serves the API to the SDK at the prefixed base URL, with manage links under /booking", async () => {
    const admin = createAdminClient({ baseUrl: PUBLIC_URL, apiKey: ADMIN_KEY, fetch: fetchSite, retry: 0 });
    const client = createClient({ baseUrl: PUBLIC_URL, fetch: fetchSite, retry: 0 });
    const widget = await admin.widgets.create({ title: "Tango trial" });
    const start = Date.now() + 86_400_000;
    const [slot] = await admin.slots.create(widget.id, [
      { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3_600_000).toISOString(), capacity: 2 },
    ]);

    const raw = await site.request(`/booking/v1/widgets/${widget.id}`);
    expect(raw.status).toBe(200);
    expect(((await raw.json()) as { title: string }).title).toBe("Tango trial");
    expect((await client.slots.list(widget.id)).map((s) => s.id)).toEqual([slot!.id]);

    const created = await client.bookings.create(widget.id, {
      slotId: slot!.id,
      name: "Carlos Gardel",
      email: "carlos@example.com",
    });
    expect(created.manageUrl.startsWith(`${PUBLIC_URL}/manage/${created.booking.id}`)).toBe(true);
    // The manage page is a shell for manage.js, which calls the API where the script is: under the prefix too.
    const manage = await site.request(created.manageUrl);
    expect(manage.status).toBe(200);
    const page = await manage.text();
    expect(page).toContain(`data-slotbook-manage="${created.booking.id}"`);
    expect(page).toContain(`src="${PUBLIC_URL}/manage.js"`);
    expect((await site.request(`${PUBLIC_URL}/manage.js`)).status).toBe(200);
    expect(client.bookings.inviteUrl(created.booking.id, { token: created.manageToken })).toMatch(
      /^http:\/\/localhost:3000\/booking\/v1\/bookings\/bkg_[\w-]+\/invite\.ics\?token=/,
    );
  });

  it("keeps Slotbook's problem+json errors inside the mount", async () => {
    const response = await site.request("/booking/v1/widgets/wgt_nope");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(((await response.json()) as { code: string }).code).toBe("not_found");
    const unknownRoute = await site.request("/booking/v1/no-such-route");
    expect(unknownRoute.status).toBe(404);
    expect(unknownRoute.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  });
});
