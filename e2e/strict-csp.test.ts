/**
 * @module The JS API under the spec's strict Content-Security-Policy: a queue stub in the site's own .js file,
 * `Slotbook('on')` and `Slotbook('inline', { locale: "es" })` called before widget.js has loaded, the Spanish
 * catalogue fetched cross-origin from beside widget.js, a booking in Spanish, and not one CSP violation.
 */
import { describe, expect, it } from "vitest";
import { DESKTOP, HAS_CHROMIUM } from "./harness/chromium.js";
import { recordCspViolations } from "./harness/csp-violations.js";
import { useE2eSite } from "./harness/e2e-site.js";

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

describe.skipIf(!HAS_CHROMIUM)("strict CSP: the JS API, a language chunk and a booking", () => {
  const e2e = useE2eSite((api) => ({ "/es.html": page(api), "/slotbook-stub.js": STUB, "/site.js": SITE_JS }));

  it("books in Spanish through queued calls with zero violations, and would have seen one", async () => {
    const { context, page: tab } = await e2e.newPage({ ...DESKTOP, timezoneId: "Europe/Madrid", locale: "es-ES" });
    const violations = await recordCspViolations(tab);
    const pageErrors: string[] = [];
    tab.on("pageerror", (error) => pageErrors.push(error.message));
    const chunk = tab.waitForResponse(`${e2e.server.url}/widget-es.js`);
    const response = await tab.goto(e2e.site.url("es.html", { strict: true }));
    expect(response?.headers()["content-security-policy"]).toBe(e2e.site.csp);

    // The Spanish strings come from widget-es.js on the API's origin, fetched only because this widget speaks Spanish.
    expect((await chunk).status()).toBe(200);
    const widget = tab.locator("#booking");
    const days = widget.getByRole("radiogroup", { name: "Día" }).getByRole("radio");
    await days.first().waitFor();
    await expect.poll(() => widget.getByText(/^Horarios en /).count()).toBe(1);
    await days.and(tab.locator(":enabled")).last().click();
    await widget
      .getByRole("radiogroup", { name: "Hora" })
      .getByRole("radio")
      .and(tab.locator(":enabled"))
      .first()
      .click();
    await widget.getByRole("button", { name: "Continuar" }).click();

    // Errors in Spanish first, then the booking.
    await widget.getByRole("button", { name: "Reservar" }).click();
    await expect.poll(() => widget.getByText("Revisa los campos marcados.").count()).toBe(1);
    await widget.getByLabel("Nombre").fill("Lucía Pérez");
    await widget.getByLabel("Correo electrónico").fill("lucia@example.com");
    await widget.getByLabel("Teléfono").fill("+34 600 123 456");
    await widget.getByRole("button", { name: "Reservar" }).click();
    await widget.getByRole("heading", { name: "Reserva confirmada" }).waitFor();
    await expect.poll(() => widget.getByRole("link", { name: "Añadir al calendario" }).count()).toBe(1);

    // The handler queued with Slotbook("on") before the script loaded heard the booking.
    await expect.poll(() => tab.locator("#note").textContent()).toMatch(/^Booked bkg_[\w-]+$/);
    const bookingId = (await tab.locator("#note").textContent())!.slice("Booked ".length);
    expect(await e2e.server.admin.bookings.get(bookingId)).toMatchObject({ name: "Lucía Pérez", status: "confirmed" });

    expect(await violations()).toEqual([]);
    expect(pageErrors).toEqual([]);

    // The recorder is live: an inline <style>, which the widget never uses, is reported at once.
    await tab.evaluate(() =>
      document.head.append(Object.assign(document.createElement("style"), { textContent: "p{}" })),
    );
    await expect.poll(async () => (await violations()).map((v) => v.directive)).toContain("style-src-elem");
    await context.close();
  });
});
