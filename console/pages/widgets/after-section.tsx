/**
 * @module The class and what follows a booking: where it happens, who runs it, the message after booking or a page to
 * go to, the team's addresses and the reminders.
 */
import { h } from "preact";
import { ChoiceGroup } from "../../ui/choice-group.js";
import { Field, TextField } from "../../ui/field.js";
import type { SectionProps } from "./editor-section.js";
import { ListInput } from "./list-input.js";
import { RemindersInput } from "./reminders-input.js";

/** Location and organiser. */
export function ClassSection({ draft, change, errors }: SectionProps) {
  const { location, organizer } = draft;
  return (
    <section class="card editor-section" aria-labelledby="class-title">
      <h2 id="class-title" class="card-head">
        The class
      </h2>
      <div class="card-body stack">
        <ChoiceGroup
          legend="Where"
          hint="Shown in the confirmation, the emails and the calendar invite."
          value={location.kind}
          error={errors.location}
          onValue={(kind) => change({ location: { ...location, kind } })}
          choices={[
            { value: "none", label: "Not said" },
            { value: "in_person", label: "In person" },
            { value: "online", label: "Online" },
          ]}
        />
        {location.kind === "in_person" && (
          <Field label="Address" error={errors["location.address"]}>
            {(control) => (
              <textarea
                {...control}
                class="input"
                rows={2}
                maxLength={300}
                value={location.address}
                onInput={(e) =>
                  change({ location: { ...location, address: (e.currentTarget as HTMLTextAreaElement).value } })
                }
              />
            )}
          </Field>
        )}
        {location.kind === "online" && (
          <TextField
            label="Link to join"
            type="url"
            placeholder="https://meet.example.com/…"
            value={location.url}
            error={errors["location.url"]}
            onValue={(url) => change({ location: { ...location, url } })}
          />
        )}
        <fieldset class="field">
          <legend class="field-label">
            Organiser <span class="field-optional">(optional)</span>
          </legend>
          <p class="field-hint">Named in the calendar invite; visitors may write to this address.</p>
          <div class="form-grid">
            <TextField
              label="Name"
              value={organizer.name}
              error={errors["organizer.name"] ?? errors.organizer}
              maxLength={120}
              autocomplete="off"
              onValue={(name) => change({ organizer: { ...organizer, name } })}
            />
            <TextField
              label="Email"
              type="email"
              value={organizer.email}
              error={errors["organizer.email"]}
              autocomplete="off"
              onValue={(email) => change({ organizer: { ...organizer, email } })}
            />
          </div>
        </fieldset>
      </div>
    </section>
  );
}

/** Success message, redirect, team addresses, reminders. */
export function AfterSection({ draft, change, errors }: SectionProps) {
  return (
    <section class="card editor-section" aria-labelledby="after-title">
      <h2 id="after-title" class="card-head">
        After booking
      </h2>
      <div class="card-body stack">
        <Field
          label="Message on the confirmation"
          optional
          hint="E.g. See you in class! Bring comfortable shoes."
          error={errors.successMessage}
        >
          {(control) => (
            <textarea
              {...control}
              class="input"
              rows={2}
              maxLength={1000}
              value={draft.successMessage}
              onInput={(e) => change({ successMessage: (e.currentTarget as HTMLTextAreaElement).value })}
            />
          )}
        </Field>
        <TextField
          label="Go to this page instead"
          optional
          type="url"
          placeholder="https://your.site/thanks"
          hint="After booking, visitors are sent to this address (a thank-you page) instead of the confirmation."
          value={draft.redirectUrl}
          error={errors.redirectUrl}
          onValue={(redirectUrl) => change({ redirectUrl })}
        />
        <ListInput
          legend="Tell the team"
          hint="Each address gets an email for every new and cancelled booking, with the visitor's details."
          path="notifyEmails"
          type="email"
          placeholder="team@your.site"
          values={draft.notifyEmails}
          errors={errors}
          itemLabel={(n) => `Team address ${n}`}
          addLabel="Add an address"
          emptyText="Nobody is told by email; bookings are still here."
          max={20}
          onValues={(notifyEmails) => change({ notifyEmails })}
        />
        <RemindersInput
          reminders={draft.reminders}
          errors={errors}
          onReminders={(reminders) => change({ reminders })}
        />
      </div>
    </section>
  );
}
