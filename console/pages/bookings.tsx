/** @module The Bookings page. */
import { h } from "preact";
import type { PageProps } from "../lazy-page.js";
import { PageHeader } from "../ui/page-header.js";

/** Bookings. */
export default function BookingsPage(_: PageProps) {
  return <PageHeader title="Bookings" description="This page is being built." />;
}
