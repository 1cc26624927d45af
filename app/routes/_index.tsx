import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ROLE_LABELS, type Role } from "~/domain/roles";
import { getOptionalUser } from "~/utils/auth.server";
import { getSettings } from "~/services/settings.server";
import { SERVICE_NAME } from "~/domain/service";

export const meta: MetaFunction = () => [{ title: SERVICE_NAME }];

// What each role comes to do; features add their links as they land.
const ROLE_HOME: Record<Role, { intro: string; links: { to: string; label: string }[] }> = {
  employee: { intro: "Give from your pay, give by card, offer your time, and see what your giving did.", links: [{ to: "/giving", label: "My giving" }, { to: "/giving/pledge/amount", label: "Give from your pay" }, { to: "/donate", label: "Give by card" }] },
  panel: { intro: "Review support applications under the published terms of reference.", links: [] },
  finance: {
    intro: "Export payroll files, reconcile deductions, approve grant payments and see the fund's ledger.",
    links: [
      { to: "/finance", label: "Finance dashboard" },
      { to: "/finance/periods", label: "Pay periods and payroll files" },
      { to: "/finance/gift-aid", label: "Gift Aid claim schedule" },
    ],
  },
  coordinator: { intro: "Run campaigns and the mentoring pilot, and publish impact updates.", links: [{ to: "/coordinator/campaigns", label: "Manage campaigns" }] },
  young_person: { intro: "Apply for support and follow what happens to your application.", links: [] },
  personal_adviser: { intro: "Start and follow applications with the young people you support.", links: [] },
  admin: { intro: "Manage users and roles, and read the audit log.", links: [] },
};

// Public page; signed-in users also see their role's home.
export async function loader({ request }: LoaderFunctionArgs) {
  const [user, settings] = await Promise.all([getOptionalUser(request), getSettings()]);
  return {
    fundName: settings?.fundName ?? SERVICE_NAME,
    councilName: settings?.councilName ?? null,
    user: user ? { firstName: user.firstName, roles: user.roles } : null,
  };
}

export default function Home() {
  const { fundName, councilName, user } = useLoaderData<typeof loader>();
  if (user) {
    return (
      <>
        <h1 className="mb-6 text-3xl font-bold">Welcome, {user.firstName}</h1>
        {user.roles.map((role) => (
          <section key={role} className="mb-6" aria-labelledby={`role-${role}`}>
            <h2 id={`role-${role}`} className="mb-2 text-2xl font-bold">
              {ROLE_LABELS[role]}
            </h2>
            <p className="mb-2">{ROLE_HOME[role].intro}</p>
            {ROLE_HOME[role].links.length ? (
              <ul className="list-disc pl-6">
                {ROLE_HOME[role].links.map((l) => (
                  <li key={l.to}>
                    <Link to={l.to} className="text-brand underline">
                      {l.label}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
        ))}
      </>
    );
  }
  return (
    <>
      <h1 className="mb-4 text-4xl font-bold">{SERVICE_NAME}</h1>
      <p className="mb-4 text-xl">
        {councilName ? `${councilName}'s ` : ""}staff and public giving for the children in our care and our care leavers.
      </p>
      <p className="mb-4">
        Council employees can give a regular amount from their pay, give by card, and offer their time and skills.
        Anyone can give to {fundName}. Care leavers, with their personal adviser, can apply for support.
      </p>
      <p>
        <Link to="/sign-in" className="inline-block bg-success px-4 py-2 font-bold text-white">
          Sign in
        </Link>
      </p>
    </>
  );
}
