// The shared frame of every email: a plain, readable page that works in any email client.
// Email clients ignore <style> blocks and stylesheets, so the little styling there is sits inline.
import type { ReactElement, ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";

import { SERVICE_NAME } from "../app/domain/service.ts";

export { SERVICE_NAME };

export type RenderedEmail = { template: string; subject: string; html: string; text: string };

const body = { fontFamily: "Arial, Helvetica, sans-serif", fontSize: "19px", lineHeight: "1.4", color: "#0b0c0c", margin: 0 };
const header = { backgroundColor: "#1d4f91", color: "#ffffff", padding: "16px 24px", fontSize: "24px", fontWeight: "bold" };
const content = { padding: "24px", maxWidth: "580px" };

export function EmailLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
      </head>
      <body style={body}>
        <div style={header}>{SERVICE_NAME}</div>
        <div style={content}>{children}</div>
      </body>
    </html>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <p style={{ margin: "0 0 20px 0" }}>{children}</p>;
}

export function renderEmailHtml(element: ReactElement): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(element)}`;
}

/** Plain-text version: paragraphs separated by a blank line, ending with the service name. */
export function renderEmailText(paragraphs: string[]): string {
  return `${[...paragraphs, SERVICE_NAME].join("\n\n")}\n`;
}

/** Label: value lines in one paragraph (the text version writes them as "Label: value" lines). */
export function FactLines({ rows }: { rows: readonly (readonly [string, string])[] }) {
  return (
    <Paragraph>
      {rows.map(([label, value], i) => (
        <span key={label}>
          {i ? <br /> : null}
          <strong>{label}:</strong> {value}
        </span>
      ))}
    </Paragraph>
  );
}
