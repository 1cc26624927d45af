import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import stylesheet from "~/tailwind.css";
import { Shell } from "~/components/layout";
import { useNonce } from "~/components/nonce";
import { layoutSettings } from "~/services/settings.server";
import { SERVICE_NAME } from "~/domain/service";
import { getOptionalUser } from "~/utils/auth.server";
import { loadEnv } from "~/utils/env.server";
import { readFlash } from "~/utils/session.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export const meta: MetaFunction = () => [{ title: SERVICE_NAME }];

// Public: every page shows the shell; what is in it depends on who is signed in.
export async function loader({ request }: LoaderFunctionArgs) {
  const [user, settings, { flash, setCookie }] = await Promise.all([
    getOptionalUser(request),
    layoutSettings(),
    readFlash(request),
  ]);
  const data = {
    serviceName: SERVICE_NAME,
    fundName: settings?.fundName ?? SERVICE_NAME,
    user: user ? { firstName: user.firstName, roles: user.roles } : null,
    emailToOutbox: loadEnv().emailToOutbox,
    flash,
  };
  // Plain data when there is no header to set: a page view then skips the JSON round trip (decision 0029).
  return setCookie ? json(data, { headers: { "Set-Cookie": setCookie } }) : data;
}

function Document({ children, title }: { children: React.ReactNode; title?: string }) {
  const nonce = useNonce();
  return (
    <html lang="en-GB" className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {title ? <title>{title}</title> : null}
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-full flex-col bg-white font-sans text-gray-900">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const data = useLoaderData<typeof loader>();
  return (
    <Document>
      <Shell serviceName={data.serviceName} user={data.user} emailToOutbox={data.emailToOutbox} flash={data.flash}>
        <Outlet />
      </Shell>
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const heading =
    status === 404
      ? "Page not found"
      : status === 403
        ? "You do not have access to this page"
        : status === 429
          ? "Too many requests"
          : "Sorry, there is a problem with the service";
  const body =
    status === 404
      ? "If you typed the web address, check it is correct. If you pasted the web address, check you copied the entire address."
      : status === 403
        ? "You are signed in with an account that cannot use this page. If you think you should have access, contact the programme coordinator."
        : status === 429
          ? "You have tried too many times. Wait a few minutes and try again."
          : "Try again later. Nothing you entered has been lost or charged twice.";
  // No stack traces or error messages on the page: they are logged with the request id instead.
  return (
    <Document title={`${heading} – ${SERVICE_NAME}`}>
      <Shell
        serviceName={data?.serviceName ?? SERVICE_NAME}
        user={data?.user ?? null}
        emailToOutbox={data?.emailToOutbox ?? false}
        flash={null}
      >
        <h1 className="mb-4 text-3xl font-bold">{heading}</h1>
        <p className="mb-4">{body}</p>
        <p>
          <a href="/" className="underline">
            Go to the home page
          </a>
        </p>
      </Shell>
    </Document>
  );
}
