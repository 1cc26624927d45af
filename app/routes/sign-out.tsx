import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { recordSignOut } from "~/services/sign-in.server";
import { getOptionalUser } from "~/utils/auth.server";
import { endSession, setFlash } from "~/utils/session.server";

// Public: a GET (a typed or followed link) never signs anyone out; it just goes home.
export async function loader() {
  return redirect("/");
}

// Public: signing out must work even when the session has already ended (the cookie is cleared anyway).
export async function action({ request }: ActionFunctionArgs) {
  const user = await getOptionalUser(request);
  const headers = new Headers();
  headers.append("Set-Cookie", await endSession(request));
  if (user) await recordSignOut(user.id);
  headers.append("Set-Cookie", await setFlash(request, { kind: "success", message: "You have signed out" }));
  return redirect("/", { status: 303, headers });
}
