/**
 * @module The HTML shell of every email: one centred 560 px table with inline styles only (Gmail strips <style> in
 * many clients, Outlook ignores flex and grid), a heading, rows of details and one button; fluid below 560 px.
 */

/** What goes into the shell; every string is plain text and escaped here. */
export interface HtmlEmail {
  language: string;
  title: string;
  heading: string;
  intro: string;
  details: { label: string; value: string; muted?: string }[];
  button?: { label: string; url: string };
  note?: string;
  footer: string;
}

const FONT =
  "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,'Noto Sans','Noto Sans Devanagari','Noto Sans Arabic',Arial,sans-serif";
const ACCENT = "#4f46e5";

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The complete HTML document. */
export function renderHtml(email: HtmlEmail): string {
  const rows = email.details
    .map(
      ({ label, value, muted }) => `<tr>
<td style="padding:10px 0;border-top:1px solid #e5e7eb;width:110px;vertical-align:top;color:#6b7280;font-size:14px;">${escapeHtml(label)}</td>
<td style="padding:10px 0;border-top:1px solid #e5e7eb;vertical-align:top;color:#111827;font-size:15px;line-height:22px;">${escapeHtml(value).replace(/\n/g, "<br>")}${
        muted ? `<br><span style="color:#6b7280;font-size:13px;">${escapeHtml(muted)}</span>` : ""
      }</td>
</tr>`,
    )
    .join("\n");
  const button = email.button
    ? `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:24px 0 8px;"><tr>
<td style="border-radius:8px;background:${ACCENT};"><a href="${escapeHtml(email.button.url)}" style="display:inline-block;padding:12px 22px;font-family:${FONT};font-size:15px;font-weight:600;color:#ffffff;text-decoration:none;border-radius:8px;">${escapeHtml(email.button.label)}</a></td>
</tr></table>`
    : "";
  const note = email.note
    ? `<p style="margin:16px 0 0;color:#6b7280;font-size:13px;line-height:20px;">${escapeHtml(email.note)}</p>`
    : "";
  // Arabic reads right to left: on <html>, and again on the outer table, since Gmail drops <html>'s attributes.
  const dir = /^ar\b/i.test(email.language) ? ' dir="rtl"' : "";
  return `<!doctype html>
<html lang="${escapeHtml(email.language)}"${dir}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(email.title)}</title>
</head>
<body style="margin:0;padding:0;background:#f3f4f6;">
<table role="presentation"${dir} width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f3f4f6;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;background:#ffffff;border-radius:12px;border:1px solid #e5e7eb;">
<tr><td style="height:6px;background:${ACCENT};border-radius:12px 12px 0 0;font-size:0;line-height:0;">&nbsp;</td></tr>
<tr><td style="padding:28px 28px 24px;font-family:${FONT};">
<p style="margin:0 0 6px;color:${ACCENT};font-size:13px;font-weight:600;letter-spacing:.02em;">${escapeHtml(email.title)}</p>
<h1 style="margin:0 0 12px;color:#111827;font-size:22px;line-height:30px;font-weight:700;">${escapeHtml(email.heading)}</h1>
<p style="margin:0 0 20px;color:#374151;font-size:15px;line-height:23px;">${escapeHtml(email.intro)}</p>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="font-family:${FONT};">
${rows}
</table>
${button}${note}
</td></tr>
</table>
<p style="margin:16px 0 0;max-width:560px;font-family:${FONT};color:#9ca3af;font-size:12px;line-height:18px;">${escapeHtml(email.footer)}</p>
</td></tr>
</table>
</body>
</html>
`;
}
