/**
 * @module What only a real layout engine can tell, in Chromium: the chosen time stands out from the others and from
 * full ones with WCAG AA contrast in light and dark mode; on 360–390 px phones every day of the strip shows whole;
 * the floating button is a compact pill in the corner, not a bar across the page.
 */
import type { BrowserContextOptions, Locator } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { createClient } from "../sdk/index.js";
import { DESKTOP, HAS_CHROMIUM, PHONE } from "./harness/chromium.js";
import { useE2eSite } from "./harness/e2e-site.js";
import { press, widgetAt } from "./harness/widget-steps.js";

type Rgb = [number, number, number];

/** `rgb(…)`, `rgba(…)` or `color(srgb …)` as Chromium reports computed colours, to 0–255 channels. */
function parseColour(css: string): Rgb {
  const srgb = /^color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)/.exec(css);
  if (srgb) return [Number(srgb[1]) * 255, Number(srgb[2]) * 255, Number(srgb[3]) * 255];
  const rgb = /^rgba?\((\d+), (\d+), (\d+)/.exec(css);
  if (!rgb) throw new Error(`unexpected colour ${css}`);
  return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
}

/** WCAG 2.2 contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, b] = parseColour(css).map((v) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as Rgb;
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The computed colours and border style of an element (pierces the shadow root through the locator). */
function look(locator: Locator) {
  return locator.evaluate((el) => {
    const s = getComputedStyle(el);
    return { bg: s.backgroundColor, fg: s.color, border: s.borderTopColor, borderStyle: s.borderTopStyle };
  });
}

describe.skipIf(!HAS_CHROMIUM)("widget layout and colour, in Chromium", () => {
  const e2e = useE2eSite();

  beforeAll(async () => {
    // A day after the demo's week with a full time and an open one, so both states show side by side.
    // 10:00 and 12:00 UTC twelve days on: one calendar day in the UTC pages below.
    const start = Math.floor(Date.now() / 86_400_000 + 12) * 86_400_000 + 10 * 3_600_000;
    const at = (offset: number) => new Date(start + offset).toISOString();
    const [full] = await e2e.server.admin.slots.create("wgt_demo", [
      { startsAt: at(0), endsAt: at(3_600_000), capacity: 1 },
      { startsAt: at(7_200_000), endsAt: at(10_800_000), capacity: 4 },
    ]);
    await createClient({ baseUrl: e2e.server.url }).bookings.create("wgt_demo", {
      slotId: full!.id,
      name: "Grace Full",
      email: "grace.full@example.com",
    });
  });

  const open = async (context: BrowserContextOptions) => {
    const { context: ctx, page } = await e2e.newPage({ timezoneId: "UTC", ...context });
    await page.goto(e2e.site.url("inline.html"));
    return { page, close: () => ctx.close() };
  };

  it.each(["light", "dark"] as const)(
    "%s: the chosen time is unmistakable, and full times look different",
    async (colorScheme) => {
      const { page, close } = await open({ ...PHONE, colorScheme });
      const widget = widgetAt(page, "[data-slotbook]", true);
      const days = widget.host.getByRole("radiogroup", { name: "Day" }).getByRole("radio");
      await press(widget, days.last());
      const times = widget.host.getByRole("radiogroup", { name: "Time" }).getByRole("radio");
      const [fullTime, openTime] = [times.first(), times.last()];
      expect(await fullTime.isDisabled()).toBe(true);
      await press(widget, openTime);
      await page.mouse.move(0, 0);
      expect(await openTime.getAttribute("aria-checked")).toBe("true");
      // Past any colour transition.
      await page.waitForTimeout(300);

      const root = await look(widget.host.locator(".root"));
      const chosen = await look(openTime);
      const chosenDay = await look(days.last());
      const other = await look(days.first());
      const full = await look(fullTime);
      // Text on the chosen time: AA for normal text.
      expect(contrast(chosen.fg, chosen.bg)).toBeGreaterThanOrEqual(4.5);
      // The chosen time against the widget and against a time not chosen: AA for graphical objects (1.4.11).
      expect(contrast(chosen.bg, root.bg)).toBeGreaterThanOrEqual(3);
      expect(contrast(chosen.bg, other.bg)).toBeGreaterThanOrEqual(3);
      expect(contrast(chosen.border, root.bg)).toBeGreaterThanOrEqual(3);
      // The chosen time looks like the chosen day.
      expect(chosen.bg).toBe(chosenDay.bg);
      // A full time is nothing like the chosen one: pale fill, dashed outline.
      expect(contrast(full.bg, chosen.bg)).toBeGreaterThanOrEqual(3);
      expect(full.borderStyle).toBe("dashed");
      expect(chosen.borderStyle).toBe("solid");
      await close();
    },
  );

  it.each([360, 375, 390])("%i px phone: every day of the strip shows whole, and arrows still move", async (width) => {
    const { page, close } = await open({ ...PHONE, viewport: { width, height: 740 } });
    const widget = widgetAt(page, "[data-slotbook]", true);
    const group = widget.host.getByRole("radiogroup", { name: "Day" });
    const days = group.getByRole("radio");
    await days.first().waitFor();
    expect(await days.count()).toBeGreaterThanOrEqual(6); // more than fit one row on a phone
    const box = (await group.boundingBox())!;
    for (const day of await days.all()) {
      const b = (await day.boundingBox())!;
      expect(b.x).toBeGreaterThanOrEqual(box.x - 0.5);
      expect(b.x + b.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
      expect(b.x + b.width).toBeLessThanOrEqual(width);
      // Wide enough for its weekday, number and month.
      expect(b.width).toBeGreaterThanOrEqual(48);
    }
    // Nothing hidden sideways: no horizontal scrolling at all.
    expect(await group.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    // Still one radio group operated with arrow keys.
    const checked = group.locator("[aria-checked=true]");
    const before = await checked.getAttribute("data-id");
    await checked.focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => checked.getAttribute("data-id")).not.toBe(before);
    await close();
  });

  it.each([
    ["phone", PHONE],
    ["desktop", DESKTOP],
  ] as const)("%s: the floating button is a pill in the corner", async (_, context) => {
    const { context: ctx, page } = await e2e.newPage(context);
    await page.goto(e2e.site.url("floating.html"));
    const fab = page.getByRole("button", { name: "Book a demo" });
    await fab.waitFor();
    const viewport = page.viewportSize()!;
    const b = (await fab.boundingBox())!;
    expect(b.width).toBeLessThan(viewport.width * 0.5);
    expect(b.height).toBeGreaterThanOrEqual(44); // a comfortable touch target
    const right = viewport.width - (b.x + b.width);
    const bottom = viewport.height - (b.y + b.height);
    expect(right).toBeGreaterThanOrEqual(12);
    expect(right).toBeLessThanOrEqual(24);
    expect(bottom).toBeGreaterThanOrEqual(12);
    expect(bottom).toBeLessThanOrEqual(24);
    await ctx.close();
  });
});
