import { describe, expect, it } from "vitest";
import { allSnippets, SNIPPET_MODES, snippet } from "./embed-snippets.js";

const input = { widgetId: "wgt_demo", publicUrl: "https://book.example.com", buttonText: "Try a class" };

describe("embed snippets", () => {
  it("write each mode as the spec's Embedding section shows it", () => {
    expect(SNIPPET_MODES).toEqual(["inline", "popup", "floating"]);
    expect(snippet("inline", input)).toBe(
      '<!-- inline -->\n<div data-slotbook="wgt_demo"></div>\n<script async src="https://book.example.com/widget.js"></script>\n',
    );
    expect(snippet("popup", input)).toBe(
      '<!-- popup, opened by any element -->\n<button data-slotbook-open="wgt_demo">Try a class</button>\n<script async src="https://book.example.com/widget.js"></script>\n',
    );
    expect(snippet("floating", input)).toBe(
      '<!-- floating button -->\n<script async src="https://book.example.com/widget.js"\n        data-slotbook-floating="wgt_demo" data-label="Book a demo"></script>\n',
    );
  });

  it("list all three with one script for the inline and popup pair", () => {
    expect(allSnippets(input).match(/<script/g)).toHaveLength(2);
  });

  it("escape what goes into attributes and the button", () => {
    const text = snippet("popup", { ...input, buttonText: '<b>"Q&A"</b>' });
    expect(text).toContain(">&lt;b&gt;&quot;Q&amp;A&quot;&lt;/b&gt;</button>");
  });
});
