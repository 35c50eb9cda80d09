import { beforeEach, describe, expect, it } from "vitest";
import { useTestCli } from "../run-for-test.js";

const cli = useTestCli({ PUBLIC_URL: "https://book.example.com/" });
let widget: string;
beforeEach(async () => {
  widget =
    /Created widget (wgt_[\w-]+)/.exec(
      (await cli.run("widget", "create", "--title", "Book a free demo class")).stdout,
    )?.[1] ?? "";
});

describe("slotbook snippet", () => {
  it("prints the spec's three snippets with PUBLIC_URL as the base", async () => {
    const result = await cli.run("snippet", "--widget", widget);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`<!-- inline -->
<div data-slotbook="${widget}"></div>
<script async src="https://book.example.com/widget.js"></script>

<!-- popup, opened by any element -->
<button data-slotbook-open="${widget}">Book a free demo class</button>

<!-- floating button -->
<script async src="https://book.example.com/widget.js"
        data-slotbook-floating="${widget}" data-label="Book a demo"></script>
`);
  });

  it("prints one mode; popup alone brings the script it needs", async () => {
    const inline = await cli.run("snippet", "--widget", widget, "--mode", "inline");
    expect(inline.stdout).toBe(
      `<!-- inline -->\n<div data-slotbook="${widget}"></div>\n<script async src="https://book.example.com/widget.js"></script>\n`,
    );
    const popup = await cli.run("snippet", "--widget", widget, "--mode", "popup");
    expect(popup.stdout).toContain(
      `<button data-slotbook-open="${widget}">Book a free demo class</button>\n<script async src="https://book.example.com/widget.js"></script>`,
    );
    const floating = await cli.run("snippet", "--widget", widget, "--mode", "floating");
    expect(floating.stdout).toContain(`data-slotbook-floating="${widget}"`);
    expect(floating.stdout).not.toContain("data-slotbook-open");
  });

  it("escapes the title in the popup button", async () => {
    const id =
      /Created widget (wgt_[\w-]+)/.exec((await cli.run("widget", "create", "--title", `<b>"Q&A"</b>`)).stdout)?.[1] ??
      "";
    const popup = await cli.run("snippet", "--widget", id, "--mode", "popup");
    expect(popup.stdout).toContain(">&lt;b&gt;&quot;Q&amp;A&quot;&lt;/b&gt;</button>");
  });

  it("rejects a bad mode (exit 2) and an unknown widget (exit 1)", async () => {
    expect(await cli.run("snippet", "--widget", widget, "--mode", "sidebar")).toMatchObject({
      code: 2,
      stderr: '--mode must be inline, popup or floating, got "sidebar"\n',
    });
    expect(await cli.run("snippet", "--widget", "wgt_missing")).toMatchObject({
      code: 1,
      stderr: `${cli.using}No widget wgt_missing\n`,
    });
  });
});
