/**
 * @module The Widgets page: `/widgets` lists them (and creates one), `/widgets/{id}` edits one with the live preview
 * of the real widget and its snippets.
 */
import { h } from "preact";
import type { PageProps } from "../lazy-page.js";
import { WidgetEditor } from "./widgets/widget-editor.js";
import { WidgetList } from "./widgets/widget-list.js";
import "../styles/widgets.css";

/** Widgets: the list, or one widget's editor. */
export default function WidgetsPage({ params }: PageProps) {
  const id = params["*"]?.split("/")[0];
  return id ? <WidgetEditor key={id} widgetId={id} /> : <WidgetList />;
}
