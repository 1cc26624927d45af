// One follow-up for the coordinator: the young person's answer, and (only with their consent) an
// anonymised story to publish on the impact page, or withdraw.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary, TextArea, TextField, fieldErrorsFrom, type FieldErrors } from "~/components/forms";
import { BackLink, SummaryList, Warning } from "~/components/pledge-ui";
import { GIVE_BACK_LABELS, storyDraftFrom, storyFormSchema } from "~/domain/applications/follow-up";
import { formatDayKey } from "~/domain/gift-aid/claim-range";
import { ukDayKey } from "~/domain/gift-aid/schedule";
import { ApplicationError, notFound } from "~/services/applications.server";
import { followUpForCoordinator, publishStory, withdrawStory } from "~/services/follow-ups.server";
import { requireRole } from "~/utils/auth.server";
import { setFlash } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Follow-up ${data?.followUp.reference ?? ""} – Helping Hands` }];

async function load(request: Request, id: string | undefined) {
  const user = await requireRole(request, ["coordinator"]);
  const actor = { userId: user.id, roles: user.roles };
  const followUp = await followUpForCoordinator(id ?? "", actor);
  if (!followUp) throw notFound();
  return { actor, followUp };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { followUp } = await load(request, params.id);
  return { followUp, draft: followUp.story ? { title: followUp.story.title, body: followUp.story.body } : storyDraftFrom(followUp, followUp.category) };
}

type ActionData = { errors: FieldErrors; values?: { title: string; body: string } };

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, followUp } = await load(request, params.id);
  const form = Object.fromEntries(await request.formData());
  const done = async (message: string) =>
    redirect(`/coordinator/follow-ups/${followUp.id}`, { status: 303, headers: { "Set-Cookie": await setFlash(request, { kind: "success", message }) } });
  try {
    if (form.intent === "withdraw" && followUp.story) {
      await withdrawStory(followUp.story.id, actor);
      return done("The story has been taken off the impact page.");
    }
    const values = { title: String(form.title ?? ""), body: String(form.body ?? "") };
    const parsed = storyFormSchema.safeParse(values);
    if (!parsed.success) return json<ActionData>({ errors: fieldErrorsFrom(parsed.error.issues), values }, { status: 400 });
    await publishStory(followUp.id, parsed.data, actor);
    return done("The story is published on the impact page.");
  } catch (error) {
    if (!(error instanceof ApplicationError)) throw error;
    return json<ActionData>({ errors: { story: error.message } }, { status: 409 });
  }
}

const day = (iso: string | null) => (iso ? formatDayKey(ukDayKey(new Date(iso))) : "Not yet");

export default function FollowUpForCoordinator() {
  const { followUp: f, draft } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.errors ?? {};
  const v = data?.values ?? draft;
  const live = f.story && !f.story.withdrawnAt;
  return (
    <div className="max-w-3xl">
      <BackLink to="/coordinator/follow-ups">Back to follow-ups</BackLink>
      <ErrorSummary errors={errors} />
      <h1 className="mb-6 text-3xl font-bold">Follow-up for {f.reference}</h1>
      <SummaryList
        testId="follow-up-summary"
        rows={[
          { key: "What the award was for", value: f.purpose ?? "" },
          { key: "Due", value: day(f.dueAt) },
          { key: "Asked", value: day(f.sentAt) },
          { key: "Answered", value: day(f.answeredAt) },
          ...(f.answeredAt
            ? [
                { key: "How it helped", value: f.howItHelped ?? "" },
                { key: "Might give back", value: [...f.giveBack.map((g) => GIVE_BACK_LABELS[g]), f.giveBackOther].filter(Boolean).join(", ") || "Nothing for now" },
                { key: "Agreed to share a story", value: f.consentToShare ? "Yes" : "No" },
              ]
            : []),
        ]}
      />
      {errors.story ? (
        <p id="story" className="mb-6 font-bold text-error">
          <span className="sr-only">Error:</span> {errors.story}
        </p>
      ) : null}
      {f.refusal ? (
        <p className="mb-6" data-testid="story-refusal">
          {f.refusal}
        </p>
      ) : (
        <section aria-labelledby="story-heading">
          <h2 id="story-heading" className="mb-2 text-2xl font-bold">
            {live ? "The published story" : "Write the story for the impact page"}
          </h2>
          {live ? <p className="mb-4">Published {day(f.story!.publishedAt)}. Saving changes publishes the new wording.</p> : null}
          <Warning>Remove anything that could identify the young person: names, places, schools, dates, and details of their care.</Warning>
          <Form method="post" noValidate>
            <TextField name="title" label="Title" defaultValue={v.title} error={errors.title} />
            <TextArea name="body" label="Story" rows={8} hint="Drafted from their answer. Rewrite it in the third person, without names." defaultValue={v.body} error={errors.body} />
            <div className="flex flex-wrap gap-4">
              <Button name="intent" value="publish">
                {live ? "Publish changes" : "Publish the story"}
              </Button>
              {live ? (
                <Button name="intent" value="withdraw" variant="secondary">
                  Withdraw the story
                </Button>
              ) : null}
            </div>
          </Form>
        </section>
      )}
    </div>
  );
}
