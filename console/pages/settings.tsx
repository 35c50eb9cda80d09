/** @module The Settings page. */
import { h } from "preact";
import type { PageProps } from "../lazy-page.js";
import { PageHeader } from "../ui/page-header.js";

/** Settings. */
export default function SettingsPage(_: PageProps) {
  return <PageHeader title="Settings" description="This page is being built." />;
}
