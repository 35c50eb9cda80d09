/**
 * @module The JS API under the spec's strict Content-Security-Policy: a queue stub in the site's own .js file,
 * `Slotbook('on')` and `Slotbook('inline', { locale: "es" })` called before widget.js has loaded, the Spanish
 * catalogue fetched cross-origin from beside widget.js, a booking in Spanish, and not one CSP violation.
 */
import { describe, expect, it } from "vitest";
import { DESKTOP } from "./harness/driver.js";
import { useE2eSite } from "./harness/e2e-site.js";
import { ENGINES } from "./harness/engines.js";
import { query } from "./harness/query.js";

const STUB = "window.Slotbook=window.Slotbook||function(){(Slotbook.q=Slotbook.q||[]).push(arguments)};\n";
// The site's own code, a blocking script above widget.js, so it always runs first: the calls wait in the queue.
const SITE_JS = `
Slotbook("on", "booked", (detail) => {
  document.getElementById("note").textContent = "Booked " + detail.bookingId;
});
Slotbook("inline", { widget: "wgt_demo", target: "#booking", locale: "es" });
`;
const page = (api: string) => `<!doctype html>
<html lang="es">
  <head>
    <meta charset="utf-8" />
    <title>Yoga para principiantes</title>
    <script src="slotbook-stub.js"></script>
    <script src="site.js"></script>
    <script async src="${api}/widget.js"></script>
  </head>
  <body>
    <h1>Yoga para principiantes</h1>
    <div id="booking"></div>
    <p id="note"></p>
  </body>
</html>`;

describe.each(ENGINES)("strict CSP in $name: the JS API, a language chunk and a booking", ({ name, available }) => {
  describe.skipIf(!available)(name, () => {
    const e2e = useE2eSite(name, (api) => ({ "/es.html": page(api), "/slotbook-stub.js": STUB, "/site.js": SITE_JS }));

    it("books in Spanish through queued calls with zero violations, and would have seen one", async () => {
      const url = e2e.site.url("es.html", { strict: true });
      expect((await fetch(url)).headers.get("content-security-policy")).toBe(e2e.site.csp);
      const tab = await e2e.open({ ...DESKTOP, timezoneId: "Europe/Madrid", locale: "es-ES" }, url);

      // The Spanish strings come from widget-es.js on the API's origin, fetched only because this widget speaks
      // Spanish (the Resource Timing entry names it in every engine; a failed fetch would leave the widget English).
      const chunk = `${e2e.server.url}/widget-es.js`;
      expect((await fetch(chunk)).status).toBe(200);
      await expect.poll(() => tab.evaluate((u) => performance.getEntriesByName(u).length, chunk)).toBe(1);
      const widget = query().css("#booking");
      const days = widget.role("radiogroup", "Día").role("radio");
      await tab.waitFor(days.first());
      await expect.poll(() => tab.count(widget.text(/^Horarios en /))).toBe(1);
      await tab.click(days.enabled().last());
      await tab.click(widget.role("radiogroup", "Hora").role("radio").enabled().first());
      await tab.click(widget.role("button", "Continuar"));

      // Errors in Spanish first, then the booking.
      await tab.click(widget.role("button", "Reservar"));
      await expect.poll(() => tab.count(widget.text("Revisa los campos marcados."))).toBe(1);
      await tab.fill(widget.label("Nombre"), "Lucía Pérez");
      await tab.fill(widget.label("Correo electrónico"), "lucia@example.com");
      await tab.fill(widget.label("Teléfono"), "+34 600 123 456");
      await tab.click(widget.role("button", "Reservar"));
      await tab.waitFor(widget.role("heading", "Reserva confirmada"));
      await expect.poll(() => tab.count(widget.role("link", "Añadir al calendario"))).toBe(1);

      // The handler queued with Slotbook("on") before the script loaded heard the booking.
      const note = query().css("#note");
      await expect.poll(() => tab.text(note)).toMatch(/^Booked bkg_[\w-]+$/);
      const bookingId = (await tab.text(note))!.slice("Booked ".length);
      expect(await e2e.server.admin.bookings.get(bookingId)).toMatchObject({
        name: "Lucía Pérez",
        status: "confirmed",
      });

      expect(await tab.cspViolations()).toEqual([]);
      expect((await tab.record()).errors).toEqual([]);

      // The recorder is live: an inline <style>, which the widget never uses, is reported at once.
      await tab.evaluate(() =>
        document.head.append(Object.assign(document.createElement("style"), { textContent: "p{}" })),
      );
      await expect.poll(async () => (await tab.cspViolations()).map((v) => v.directive)).toContain("style-src-elem");
      await tab.close();
    });
  });
});
