// The coordinator creates (/coordinator/campaigns/new) or edits a campaign, and opens or closes it.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary, TextArea, TextField, fieldErrorsFrom, type FieldErrors } from "~/components/forms";
import { Radios } from "~/components/pledge-ui";
import { campaignFormSchema, formValuesOf, type CampaignFormValues } from "~/domain/campaigns/campaign";
import { CampaignError, campaignById, createCampaign, setCampaignStatus, updateCampaign } from "~/services/campaigns.server";
import { requireRole } from "~/utils/auth.server";
import { setFlash } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.campaign ? `Edit ${data.campaign.title}` : "Create a campaign"} – Helping Hands` }];

const EMPTY: CampaignFormValues = {
  title: "",
  story: "",
  targetKind: "",
  targetPounds: "",
  targetCount: "",
  unitPrice: "",
  unitLabel: "",
  startsOn: "",
  endsOn: "",
  imagePath: "",
  imageAlt: "",
};

async function load(id: string | undefined) {
  if (id === "new") return null;
  const campaign = await campaignById(id ?? "");
  if (!campaign) throw new Response("Campaign not found", { status: 404 });
  return campaign;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ["coordinator"]);
  const campaign = await load(params.id);
  return {
    campaign: campaign ? { id: campaign.id, slug: campaign.slug, title: campaign.title, status: campaign.status } : null,
    values: campaign ? formValuesOf(campaign) : EMPTY,
  };
}

type ActionData = { errors: FieldErrors; values: CampaignFormValues };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["coordinator"]);
  const campaign = await load(params.id);
  const form = Object.fromEntries(await request.formData());
  const actor = { userId: user.id, role: "coordinator" };
  const done = async (to: string, message: string) =>
    redirect(to, { status: 303, headers: { "Set-Cookie": await setFlash(request, { kind: "success", message }) } });

  if (campaign && (form.intent === "open" || form.intent === "close")) {
    try {
      await setCampaignStatus(campaign.id, form.intent === "open" ? "open" : "closed", actor);
    } catch (err) {
      if (!(err instanceof CampaignError)) throw err;
      return json<ActionData>({ errors: { status: err.message }, values: formValuesOf(campaign) }, { status: 409 });
    }
    return done(`/coordinator/campaigns/${campaign.id}`, form.intent === "open" ? `${campaign.title} is open for gifts.` : `${campaign.title} is closed. It takes no more gifts.`);
  }

  const values = Object.fromEntries(Object.keys(EMPTY).map((k) => [k, typeof form[k] === "string" ? String(form[k]) : ""])) as CampaignFormValues;
  const parsed = campaignFormSchema.safeParse(values);
  if (!parsed.success) return json<ActionData>({ errors: fieldErrorsFrom(parsed.error.issues), values }, { status: 400 });
  if (campaign) {
    await updateCampaign(campaign.id, parsed.data, actor);
    return done(`/coordinator/campaigns/${campaign.id}`, "Campaign saved.");
  }
  const created = await createCampaign(parsed.data, actor);
  return done(`/coordinator/campaigns/${created.id}`, "Campaign created as a draft. Open it when it is ready for gifts.");
}

const STATUS_WORDS: Record<string, string> = {
  draft: "Draft: not shown to the public and takes no gifts.",
  open: "Open: shown to the public and takes gifts from its start date until its end date.",
  closed: "Closed: shown to the public as closed and takes no gifts.",
};

export default function CampaignEdit() {
  const { campaign, values: saved } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.errors;
  const v = data?.values ?? saved;
  return (
    <div className="max-w-3xl">
      <p className="mb-6">
        <Link to="/coordinator/campaigns" className="text-brand underline">
          Back to campaigns
        </Link>
      </p>
      <ErrorSummary errors={errors} />
      <h1 className="mb-6 text-3xl font-bold">{campaign ? `Edit ${campaign.title}` : "Create a campaign"}</h1>
      {campaign ? (
        <section aria-labelledby="status-heading" className="mb-8 border-l-8 border-gray-400 py-2 pl-4" data-testid="campaign-status">
          <h2 id="status-heading" className="mb-2 text-2xl font-bold">
            Status
          </h2>
          <p className="mb-2">{STATUS_WORDS[campaign.status] ?? campaign.status}</p>
          {errors?.status ? (
            <p id="status" className="mb-2 font-bold text-error">
              <span className="sr-only">Error:</span> {errors.status}
            </p>
          ) : null}
          {campaign.status !== "draft" ? (
            <p className="mb-2">
              Public page:{" "}
              <Link to={`/campaigns/${campaign.slug}`} className="text-brand underline">
                /campaigns/{campaign.slug}
              </Link>
            </p>
          ) : null}
          <Form method="post">
            {campaign.status === "open" ? (
              <Button name="intent" value="close" variant="secondary">
                Close the campaign
              </Button>
            ) : (
              <Button name="intent" value="open">
                Open the campaign
              </Button>
            )}
          </Form>
        </section>
      ) : null}
      <Form method="post" noValidate>
        <TextField name="title" label="Title" defaultValue={v.title} error={errors?.title} />
        <TextArea name="story" label="Story" hint="What the money is for, in plain words. Leave a blank line between paragraphs. Tell a young person's story only with their consent." defaultValue={v.story} error={errors?.story} rows={8} />
        <Radios
          name="targetKind"
          legend="What is the target?"
          error={errors?.targetKind}
          defaultValue={v.targetKind}
          options={[
            { value: "money", label: "An amount of money" },
            { value: "count", label: "A number of items, each with a price", hint: "For example 500 books at £8 each" },
          ]}
        />
        <TextField name="targetPounds" label="Target in pounds (for an amount of money)" inputMode="decimal" className="max-w-40" defaultValue={v.targetPounds} error={errors?.targetPounds} />
        <TextField name="targetCount" label="How many items (for a number of items)" inputMode="numeric" className="max-w-40" defaultValue={v.targetCount} error={errors?.targetCount} />
        <TextField name="unitPrice" label="Price of one item in pounds" inputMode="decimal" className="max-w-40" defaultValue={v.unitPrice} error={errors?.unitPrice} />
        <TextField name="unitLabel" label="What one item is called" hint="For example book" className="max-w-60" defaultValue={v.unitLabel} error={errors?.unitLabel} />
        <TextField name="startsOn" label="Start date" hint="For example 2026-12-01" type="date" className="max-w-60" defaultValue={v.startsOn} error={errors?.startsOn} />
        <TextField name="endsOn" label="End date (optional)" hint="Gifts are taken until the end of this day. Leave it empty for no end date." type="date" className="max-w-60" defaultValue={v.endsOn} error={errors?.endsOn} />
        <TextField name="imagePath" label="Image (optional)" hint="The path of an image under public/, for example /images/books.svg" defaultValue={v.imagePath} error={errors?.imagePath} />
        <TextField name="imageAlt" label="Image description (needed with an image)" hint="What the image shows, for people who cannot see it" defaultValue={v.imageAlt} error={errors?.imageAlt} />
        <Button>{campaign ? "Save campaign" : "Create campaign"}</Button>
      </Form>
    </div>
  );
}
