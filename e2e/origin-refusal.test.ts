/**
 * @module A page on an origin the widget does not allow, in every engine: the browser lets the widget read the 403 (it
 * carries CORS headers), so the visitor reads which site is refused and what the site owner must do, not "check your
 * connection", and the console says it too.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { DESKTOP } from "./harness/driver.js";
import { useE2eSite } from "./harness/e2e-site.js";
import { ENGINES } from "./harness/engines.js";
import { query } from "./harness/query.js";

const page = (api: string, widgetId: string) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Not allowed</title></head>
  <body>
    <div id="refused" data-slotbook="${widgetId}"></div>
    <script async src="${api}/widget.js"></script>
  </body>
</html>`;

describe.each(ENGINES)("a page whose origin the widget does not allow, in $name", ({ name, available }) => {
  describe.skipIf(!available)(name, () => {
    const files: Record<string, string> = {};
    const e2e = useE2eSite(name, files);

    beforeAll(async () => {
      const widget = await e2e.server.admin.widgets.create({
        title: "Elsewhere only",
        allowedOrigins: ["https://elsewhere.example"],
      });
      files["/refused.html"] = page(e2e.server.url, widget.id);
    });

    it("tells the visitor which site is not allowed, without a retry, and names it in the console", async () => {
      const tab = await e2e.open(DESKTOP, e2e.site.url("refused.html"));
      const alert = query().css("#refused").role("alert");
      await tab.waitFor(alert);
      const origin = e2e.site.origin;
      expect(await tab.text(alert)).toContain(
        `This site (${origin}) is not allowed to take bookings for this widget. The site owner must add it to the ` +
          "widget's allowed origins.",
      );
      const shown = await tab.text(query().css("#refused"));
      expect(shown).not.toContain("couldn't reach");
      expect(shown).not.toContain("Elsewhere only"); // the refusal carries no widget data
      expect(await tab.count(alert.role("button"))).toBe(0);
      // The warning as the page's console got it (the recorder wraps console.warn, so WebDriver engines hear it too).
      const warnings = async () => (await tab.record()).console.filter((m) => m.type === "warning").map((m) => m.text);
      await expect
        .poll(async () => (await warnings()).some((w) => w.includes(`This site (${origin}) is not allowed`)))
        .toBe(true);
      await tab.close();
    });
  });
});
