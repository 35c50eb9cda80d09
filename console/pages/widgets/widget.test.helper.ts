/** @module The saved widget the editor's tests start from. */
import { type Widget, widgetSchema } from "../../../sdk/schemas/widget-admin.js";

/** A saved widget with every setting, parsed with the admin schema so the shape is the API's. */
export function savedWidget(patch: Partial<Widget> = {}): Widget {
  return widgetSchema.parse({
    id: "wgt_demo",
    title: "Book a free demo class",
    description: "45 minutes, no commitment.",
    locale: "en",
    timezone: "Europe/Berlin",
    theme: { accent: "#4f46e5", radius: 12, mode: "auto" },
    phone: "optional",
    phoneCountry: "DE",
    phoneExample: "01512 3456789",
    fields: [{ key: "level", label: "Your level", type: "select", required: true, options: ["Beginner", "Advanced"] }],
    consent: { text: "I agree to be contacted.", required: true },
    successMessage: "See you in class!",
    allowedOrigins: ["https://school.example"],
    status: "active",
    notifyEmails: ["team@school.example"],
    reminders: [1440, 60],
    location: { kind: "online", url: "https://meet.example/abc" },
    organizer: { name: "Ada", email: "ada@school.example" },
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    ...patch,
  });
}
