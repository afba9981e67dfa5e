using Workshops.Core.Http;

namespace Workshops.Core.Contract;

/// <summary>What every operation shares: the refusals of the write path and the parameters that mean the same everywhere.</summary>
public static class CoreDocs
{
    public static readonly ApiDocs Docs = new(
        [],
        [],
        [
            new("if-match", "412: If-Match names a version the studio is no longer at; `currentVersion` says where it is.", "Read the studio again (its ETag), check your change still holds, and send it with the new version."),
            new("concurrency", "409: another write to the same studio (or the same new record) won the race; nothing of this request was stored.", "Read the studio again and retry; send If-Match to be told (412) when it changed."),
            new("idempotency.in-progress", "409: a request with this Idempotency-Key is still being processed.", "Retry a little later with the same key; you will get its answer."),
            new("idempotency.key-reused", "422: this Idempotency-Key was used for a different request.", "Use a new key for a new request; reuse a key only to retry the same one."),
            new("tenancy.province", "403: with a database per province, the request is about a province its token does not reach: a province's, city's or " +
                "district's token reaches its own province only; a host's or member's token places a new record (a teacher registered at a school of a " +
                "region) only in the provinces of its studios. `province` names the province needed, `reaches` the provinces the token reaches.",
                "Send it with a token of that province (its region claim or a city or district in it) or a national one, or send it about a region of your own province."),
            new("idempotency.answer-lost", "409: the first request with this key was accepted but its answer could not be kept.", "Read the resource to see what the first request did."),
        ],
        [
            new("id", "The id (a UUID) of what the path names: a studio under /api/studios and /api/showcase/studios, an application under " +
                     "/api/applications, a subscription under /api/webhooks.", Format: "uuid"),
            // An operation whose year is optional says what leaving it out means in its own ParameterDoc (a test holds every one to it).
            new("year", "A calendar year.", RequestGuards.FirstYear, RequestGuards.LastYear),
            new("page", "The page, from 1.", 1, Paging.MaxPage),
            new("pageSize", "Items per page (20 unless given).", 1, Paging.MaxPageSize),
            new("asOf", "A past day, YYYY-MM-DD from 2000-01-01 to today: the answer as recorded by the end of that day.", Format: "date"),
            new("on", "A day, YYYY-MM-DD from 2000-01-01 to today: the day judged (today unless given).", Format: "date"),
            new("code", "An administrative division code (GB/T 2260), six digits; 000000 is national.", Pattern: RegionCodeAttribute.Pattern),
            new("region", "Narrows to a region: an administrative division code (six digits) inside the caller's region.", Pattern: RegionCodeAttribute.Pattern),
            new("parent", "An administrative division code (six digits); 000000 or none for the provinces.", Pattern: RegionCodeAttribute.Pattern),
            new("teacherId", "A teacher's id, such as T350203-0100."),
            new("complete", "With a database per province, above a province: true refuses (503) an answer that lacks a province that did not answer; otherwise such provinces are named in the Missing-Provinces header."),
            new("taskId", "A task's id (a UUID), from the studio's ledger or task list.", Format: "uuid"),
            new("activityId", "An activity's id (a UUID), from the studio's activity list.", Format: "uuid"),
            new("outputId", "An output's id (a UUID), from the studio's output list or a reviewers' table.", Format: "uuid"),
            new("certificateId", "A certificate's id, from the teacher's certificates."),
            new("creditId", "An outside credit's id, from the teacher's credits."),
            new("deliveryId", "A delivery's id, from the subscription's deliveries."),
            new("policy", "An hour policy's code (GET /api/hour-policies)."),
            new("ruleSet", "A rule set's code (GET /api/rule-sets)."),
            new("programme", "A training programme's code, as the credits of the region's trainings name it."),
            new("reflectionId", "A reflection's id (a UUID), from the year view's reflections or the answer that recorded it.", Format: "uuid"),
            new("q", "Any part of the Chinese text searched (title, abstract, body or name), at most 50 characters. Send it percent-encoded " +
                     "as UTF-8 (`q=%E5%AE%B6%E6%A0%A1` for 家校; every HTTP client's URL builder does this): the server (Kestrel) refuses a raw " +
                     "non-ASCII character in a query string with a bare 400 before the API sees the request.", MaxLength: 50),
            new("standard", "A standard's code (GET /api/standards), such as moe-2022 or k12-workshop; the region's default when left out."),
        ]);
}
