/** @module The Overview page. */
import { h } from "preact";
import type { PageProps } from "../lazy-page.js";
import { PageHeader } from "../ui/page-header.js";

/** Overview. */
export default function OverviewPage(_: PageProps) {
  return <PageHeader title="Overview" description="This page is being built." />;
}
