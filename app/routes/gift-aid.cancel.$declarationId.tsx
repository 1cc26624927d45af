// Cancel a Gift Aid declaration, from the signed link in a receipt. Public; a wrong or missing token is 404.
// Are you sure? → cancelled (the declaration is kept with the time it was cancelled) → confirmation.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Panel } from "~/components/pledge-ui";
import { formatDay } from "~/domain/payroll/periods";
import { giftAidWording } from "~/domain/gift-aid/declaration";
import { cancelDeclaration, declarationForCancelLink } from "~/services/gift-aid.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.cancelledAt ? "Your Gift Aid declaration is cancelled" : "Cancel your Gift Aid declaration"} – Helping Hands` },
];

const notFound = () => new Response("This link does not work. Check you copied the whole link from your email.", { status: 404, statusText: "Not Found" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token");
  const declaration = await declarationForCancelLink(params.declarationId ?? "", token);
  if (!declaration) throw notFound();
  return {
    token: token ?? "",
    name: declaration.name,
    covers: giftAidWording("").scopes[declaration.scope] ?? declaration.scope,
    declaredOn: formatDay(declaration.declaredAt),
    cancelledAt: declaration.cancelledAt ? formatDay(declaration.cancelledAt) : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = params.declarationId ?? "";
  const token = String((await request.formData()).get("token") ?? "");
  const result = await cancelDeclaration(id, token, new Date());
  if (!result) throw notFound();
  return redirect(`/gift-aid/cancel/${encodeURIComponent(id)}?token=${encodeURIComponent(token)}`, 303);
}

export default function CancelGiftAid() {
  const data = useLoaderData<typeof loader>();
  if (data.cancelledAt) {
    return (
      <>
        <Panel title="Your Gift Aid declaration is cancelled">We will not claim Gift Aid on gifts you make from now on.</Panel>
        <p className="mb-4 max-w-3xl">
          You cancelled it on {data.cancelledAt}. Gift Aid may still be claimed on gifts you made before then, as the declaration covered
          them when you gave.
        </p>
        <p className="mb-4 max-w-3xl">We keep a record of the declaration and its cancellation for 6 years, as HMRC requires.</p>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">Cancel your Gift Aid declaration</h1>
      <dl className="mb-8 max-w-3xl border-t border-gray-300" data-testid="declaration-summary">
        <div className="flex flex-wrap gap-x-6 border-b border-gray-300 py-3">
          <dt className="w-full font-bold sm:w-1/3">Name</dt>
          <dd className="flex-1">{data.name}</dd>
        </div>
        <div className="flex flex-wrap gap-x-6 border-b border-gray-300 py-3">
          <dt className="w-full font-bold sm:w-1/3">Declared on</dt>
          <dd className="flex-1">{data.declaredOn}</dd>
        </div>
        <div className="flex flex-wrap gap-x-6 border-b border-gray-300 py-3">
          <dt className="w-full font-bold sm:w-1/3">Covers</dt>
          <dd className="flex-1">{data.covers}</dd>
        </div>
      </dl>
      <p className="mb-6 max-w-3xl">
        If you cancel, we will not claim Gift Aid on gifts you make from now on. Gifts you have already made may still be claimed.
      </p>
      <Form method="post">
        <input type="hidden" name="token" value={data.token} />
        <button id="confirm" type="submit" className="bg-error px-4 py-2 font-bold text-white shadow-[0_2px_0_#55070e]">
          Cancel my Gift Aid declaration
        </button>
      </Form>
    </>
  );
}
