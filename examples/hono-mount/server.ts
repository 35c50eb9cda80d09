/**
 * @module Runs the hono-mount example on http://localhost:3000: the site's pages at `/`, Slotbook under `/booking`.
 * On a fresh database it creates a widget with a week of slots through the mounted admin API, using the SDK.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { serve } from "@hono/node-server";
import { createAdminClient } from "slotbook/sdk";
import { loadKeyRing, openStore } from "slotbook/server";
import { createSiteApp } from "./site-app.js";

const port = Number(process.env.PORT ?? 3000);
const origin = process.env.PUBLIC_ORIGIN ?? `http://localhost:${port}`;
const publicUrl = `${origin}/booking`;
const dataDir = process.env.SLOTBOOK_DATA_DIR ?? ".slotbook";
// A key only this process knows, unless you set one to call the admin API yourself.
const adminKey = process.env.SLOTBOOK_ADMIN_KEY ?? `sk_${randomBytes(24).toString("base64url")}`;

mkdirSync(dataDir, { recursive: true });
const store = openStore(process.env.DATABASE_URL ?? `sqlite:${dataDir}/hono-mount.db`);
await store.migrate();
const keys = loadKeyRing({ secret: process.env.SLOTBOOK_SECRET, dataDir, production: false, warn: console.warn });

// The site's own app answers the SDK's calls in-process, so setup needs no open port yet.
const setup = createSiteApp({ store, keys, publicUrl, widgetId: "", adminKey });
const admin = createAdminClient({ baseUrl: publicUrl, apiKey: adminKey, fetch: async (r) => setup.request(r) });
const [existing] = await admin.widgets.list();
const widget = existing ?? (await admin.widgets.create({ title: "Free trial class" }));
if (!existing) {
  const tomorrow = Date.now() + 86_400_000;
  await admin.slots.create(
    widget.id,
    Array.from({ length: 7 }, (_, i) => ({
      startsAt: new Date(tomorrow + i * 86_400_000).toISOString(),
      endsAt: new Date(tomorrow + i * 86_400_000 + 3_600_000).toISOString(),
      capacity: 8,
    })),
  );
}

const site = createSiteApp({ store, keys, publicUrl, widgetId: widget.id, adminKey });
serve({ fetch: site.fetch, port, hostname: "127.0.0.1" }, () => {
  console.log(`Site:     ${origin}/  (widget ${widget.id})`);
  console.log(`Slotbook: ${publicUrl}/healthz, ${publicUrl}/docs`);
});
