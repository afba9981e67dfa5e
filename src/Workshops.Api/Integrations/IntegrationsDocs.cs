using Workshops.Core.Contract;
using Workshops.Demo;

namespace Workshops.Integrations;

/// <summary>The integrations' part of the contract, with the webhook verification guide.</summary>
public static class IntegrationsDocs
{
    /// <summary>How the feed pages, in the words of its operation and of the tag.</summary>
    public const string Paging =
        "Each page holds at most `limit` events and a `cursor`; while there is more to read now it also has `next`, the address of the " +
        "next page (this query with that cursor). Follow `next` until a page has none: that is every event so far, each once, in order. " +
        "Keep the last page's `cursor` and read `?cursor=` later for what came since; reading to the end and resuming misses nothing " +
        "and repeats nothing. The cursor is opaque (a position per province): pass it back as it is.";

    public static readonly ApiDocs Docs = new(
        [new TagDoc("Integrations", "For other systems, with an integration token of a region: the feed of public events (in the store's " +
                                    "order, resumable), xAPI 2.0 statements of attendance and training, and webhooks.\n\n" +
                                    "### Paging the feed\n\n" + Paging + " The xAPI statements page the same way, through `more`.\n\n" +
                                    WebhookGuide.Markdown, 12)],
        [
            new("Subscribe", "Subscribe a URL to events",
                "Subscribes an https (or allowed) URL to public event types of a region the caller covers, with a secret of 16-200 characters " +
                "that signs every delivery. The receiver's address is checked when each delivery connects.",
                [], new Subscribe("https://platform.xmedu.cn/hooks/workshops", [IntegrationTypes.ActivityLogged, IntegrationTypes.HoursCredited],
                    DemoData.Region.District!, "xm-platform-2025-k7Qp9vLm")),
            new("ListWebhooks", "List the caller's subscriptions", "The caller's own subscriptions; secrets are never shown."),
            new("GetWebhook", "Read a subscription", "One of the caller's subscriptions; while a rotation overlaps, until when the previous secret still signs."),
            new("UpdateWebhook", "Pause, resume or refilter a subscription",
                "Changes only what is sent: `active` pauses (false) or resumes (true) deliveries, `eventTypes` replaces the event types.",
                [], new UpdateWebhook(false)),
            new("DeleteWebhook", "Remove a subscription", "Removes the subscription; deliveries not yet made are not sent."),
            new("RotateWebhookSecret", "Rotate a subscription's secret",
                "Sets a new signing secret; for the overlap (a day unless `overlapMinutes` says otherwise, at most a week) deliveries are signed " +
                "with the new and the previous secret, so the receiver can switch over at any moment.",
                [], new RotateWebhookSecret("xm-platform-2026-Rw3sTz8e", 60)),
            new("ListDeliveries", "List a subscription's deliveries", "Each delivery with its attempts and outcome (pending, delivered or dead), filtered by `state`.",
                Parameters:
                [
                    new ParameterDoc("state", "Only deliveries in this state: pending (still being attempted), delivered, or dead (its attempts ran out).",
                        Values: WebhookDelivery.States),
                ]),
            new("ReplayDelivery", "Send a delivery again", "Queues a dead (or delivered) delivery to be sent again.", ["delivery."]),
            new("Feed", "Read the feed of public events",
                "Public events of the caller's region in the store's total order, at most `limit` a page. " + Paging +
                " A national client's pages merge every province by time, then province code; a province that does not answer is named " +
                "in `Missing-Provinces` and keeps its position in the cursor.",
                Parameters:
                [
                    new ParameterDoc("cursor", "Where to continue: the `cursor` of a page (or follow its `next`, which carries it); leave it " +
                                               "out to start from the beginning. Opaque: one position per province."),
                    new ParameterDoc("complete", "true answers 503 when a province does not answer, instead of a page marked with `Missing-Provinces`."),
                ]),
            new("XapiStatements", "Read xAPI statements",
                "Attendance and credited training as xAPI 2.0 statements of the caller's region, at most `limit` a page. As the xAPI " +
                "specification has it, `more` is the address of the next page (carrying one opaque cursor) and is empty on the last: follow " +
                "it until it is empty. A national client's pages merge every province by time, then province code; a province that does " +
                "not answer is named in `Missing-Provinces` and keeps its position.",
                Parameters:
                [
                    new ParameterDoc("since", "Only statements whose timestamp is at or after this ISO 8601 instant.", Format: "date-time"),
                    new ParameterDoc("until", "Only statements whose timestamp is before this ISO 8601 instant.", Format: "date-time"),
                    new ParameterDoc("agent", "Only one teacher's statements: an xAPI Agent (JSON) with an account, or the teacher's id."),
                    new ParameterDoc("cursor", "Where the next page starts: the cursor in the previous page's `more` (opaque, one position " +
                                               "per province); leave it out to start from the beginning."),
                    new ParameterDoc("complete", "true answers 503 when a province does not answer, instead of a page marked with `Missing-Provinces`."),
                ]),
        ],
        [
            new("delivery.pending", "The delivery is still being attempted.", "Wait for its attempts to end (see its state) before replaying it."),
        ],
        [
            new("limit", "Items a page holds at most (100 unless given).", 1, FeedEndpoint.MaxLimit),
        ]);
}
