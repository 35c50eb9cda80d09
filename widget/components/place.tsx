/** @module Where the class happens, beside every time the widget shows: the address, or the link to join online. */
import { h } from "preact";
import type { PublicWidget } from "../../sdk/schemas/widget.js";

/** The widget's `location` as one line (a pin, then the address or the link), or nothing. */
export function Place({ location }: { location: PublicWidget["location"] }) {
  if (!location) return null;
  const { url, address } = location as { url?: string; address?: string };
  return (
    <p class="tz" part="location">
      <svg
        width="14"
        height="14"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        stroke-width="2"
        aria-hidden="true"
      >
        <path d="M12 21s-7-6-7-11a7 7 0 0 1 14 0c0 5-7 11-7 11z" />
      </svg>
      {/* Only an http(s) link becomes an href, never a `javascript:` URL. */}
      {url && /^https?:\/\//.test(url) ? (
        <a href={url} target="_blank" rel="noopener">
          {url}
        </a>
      ) : (
        url || address
      )}
    </p>
  );
}
