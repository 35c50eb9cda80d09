/**
 * @module A page on an origin the widget does not allow, in Chromium: the browser lets the widget read the 403 (it
 * carries CORS headers), so the visitor reads which site is refused and what the site owner must do, not "check your
 * connection", and the console says it too.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, HAS_CHROMIUM } from "./harness/chromium.js";
import { useE2eSite } from "./harness/e2e-site.js";

const page = (api: string, widgetId: string) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Not allowed</title></head>
  <body>
    <div id="refused" data-slotbook="${widgetId}"></div>
    <script async src="${api}/widget.js"></script>
  </body>
</html>`;

describe.skipIf(!HAS_CHROMIUM)("a page whose origin the widget does not allow", () => {
  const files: Record<string, string> = {};
  const e2e = useE2eSite(files);

  beforeAll(async () => {
    const widget = await e2e.server.admin.widgets.create({
      title: "Elsewhere only",
      allowedOrigins: ["https://elsewhere.example"],
    });
    files["/refused.html"] = page(e2e.server.url, widget.id);
  });

  it("tells the visitor which site is not allowed, without a retry, and names it in the console", async () => {
    const { context, page: tab } = await e2e.newPage(DESKTOP);
    const warnings: string[] = [];
    tab.on("console", (message) => {
      if (message.type() === "warning") warnings.push(message.text());
    });
    await tab.goto(e2e.site.url("refused.html"));
    const alert = tab.locator("#refused").getByRole("alert");
    await alert.waitFor();
    const origin = e2e.site.origin;
    expect(await alert.textContent()).toContain(
      `This site (${origin}) is not allowed to take bookings for this widget. The site owner must add it to the ` +
        "widget's allowed origins.",
    );
    const shown = await tab.locator("#refused").textContent();
    expect(shown).not.toContain("couldn't reach");
    expect(shown).not.toContain("Elsewhere only"); // the refusal carries no widget data
    expect(await alert.getByRole("button").count()).toBe(0);
    await expect.poll(() => warnings.some((w) => w.includes(`This site (${origin}) is not allowed`))).toBe(true);
    await context.close();
  });
});
