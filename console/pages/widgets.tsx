/** @module The Widgets page: a placeholder until it is built. */
import { h } from "preact";
import type { PageProps } from "../lazy-page.js";
import { PageHeader } from "../ui/page-header.js";

/** Widgets (not built yet). */
export default function WidgetsPage(_: PageProps) {
  return <PageHeader title="Widgets" description="This page is being built." />;
}
