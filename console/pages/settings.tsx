/** @module Settings (`/console/settings/{team|keys|webhooks|email}`): one tab per concern, each its own component. */
import { Fragment, h } from "preact";
import type { PageProps } from "../lazy-page.js";
import { Link } from "../router.js";
import { Icon, type IconName } from "../ui/icons.js";
import { PageHeader } from "../ui/page-header.js";
import { EmailSettings } from "./settings/email.js";
import { KeySettings } from "./settings/keys.js";
import { TeamSettings } from "./settings/team.js";
import { WebhookSettings } from "./settings/webhooks.js";

const TABS: readonly { path: string; label: string; icon: IconName }[] = [
  { path: "team", label: "Team", icon: "team" },
  { path: "webhooks", label: "Webhooks", icon: "webhook" },
  { path: "email", label: "Email", icon: "mail" },
  { path: "keys", label: "API keys", icon: "key" },
];

/** The settings page; `/settings` shows the team. */
export default function SettingsPage({ params }: PageProps) {
  const [tab = "team", ...rest] = (params["*"] ?? "").split("/").filter(Boolean);
  return (
    <>
      <PageHeader title="Settings" description="Your team, where bookings are sent, email and API access." />
      <nav class="tabs" aria-label="Settings">
        {TABS.map((t) => (
          <Link key={t.path} to={`/settings/${t.path}`} class="tab" current={t.path === tab}>
            <Icon name={t.icon} size={16} />
            {t.label}
          </Link>
        ))}
      </nav>
      {tab === "team" && <TeamSettings />}
      {tab === "webhooks" && <WebhookSettings id={rest[0]} />}
      {tab === "email" && <EmailSettings />}
      {tab === "keys" && <KeySettings />}
      {!TABS.some((t) => t.path === tab) && <p>There is no such settings tab.</p>}
    </>
  );
}
