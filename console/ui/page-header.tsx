/**
 * @module A page's heading row: the `<h1>` (which takes focus after a navigation, so screen readers announce the new
 * page), a line of description, and the page's actions; it also sets the document title.
 */
import { type ComponentChildren, h } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { takeHeadingFocus } from "../router.js";

/** The heading of a page. */
export function PageHeader({
  title,
  description,
  actions,
  back,
}: {
  title: string;
  description?: ComponentChildren;
  actions?: ComponentChildren;
  /** A link back up, e.g. to the list from a detail view. */
  back?: ComponentChildren;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Slotbook`;
  }, [title]);
  useEffect(() => {
    if (takeHeadingFocus()) heading.current?.focus();
  }, []);
  return (
    <header class="page-header">
      <div class="page-heading">
        {back && <div class="page-back">{back}</div>}
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {description && <p class="page-description">{description}</p>}
      </div>
      {actions && <div class="page-actions">{actions}</div>}
    </header>
  );
}
