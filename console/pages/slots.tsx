/** @module The Slots page: a placeholder until it is built. */
import { h } from "preact";
import type { PageProps } from "../lazy-page.js";
import { PageHeader } from "../ui/page-header.js";

/** Slots (not built yet). */
export default function SlotsPage(_: PageProps) {
  return <PageHeader title="Slots" description="This page is being built." />;
}
