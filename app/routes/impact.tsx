// The public impact page: anonymised stories young people agreed to share, newest first.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Pager } from "~/components/layout";
import { formatDayKey } from "~/domain/gift-aid/claim-range";
import { ukDayKey } from "~/domain/gift-aid/schedule";
import { publishedStories } from "~/services/follow-ups.server";

export const meta: MetaFunction = () => [{ title: "Our impact – Helping Hands" }];

// Public.
export async function loader({ request }: LoaderFunctionArgs) {
  const page = Math.max(1, Number.parseInt(new URL(request.url).searchParams.get("page") ?? "1", 10) || 1);
  return json({ page, ...(await publishedStories(page)) });
}

export default function Impact() {
  const { page, stories, pages } = useLoaderData<typeof loader>();
  return (
    <div className="max-w-3xl">
      <h1 className="mb-4 text-3xl font-bold">Our impact</h1>
      <p className="mb-8">
        What the fund paid for, in the words of young people who agreed to share their story. Names and anything that could identify them are
        left out. <Link to="/support" className="text-brand underline">About the fund</Link>
      </p>
      {stories.length ? (
        stories.map((s) => (
          <article key={s.id} className="mb-8 border-l-8 border-brand pl-4" data-testid="impact-story">
            <h2 className="mb-1 text-2xl font-bold">{s.title}</h2>
            <p className="mb-2 text-gray-700">Published {formatDayKey(ukDayKey(new Date(s.publishedAt)))}</p>
            {s.body.split(/\n\s*\n/).map((para, i) => (
              <p key={i} className="mb-2">
                {para}
              </p>
            ))}
          </article>
        ))
      ) : (
        <p>There are no stories yet.</p>
      )}
      <Pager
        page={page}
        pageCount={pages}
        to={(p) => `?page=${p}`}
        previous="Newer stories"
        next="Older stories"
        between={
          <p>
            Page {page} of {pages}
          </p>
        }
      />
    </div>
  );
}
