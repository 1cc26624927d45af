// The HTML version of a template preview, as a file to open in a browser or email client.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOutboxMode } from "~/integrations/mailer.server";
import { EMAIL_PREVIEWS } from "../../emails/previews";

export function loader({ params }: LoaderFunctionArgs) {
  requireOutboxMode();
  const key = params.template ?? "";
  const preview = EMAIL_PREVIEWS[key];
  if (!preview) throw new Response("Not found", { status: 404 });
  return new Response(preview.render().html, {
    headers: { "Content-Type": "text/html; charset=utf-8", "Content-Disposition": `attachment; filename="${key}.html"` },
  });
}
