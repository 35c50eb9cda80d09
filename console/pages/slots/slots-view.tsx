/**
 * @module One widget's week of slots: previous, next and this week (the week in the address, `?week=`), the calendar,
 * "Add classes", and each slot's dialog; every change updates the calendar in place.
 */
import { Fragment, h } from "preact";
import { useMemo, useState } from "preact/hooks";
import type { AdminSlot } from "../../../sdk/schemas/slot-admin.js";
import type { Widget } from "../../../sdk/schemas/widget-admin.js";
import { api, useLoad } from "../../api.js";
import { navigate, useLocation } from "../../router.js";
import { needsRole, useSession } from "../../session.js";
import { Button } from "../../ui/button.js";
import { Icon } from "../../ui/icons.js";
import { LoadError } from "../../ui/notice.js";
import { Spinner } from "../../ui/spinner.js";
import { toast } from "../../ui/toast.js";
import { AddSlotsDialog, classes } from "./add-slots-dialog.js";
import { addDays, dayIn, isDayKey, mondayOf } from "./calendar-days.js";
import { SlotDialog } from "./slot-dialog.js";
import { weekLabel } from "./slot-times.js";
import { WeekCalendar } from "./week-calendar.js";
import { weekGrid } from "./week-grid.js";

/** The week view of `widget`'s slots. */
export function SlotsView({ widget }: { widget: Widget }) {
  const { canEdit } = useSession();
  const { query, path } = useLocation();
  const timeZone = widget.timezone;
  const now = Date.now();
  const today = dayIn(now, timeZone);
  const asked = query.get("week") ?? "";
  const monday = isDayKey(asked) ? mondayOf(asked) : mondayOf(today);
  const {
    data: slots,
    error,
    reload,
    setData,
  } = useLoad((signal) => api().slots.list(widget.id, { signal }), [widget.id]);
  const [open, setOpen] = useState<string>();
  const [adding, setAdding] = useState(false);

  const grid = useMemo(() => weekGrid(slots ?? [], monday, timeZone, today), [slots, monday, timeZone, today]);
  const opened = slots?.find((s) => s.id === open);
  const goToWeek = (day: string) => navigate(`${path}?week=${mondayOf(day)}`, { replace: true });
  const upcoming = (slots ?? [])
    .filter((s) => s.status === "active" && Date.parse(s.startsAt) > now)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const later = upcoming.find((s) => dayIn(Date.parse(s.startsAt), timeZone) > addDays(monday, 6));
  const caption = `Classes of the week ${weekLabel(monday, addDays(monday, 6))}, times in ${timeZone}`;

  const added = (made: AdminSlot[]) => {
    setData((list) => [...(list ?? []), ...made]);
    toast(`Added ${classes(made.length)}`);
    const first = [...made].sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
    if (first) goToWeek(dayIn(Date.parse(first.startsAt), timeZone));
  };

  return (
    <>
      <div class="week-bar">
        <nav class="week-nav" aria-label="Weeks">
          <Button size="sm" onClick={() => goToWeek(addDays(monday, -7))} aria-label="Previous week">
            ‹ <span class="week-nav-text">Previous</span>
          </Button>
          <Button size="sm" onClick={() => goToWeek(today)} disabled={monday === mondayOf(today)}>
            This week
          </Button>
          <Button size="sm" onClick={() => goToWeek(addDays(monday, 7))} aria-label="Next week">
            <span class="week-nav-text">Next</span> ›
          </Button>
        </nav>
        <h2 class="week-title" aria-live="polite">
          {weekLabel(monday, addDays(monday, 6))}
        </h2>
        <Button
          variant="primary"
          onClick={() => setAdding(true)}
          disabled={!canEdit}
          title={canEdit ? undefined : needsRole("editor")}
        >
          <Icon name="plus" size={16} /> Add classes
        </Button>
      </div>
      <p class="muted small week-zone">
        Times in {timeZone}, the widget's time zone{upcoming.length ? ` · ${classes(upcoming.length)} coming up` : ""}.
      </p>
      {error !== undefined && !slots && <LoadError error={error} onRetry={reload} />}
      {!slots && error === undefined && <Spinner label="Loading slots" />}
      {slots && grid.hours.length === 0 && (
        <div class="empty week-empty">
          <h3 class="empty-title">No classes this week</h3>
          <div class="empty-body">
            {later ? (
              <p>
                The next one is in the week of{" "}
                {weekLabel(
                  mondayOf(dayIn(Date.parse(later.startsAt), timeZone)),
                  addDays(mondayOf(dayIn(Date.parse(later.startsAt), timeZone)), 6),
                )}
                .
              </p>
            ) : (
              <p>Add a class, or every week's classes at once; visitors can book them as soon as they are added.</p>
            )}
          </div>
          <div class="empty-action row">
            {later && (
              <Button onClick={() => goToWeek(dayIn(Date.parse(later.startsAt), timeZone))}>
                Go to the next class
              </Button>
            )}
            {canEdit && (
              <Button variant={later ? "secondary" : "primary"} onClick={() => setAdding(true)}>
                Add classes
              </Button>
            )}
          </div>
        </div>
      )}
      {slots && grid.hours.length > 0 && (
        <WeekCalendar grid={grid} timeZone={timeZone} now={now} caption={caption} onOpen={(slot) => setOpen(slot.id)} />
      )}
      <SlotDialog
        slot={opened}
        timeZone={timeZone}
        canEdit={canEdit}
        onClose={() => setOpen(undefined)}
        onChanged={({ id, slot }) =>
          setData((list) => (slot ? list?.map((s) => (s.id === id ? slot : s)) : list?.filter((s) => s.id !== id)))
        }
      />
      <AddSlotsDialog
        open={adding}
        widgetId={widget.id}
        timeZone={timeZone}
        firstDay={[monday, today].sort()[1]!}
        onClose={() => setAdding(false)}
        onAdded={added}
      />
    </>
  );
}
