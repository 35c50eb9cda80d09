/** @module Where the manage page's booking id and token come from, and how the token leaves the address bar. */

/**
 * The booking id and token the page gives (`data-slotbook-manage`, `data-token`; the server copies `?token=`), and
 * else the `#token=` an earlier visit left. The query is replaced by that fragment: a fragment is never sent to a
 * server, in a request or a Referer, so the token is out of logs and history entries, yet a reload still works.
 * The attribute is removed once read, so nothing else on the page finds the token in the DOM.
 */
export function readManageTarget(
  element: HTMLElement,
  location: Pick<Location, "pathname" | "hash">,
  history: Pick<History, "replaceState">,
): { bookingId: string; token: string } {
  const token = element.dataset.token || new URLSearchParams(location.hash.slice(1)).get("token") || "";
  element.removeAttribute("data-token");
  if (token) history.replaceState(null, "", `${location.pathname}#token=${encodeURIComponent(token)}`);
  return { bookingId: element.dataset.slotbookManage ?? "", token };
}
