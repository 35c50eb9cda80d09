/** @module Setup (`/console/setup?token=…`) and invites (`/console/invite?token=…`): make an account from a link. */
import { h } from "preact";
import type { PageProps } from "../lazy-page.js";
import { PageHeader } from "../ui/page-header.js";

/** The setup and invite page. */
export default function AcceptPage(_: PageProps) {
  return <PageHeader title="Create your account" description="This page is being built." />;
}
