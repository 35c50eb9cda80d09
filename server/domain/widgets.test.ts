/**
 * @module Widgets: concurrent PATCHes all land, the public view is an allow-list, and the public routes read a widget
 * at most once a second per process and once at a time (an edit here applies at once), on every store engine.
 */
import { describe, expect, it, vi } from "vitest";
import { testStores } from "../store/testing.js";
import { useTestApi } from "../testing/use-test-api.js";

const engines = await testStores();

describe.each(engines)("widgets on $name", (factory) => {
  const t = useTestApi(factory);

  it("concurrent PATCHes of different fields all land (no lost update)", async () => {
    // Each round patches five fields at once, one request each; a read-merge-write outside a locked transaction
    // writes back the others' old values.
    const patches = [
      { title: "New title" },
      { description: "New description" },
      { timezone: "Asia/Kolkata" },
      { successMessage: "See you soon" },
      { theme: { accent: "#0f766e", radius: 4, mode: "dark" } },
    ];
    for (let round = 0; round < 4; round++) {
      const { widgetId } = await t.seed();
      const answers = await Promise.all(patches.map((p) => t.admin("PATCH", `/v1/admin/widgets/${widgetId}`, p)));
      expect(answers.map((a) => a.status)).toEqual(patches.map(() => 200));
      const widget = await (await t.admin("GET", `/v1/admin/widgets/${widgetId}`)).json();
      expect(widget).toMatchObject(Object.assign({}, ...patches));
    }
  });

  it("the public view carries only the public fields, whatever else the stored config holds", async () => {
    const { widgetId } = await t.seed({
      widget: { allowedOrigins: ["https://school.example"], notifyEmails: ["sales@school.example"] },
    });
    const row = (await t.store.getWidget(widgetId))!;
    const config = JSON.parse(row.config) as Record<string, unknown>;
    const theme = config.theme as Record<string, unknown>;
    await t.store.updateWidget(widgetId, {
      config: JSON.stringify({ ...config, crmApiToken: "secret-1", theme: { ...theme, internalNote: "secret-2" } }),
    });
    const res = await t.call("GET", `/v1/widgets/${widgetId}`, { headers: { origin: "https://school.example" } });
    expect(res.status).toBe(200);
    const text = await res.text();
    for (const hidden of ["secret-1", "secret-2", "crmApiToken", "sales@school.example", "allowedOrigins", "status"]) {
      expect(text).not.toContain(hidden);
    }
    expect(JSON.parse(text)).toMatchObject({ id: widgetId, title: "Demo class", theme: { radius: 12 } });
  });

  it("public routes read a widget at most once a second; an edit through this process applies at once", async () => {
    const { widgetId } = await t.seed();
    const reads = vi.spyOn(t.store, "getWidget");
    let clock = performance.now();
    vi.spyOn(performance, "now").mockImplementation(() => clock);
    try {
      const title = async () =>
        ((await (await t.call("GET", `/v1/widgets/${widgetId}`)).json()) as { title: string }).title;
      expect(await title()).toBe("Demo class");
      expect(await title()).toBe("Demo class");
      expect(reads.mock.calls.filter(([id]) => id === widgetId)).toHaveLength(1);
      // Edited through this process: the next answer has it, without waiting.
      await t.admin("PATCH", `/v1/admin/widgets/${widgetId}`, { title: "Renamed" });
      expect(await title()).toBe("Renamed");
      // Paused by another instance (straight in the database): within a second here, then 404.
      await t.store.updateWidget(widgetId, { status: "paused" });
      clock += 999;
      expect((await t.call("GET", `/v1/widgets/${widgetId}`)).status).toBe(200);
      clock += 2;
      expect((await t.call("GET", `/v1/widgets/${widgetId}`)).status).toBe(404);
      // Many requests as the entry runs out: one read for all of them.
      await t.store.updateWidget(widgetId, { status: "active" });
      clock += 1001;
      reads.mockClear();
      const answers = await Promise.all(Array.from({ length: 20 }, () => t.call("GET", `/v1/widgets/${widgetId}`)));
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
      expect(reads.mock.calls.filter(([id]) => id === widgetId)).toHaveLength(1);
    } finally {
      vi.restoreAllMocks();
    }
  });
});
