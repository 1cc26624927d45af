import { Link, useLocation, useNavigate } from "@remix-run/react";
import type { ReactNode } from "react";
import { ROLE_LABELS, type Role } from "~/domain/roles";
import { clientNavigationTarget } from "~/utils/client-navigation";

export type ShellUser = { firstName: string; roles: Role[] } | null;

type NavItem = { to: string; label: string; roles?: Role[] };

// Role-aware navigation: each feature adds its entry here with the roles that may use it.
export const NAV_ITEMS: NavItem[] = [
  { to: "/", label: "Home" },
  { to: "/giving", label: "My giving", roles: ["employee"] },
  { to: "/giving-time", label: "Giving time", roles: ["employee"] },
  { to: "/applications", label: "Applications", roles: ["young_person", "personal_adviser"] },
  { to: "/help", label: "Ask for help", roles: ["young_person", "personal_adviser"] },
  { to: "/panel", label: "Panel", roles: ["panel"] },
  { to: "/finance", label: "Finance", roles: ["finance"] },
  { to: "/coordinator/applications", label: "Applications", roles: ["coordinator"] },
  { to: "/coordinator/talent", label: "Talent Network", roles: ["coordinator"] },
  { to: "/mentoring", label: "Mentoring", roles: ["employee", "young_person", "personal_adviser"] },
  { to: "/coordinator/mentoring", label: "Mentoring", roles: ["coordinator"] },
  { to: "/donate", label: "Give" },
  { to: "/campaigns", label: "Campaigns" },
  { to: "/support", label: "Support fund" },
  { to: "/impact", label: "Our impact" },
  { to: "/coordinator/campaigns", label: "Manage campaigns", roles: ["coordinator"] },
  { to: "/reports/board", label: "Board report", roles: ["coordinator", "finance"] },
  { to: "/admin", label: "Admin", roles: ["admin"] },
];

/** Whether a navigation item is the current page or a page within it ("/" only for itself), as NavLink decides. */
export function isActivePath(pathname: string, to: string): boolean {
  if (pathname === to) return true;
  return to !== "/" && pathname.startsWith(to) && pathname.charAt(to.length) === "/";
}

export function navFor(user: ShellUser): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.roles || (user && item.roles.some((r) => user.roles.includes(r))));
}

export function Shell({
  serviceName,
  user,
  emailToOutbox,
  flash,
  children,
}: {
  serviceName: string;
  user: ShellUser;
  emailToOutbox: boolean;
  flash: { kind: string; message: string } | null;
  children: ReactNode;
}) {
  const { pathname } = useLocation();
  // The header and footer are plain links in link regions (see LinkRegion): every page renders them.
  return (
    <>
      <a
        href="#main-content"
        className="sr-only bg-focus p-2 text-black focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50"
      >
        Skip to main content
      </a>
      {emailToOutbox ? (
        <div className="bg-amber-100 px-4 py-2 text-center text-black print:hidden" role="region" aria-label="Demo notice">
          Demo mode: emails are not sent. Read them in the <a className="underline" href="/dev/outbox">local outbox</a>.
        </div>
      ) : null}
      <LinkRegion>
        <header className="bg-brand text-white">
          <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-4 py-4">
            <a href="/" className="text-2xl font-bold text-white no-underline">
              {serviceName}
            </a>
            {user ? (
              <div className="flex items-center gap-4">
                <span>
                  Signed in as {user.firstName}
                  <span className="sr-only"> ({user.roles.map((r) => ROLE_LABELS[r]).join(", ")})</span>
                </span>
                <a href="/account" className="text-white underline">
                  Your account
                </a>
                {/* A whole page load on signing out, so nothing of the session stays in the page. */}
                <form method="post" action="/sign-out">
                  <button type="submit" className="underline">
                    Sign out
                  </button>
                </form>
              </div>
            ) : (
              <a href="/sign-in" className="text-white underline">
                Sign in
              </a>
            )}
          </div>
          <nav aria-label="Main" className="bg-brand-dark print:hidden">
            <ul className="mx-auto flex max-w-5xl flex-wrap gap-4 px-4 py-2">
              {navFor(user).map((item) => {
                const active = isActivePath(pathname, item.to);
                return (
                  <li key={item.to}>
                    <a href={item.to} aria-current={active ? "page" : undefined} className={`text-white ${active ? "font-bold underline" : "hover:underline"}`}>
                      {item.label}
                    </a>
                  </li>
                );
              })}
            </ul>
          </nav>
        </header>
      </LinkRegion>
      <main id="main-content" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-8 print:max-w-none print:p-0">
        {flash ? (
          <div role="status" className="mb-6 border-l-8 border-success bg-green-50 p-4 text-black" data-testid="flash">
            {flash.message}
          </div>
        ) : null}
        {children}
      </main>
      <LinkRegion>
        <footer className="mt-12 border-t-4 border-brand bg-gray-100 print:hidden">
          <ul className="mx-auto flex max-w-5xl flex-wrap gap-6 px-4 py-6 text-gray-900">
            <li>
              <a href="/accessibility" className="underline">
                Accessibility statement
              </a>
            </li>
            <li>
              <a href="/privacy" className="underline">
                Privacy notice
              </a>
            </li>
            <li>© {serviceName}</li>
          </ul>
        </footer>
      </LinkRegion>
    </>
  );
}

/**
 * The links under a paged list: "Previous page" and "Next page" (nothing at all when there is one
 * page). `to` makes a page's address, keeping the list's filters; `between` sits between the links.
 * `plain`: ordinary <a href> links, for a pager inside a LinkRegion (which navigates them within the page)
 * or inside <PureMarkup>, which cannot render a router <Link>.
 */
export function Pager({
  page,
  pageCount,
  to,
  className = "flex gap-6",
  between,
  previous = "Previous page",
  next = "Next page",
  plain = false,
}: {
  page: number;
  pageCount: number;
  to: (page: number) => string;
  className?: string;
  between?: ReactNode;
  previous?: string;
  next?: string;
  plain?: boolean;
}) {
  if (pageCount <= 1) return null;
  const link = (target: number, rel: "prev" | "next", text: string) =>
    plain ? (
      <a href={to(target)} className="text-brand underline" rel={rel}>
        {text}
      </a>
    ) : (
      <Link to={to(target)} className="text-brand underline" rel={rel}>
        {text}
      </Link>
    );
  return (
    <nav aria-label="Pages" className={className}>
      {page > 1 ? link(page - 1, "prev", previous) : null}
      {between}
      {page < pageCount ? link(page + 1, "next", next) : null}
    </nav>
  );
}

/**
 * A region (a long table, say) whose plain <a href> links navigate within the page once JavaScript runs,
 * as Remix's <Link> does: one click handler for the region instead of a <Link> per row, each of which
 * costs the server a dozen hooks to render (a tenth of the panel queue's time). Without JavaScript they
 * are ordinary links.
 */
export function LinkRegion({ children, className }: { children: ReactNode; className?: string }) {
  const navigate = useNavigate();
  return (
    // The links inside take the keyboard and the click; this only decides how their navigation happens.
    <div
      className={className}
      onClick={(event) => {
        const to = clientNavigationTarget(event, window.location);
        if (to === null) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </div>
  );
}
