/** @module Which webhook URLs and addresses may be reached: https only, and no loopback, private or internal address. */
import { isIP } from "node:net";

const ALLOW_HINT = "allowed only with WEBHOOK_ALLOW_PRIVATE_NETWORKS=true";

// IPv4 ranges that are not the public internet (IANA special-purpose registry), as [first address, prefix length].
const PRIVATE_V4: ReadonlyArray<readonly [string, number]> = [
  ["0.0.0.0", 8], // "this network", unspecified
  ["10.0.0.0", 8], // private
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local, incl. cloud metadata at 169.254.169.254
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation (TEST-NET-1)
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation (TEST-NET-2)
  ["203.0.113.0", 24], // documentation (TEST-NET-3)
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, incl. broadcast 255.255.255.255
];

/**
 * True when an IP address (v4 or v6 text) is one a webhook may not reach without WEBHOOK_ALLOW_PRIVATE_NETWORKS:
 * loopback, private, link-local, CGNAT, unspecified, multicast, broadcast, reserved, benchmarking and documentation
 * ranges, IPv6 ULA, site-local and multicast, and IPv4-mapped, NAT64 and 6to4 forms of the IPv4 ones. Text that is
 * not an IP address counts as private: refusing is the safe answer.
 * @example isPrivateAddress("::ffff:127.0.0.1") // true
 */
export function isPrivateAddress(ip: string): boolean {
  const address = ip.replace(/^\[(.*)\]$/, "$1").replace(/%.*$/, ""); // brackets of a URL host, an IPv6 zone id
  const version = isIP(address);
  if (version === 4) return isPrivateV4(parseV4(address));
  if (version === 6) return isPrivateV6(parseV6(address));
  return true;
}

/**
 * Why a webhook URL may not be used, or undefined when it may: it must parse, be `https:` (`http:` only when
 * `allowPrivateNetworks`), carry no user name or password, and, unless `allowPrivateNetworks`, not name a private IP
 * address. A host name is checked when it is resolved, before each send (see `postWebhook`).
 * @example webhookUrlProblem("http://example.com/hook", false) // "Use an https:// URL (plain http is …)"
 */
export function webhookUrlProblem(url: string, allowPrivateNetworks: boolean): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "Enter a complete URL, such as https://example.com/webhooks";
  }
  if (parsed.protocol === "http:" && !allowPrivateNetworks) {
    return `Use an https:// URL (plain http is ${ALLOW_HINT})`;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    return allowPrivateNetworks ? "Use an https:// or http:// URL" : "Use an https:// URL";
  }
  if (parsed.username || parsed.password) {
    return "Remove the user name and password from the URL: receivers check the webhook-signature header instead";
  }
  // The URL parser has already turned forms like 0x7f.1 or 2130706433 into dotted IPv4.
  const host = parsed.hostname.replace(/^\[(.*)\]$/, "$1");
  if (!allowPrivateNetworks && isIP(host) !== 0 && isPrivateAddress(host)) {
    return `${host} is a loopback, private or internal address, which webhooks may reach only with WEBHOOK_ALLOW_PRIVATE_NETWORKS=true`;
  }
  return undefined;
}

function parseV4(address: string): number {
  return address.split(".").reduce((value, part) => value * 256 + Number(part), 0);
}

function isPrivateV4(value: number): boolean {
  return PRIVATE_V4.some(([first, bits]) => Math.floor(value / 2 ** (32 - bits)) === parseV4(first) / 2 ** (32 - bits));
}

/** The eight 16-bit groups of a valid IPv6 address (one `isIP` accepted), a trailing dotted IPv4 included. */
function parseV6(address: string): number[] {
  let text = address.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = parseV4(dotted[1]!);
    text = `${text.slice(0, dotted.index)}${Math.floor(v4 / 65536).toString(16)}:${(v4 % 65536).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const front = head ? head.split(":") : [];
  const back = tail ? tail.split(":") : [];
  const middle = tail === undefined ? [] : Array<string>(8 - front.length - back.length).fill("0");
  return [...front, ...middle, ...back].map((group) => Number.parseInt(group, 16));
}

function isPrivateV6(g: number[]): boolean {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const embeddedV4 = g6 * 65536 + g7;
  const zeroTo = (end: number) => g.slice(0, end).every((group) => group === 0);
  if (zeroTo(6)) return true; // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
  if (zeroTo(5) && g5 === 0xffff) return isPrivateV4(embeddedV4); // IPv4-mapped ::ffff:a.b.c.d
  if (zeroTo(4) && g4 === 0xffff && g5 === 0) return isPrivateV4(embeddedV4); // SIIT ::ffff:0:a.b.c.d
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return isPrivateV4(embeddedV4); // NAT64
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 1) return true; // local-use NAT64 64:ff9b:1::/48
  if (g0 === 0x2002) return isPrivateV4(g1 * 65536 + g2); // 6to4 2002:a.b.c.d::/48
  if (g0 === 0x100 && g1 === 0 && g2 === 0 && g3 === 0) return true; // discard 100::/64
  if (g0 === 0x2001 && g1 === 0xdb8) return true; // documentation 2001:db8::/32
  if ((g0 & 0xfe00) === 0xfc00) return true; // unique local fc00::/7
  if ((g0 & 0xffc0) === 0xfe80 || (g0 & 0xffc0) === 0xfec0) return true; // link-local fe80::/10, site-local fec0::/10
  return (g0 & 0xff00) === 0xff00; // multicast ff00::/8
}
