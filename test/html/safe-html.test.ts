import { describe, expect, it } from "vitest";
import { html, scriptJson } from "../../src/audit/format/safe-html.js";

describe("the HTML writer", () => {
  it("escapes markup and both quotes, neutralises controls and bidi overrides", () => {
    expect(html(`<a href='x' title="y">&amp;</a>`)).toBe(
      "&lt;a href=&#39;x&#39; title=&quot;y&quot;&gt;&amp;amp;&lt;/a&gt;",
    );
    expect(html("abc\u202Efdp.exe\u001b[2J")).toBe("abc\\u202efdp.exe\\x1b[2J");
    expect(html(null)).toBe("");
    expect(html(428)).toBe("428");
  });

  it("embeds JSON that cannot end its script element and parses back to the neutralised value", () => {
    const value = { label: "</script><script>alert(1)</script><!--", dn: "CN=a&b\u2028\u202E" };
    const text = scriptJson(value);
    expect(text).not.toMatch(/[<>&\u2028\u202E]/);
    expect(JSON.parse(text)).toEqual({ label: value.label, dn: "CN=a&b\u2028\\u202e" });
  });
});
