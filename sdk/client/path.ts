/** @module Small pieces of every request: a safe path segment and a bearer header. */

/**
 * An id as one URL path segment, so `../` or `?` in a caller's value cannot change the route. `.` and `..` are
 * refused: encoding leaves them as they are, and URL resolution would then drop or climb a segment.
 */
export function segment(id: string): string {
  if (typeof id !== "string" || id === "" || id === "." || id === "..") {
    throw new TypeError("Slotbook: an id must be a non-empty string other than . and ..");
  }
  return encodeURIComponent(id);
}

/** The `Authorization` header for a manage token or an API key. */
export function bearer(token: string): Record<string, string> {
  if (typeof token !== "string" || token.length === 0)
    throw new TypeError("Slotbook: token must be a non-empty string");
  return { authorization: `Bearer ${token}` };
}
