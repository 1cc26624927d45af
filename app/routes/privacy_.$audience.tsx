import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { NOTICE_TITLES, PrivacyNotice } from "~/components/privacy-notice";
import { audienceOf } from "~/domain/privacy/notice";
import { privacyNotice } from "~/services/privacy-notice.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? NOTICE_TITLES[data.audience] : "Privacy notice"} – Helping Hands` }];

// Public: /privacy/staff, /privacy/donors, /privacy/young-people. Built from docs/data-inventory.md on each request.
export async function loader({ params }: LoaderFunctionArgs) {
  const audience = audienceOf(params.audience ?? "");
  if (!audience) throw new Response("Not found", { status: 404, statusText: "Not Found" });
  const notice = await privacyNotice(audience);
  return { audience, councilName: notice.councilName ?? "The council", fundName: notice.fundName ?? "this fund", sections: notice.sections };
}

export default function PrivacyForAudience() {
  const data = useLoaderData<typeof loader>();
  return <PrivacyNotice {...data} />;
}
