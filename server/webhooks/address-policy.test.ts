/** @module The webhook address policy: which IP addresses count as private, and which URLs are refused and why. */
import { describe, expect, it } from "vitest";
import { isPrivateAddress, webhookUrlProblem } from "./address-policy.js";

describe("isPrivateAddress", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["10.0.0.1", "private 10/8"],
    ["10.255.255.255", "private 10/8"],
    ["172.16.0.1", "private 172.16/12"],
    ["172.31.255.255", "private 172.16/12"],
    ["192.168.1.1", "private 192.168/16"],
    ["169.254.169.254", "link-local (cloud metadata)"],
    ["100.64.0.1", "CGNAT"],
    ["100.127.255.255", "CGNAT"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "this network"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["240.0.0.1", "reserved"],
    ["255.255.255.255", "broadcast"],
    ["198.18.0.1", "benchmarking"],
    ["198.19.255.255", "benchmarking"],
    ["192.0.0.8", "IETF protocol assignments"],
    ["192.0.2.1", "documentation"],
    ["::1", "IPv6 loopback"],
    ["0:0:0:0:0:0:0:1", "IPv6 loopback, long form"],
    ["::", "IPv6 unspecified"],
    ["fc00::1", "unique local"],
    ["fd12:3456:789a::1", "unique local"],
    ["fe80::1", "IPv6 link-local"],
    ["fe80::1%eth0", "IPv6 link-local with a zone"],
    ["febf::1", "IPv6 link-local, top of the range"],
    ["fec0::1", "site-local"],
    ["ff02::1", "IPv6 multicast"],
    ["::ffff:127.0.0.1", "IPv4-mapped loopback"],
    ["::ffff:7f00:1", "IPv4-mapped loopback in hex"],
    ["::FFFF:10.1.2.3", "IPv4-mapped private, upper case"],
    ["0:0:0:0:0:ffff:169.254.169.254", "IPv4-mapped metadata, long form"],
    ["::ffff:0:192.168.0.1", "SIIT-translated private"],
    ["::127.0.0.1", "IPv4-compatible loopback"],
    ["64:ff9b::127.0.0.1", "NAT64 loopback"],
    ["64:ff9b::a00:1", "NAT64 private in hex"],
    ["64:ff9b:1::1.2.3.4", "local-use NAT64"],
    ["2002:7f00:1::", "6to4 of loopback"],
    ["2001:db8::1", "IPv6 documentation"],
    ["[::1]", "a bracketed URL host"],
    ["not an address", "not an IP address at all"],
    ["", "empty"],
  ])("%s is private (%s)", (ip) => {
    expect(isPrivateAddress(ip)).toBe(true);
  });

  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "93.184.216.34",
    "11.0.0.1",
    "100.63.255.255",
    "100.128.0.0",
    "172.15.255.255",
    "172.32.0.0",
    "192.167.255.255",
    "192.169.0.0",
    "169.253.0.1",
    "198.17.255.255",
    "198.20.0.0",
    "223.255.255.255",
    "2606:4700::1111",
    "2a00:1450:4001:82a::200e",
    "::ffff:8.8.8.8",
    "64:ff9b::8.8.8.8",
    "2002:808:808::",
    "fbff::1",
    "fe7f::1",
  ])("%s is public", (ip) => {
    expect(isPrivateAddress(ip)).toBe(false);
  });
});

describe("webhookUrlProblem", () => {
  it("accepts https URLs with a public or unresolved host", () => {
    expect(webhookUrlProblem("https://hooks.example.com/slotbook?x=1", false)).toBeUndefined();
    expect(webhookUrlProblem("https://93.184.216.34:8443/hook", false)).toBeUndefined();
    expect(webhookUrlProblem("https://[2606:4700::1111]/hook", false)).toBeUndefined();
    // A name is checked when it is resolved, before each send.
    expect(webhookUrlProblem("https://localhost/hook", false)).toBeUndefined();
  });

  it("refuses what does not parse", () => {
    expect(webhookUrlProblem("hooks.example.com/x", false)).toBe(
      "Enter a complete URL, such as https://example.com/webhooks",
    );
    expect(webhookUrlProblem("", true)).toBe("Enter a complete URL, such as https://example.com/webhooks");
  });

  it("refuses plain http unless private networks are allowed", () => {
    expect(webhookUrlProblem("http://hooks.example.com/x", false)).toBe(
      "Use an https:// URL (plain http is allowed only with WEBHOOK_ALLOW_PRIVATE_NETWORKS=true)",
    );
    expect(webhookUrlProblem("http://hooks.example.com/x", true)).toBeUndefined();
  });

  it("refuses other schemes", () => {
    expect(webhookUrlProblem("ftp://hooks.example.com/x", false)).toBe("Use an https:// URL");
    expect(webhookUrlProblem("file:///etc/passwd", true)).toBe("Use an https:// or http:// URL");
    expect(webhookUrlProblem("javascript:alert(1)", false)).toBe("Use an https:// URL");
  });

  it("refuses a user name or password in the URL", () => {
    const problem =
      "Remove the user name and password from the URL: receivers check the webhook-signature header instead";
    expect(webhookUrlProblem("https://user:pass@hooks.example.com/x", false)).toBe(problem);
    expect(webhookUrlProblem("https://user@hooks.example.com/x", true)).toBe(problem);
  });

  it("refuses a private IP literal, naming it, unless private networks are allowed", () => {
    const problem = (ip: string) =>
      `${ip} is a loopback, private or internal address, which webhooks may reach only with WEBHOOK_ALLOW_PRIVATE_NETWORKS=true`;
    expect(webhookUrlProblem("https://127.0.0.1/x", false)).toBe(problem("127.0.0.1"));
    expect(webhookUrlProblem("https://[::1]:8443/x", false)).toBe(problem("::1"));
    expect(webhookUrlProblem("https://[::ffff:169.254.169.254]/x", false)).toBe(problem("::ffff:a9fe:a9fe"));
    expect(webhookUrlProblem("https://10.0.0.5/x", false)).toBe(problem("10.0.0.5"));
    expect(webhookUrlProblem("https://127.0.0.1/x", true)).toBeUndefined();
    expect(webhookUrlProblem("http://[::1]:3000/x", true)).toBeUndefined();
  });

  it("sees through the other spellings of an IPv4 address that the URL parser accepts", () => {
    for (const url of ["https://2130706433/x", "https://0x7f.1/x", "https://0177.0.0.1/x", "https://127.1/x"]) {
      expect(webhookUrlProblem(url, false)).toMatch(/^127\.0\.0\.1 is a loopback/);
    }
  });
});
