/** @module What a console path that leads nowhere shows. */
import { Fragment, h } from "preact";
import type { PageProps } from "../lazy-page.js";
import { Link } from "../router.js";
import { EmptyState } from "../ui/empty-state.js";
import { PageHeader } from "../ui/page-header.js";

/** The not-found page. */
export default function NotFoundPage(_: PageProps) {
  return (
    <>
      <PageHeader title="Page not found" />
      <EmptyState
        title="There is nothing at this address"
        action={
          <Link to="/" class="btn btn-primary">
            Go to the overview
          </Link>
        }
      >
        <p>The link may be old, or the thing it pointed to was deleted.</p>
      </EmptyState>
    </>
  );
}
