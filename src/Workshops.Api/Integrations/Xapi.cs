using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Activities;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Growth;
using Workshops.Studios;

namespace Workshops.Integrations;

// xAPI 2.0 statement shapes (IEEE 9274.1.1): only what these statements use.
public sealed record XAccount(string HomePage, string Name);
public sealed record XAgent(XAccount Account, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name = null,
    string ObjectType = "Agent");
public sealed record XVerb(string Id, IReadOnlyDictionary<string, string> Display);
public sealed record XDefinition(IReadOnlyDictionary<string, string> Name, string Type);
public sealed record XObject(string Id, string ObjectType = "Activity",
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] XDefinition? Definition = null);
public sealed record XResult(bool Completion, string Duration);
public sealed record XContextActivities(IReadOnlyList<XObject> Parent);
public sealed record XContext(XContextActivities ContextActivities, string Platform, string Language);
public sealed record XStatementRef(Guid Id, string ObjectType = "StatementRef");

public sealed record XStatement(
    Guid Id,
    XAgent Actor,
    XVerb Verb,
    object Object,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] XResult? Result,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] XContext? Context,
    string Timestamp,
    string Stored,
    string Version = "2.0.0");

public sealed record XStatementResult(
    IReadOnlyList<XStatement> Statements,
    [property: Description("The address of the next page (carrying one opaque cursor); empty on the last page.")] string More);

/// <summary>xAPI settings (section Xapi) and the API's public address they are built from.</summary>
public sealed class XapiOptions
{
    /// <summary>The most events one statements read examines (Xapi:MaxEventsPerRead).</summary>
    public int MaxEventsPerRead { get; set; } = 5000;

    /// <summary>
    /// The API's public base URL (Api:PublicBaseUrl, e.g. https://workshops.example.edu.cn), which statement ids'
    /// IRIs and accounts are built from — never the request's Host header, which any caller chooses.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";
}

/// <summary>
/// Studio activities and credited training as xAPI 2.0 statements: actor the teacher, verb attended or completed,
/// object the activity or course, result the duration, context the studio. Corrections void the earlier statement
/// and state the corrected one; voids void it.
/// </summary>
public static class XapiStatements
{
    public const string Attended = "http://adlnet.gov/expapi/verbs/attended";
    public const string Completed = "http://adlnet.gov/expapi/verbs/completed";
    public const string Voided = "http://adlnet.gov/expapi/verbs/voided";
    public const string Meeting = "http://adlnet.gov/expapi/activities/meeting";
    public const string Course = "http://adlnet.gov/expapi/activities/course";

    public static readonly Type[] Sources = [typeof(ActivityLogged), typeof(ActivityCorrected), typeof(ActivityVoided), typeof(OutsideTrainingRecorded)];

    public static string Duration(decimal hours)
    {
        var minutes = (int)Math.Round(hours * 60, MidpointRounding.AwayFromZero);
        return minutes % 60 == 0 ? $"PT{minutes / 60}H" : minutes < 60 ? $"PT{minutes}M" : $"PT{minutes / 60}H{minutes % 60}M";
    }

    private static string Iso(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string When(DateOnly date, TimeOnly? start) =>
        new DateTimeOffset(date.ToDateTime(start ?? new TimeOnly(9, 0)), TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:ss'+08:00'", CultureInfo.InvariantCulture);

    /// <summary>A statement's id follows from what it states, so an unchanged attendance keeps its statement.</summary>
    private static Guid StatementId(Guid activityId, string teacherId, ActivityFacts f)
    {
        var hours = f.Attendees.FirstOrDefault(a => a.TeacherId == teacherId)?.Hours ?? 0;
        return IntegrationEvents.NameBased(activityId,
            $"xapi:{teacherId}:{hours.ToString(CultureInfo.InvariantCulture)}:{f.Date:yyyy-MM-dd}:{f.Kind.Code()}:{f.Title}");
    }

    public static IEnumerable<XStatement> From(IEvent e, string baseUrl)
    {
        var at = (e.Data as Studios.IStudioEvent)?.At ?? e.Timestamp;
        var studio = new XObject($"{baseUrl}/api/studios/{e.StreamId}");
        XAgent Teacher(string id) => new(new XAccount($"{baseUrl}/api/teachers", id));

        IEnumerable<XStatement> AttendedAll(Guid activityId, ActivityFacts f) => f.Attendees.Where(a => !a.Guest).Select(a => new XStatement(
            StatementId(activityId, a.TeacherId, f), Teacher(a.TeacherId),
            new XVerb(Attended, new Dictionary<string, string> { ["zh-CN"] = "参加", ["en-US"] = "attended" }),
            new XObject($"{baseUrl}/api/studios/{e.StreamId}/activities/{activityId}", Definition:
                new XDefinition(new Dictionary<string, string> { ["zh-CN"] = f.Title }, Meeting)),
            new XResult(true, Duration(a.Hours)), new XContext(new XContextActivities([studio]), "Workshops", "zh-CN"),
            When(f.Date, f.Start), Iso(at)));

        IEnumerable<XStatement> VoidAll(Guid activityId, ActivityFacts f, IEnumerable<Attendance> who) => who.Where(a => !a.Guest).Select(a => new XStatement(
            IntegrationEvents.NameBased(e.Id, $"xapi-void:{a.TeacherId}"), Teacher(a.TeacherId),
            new XVerb(Voided, new Dictionary<string, string> { ["zh-CN"] = "作废", ["en-US"] = "voided" }),
            new XStatementRef(StatementId(activityId, a.TeacherId, f)), null, null, Iso(at), Iso(at)));

        switch (e.Data)
        {
            case ActivityLogged x:
                return AttendedAll(x.ActivityId, x.Facts);
            case ActivityCorrected x:
                // A statement whose facts did not change stays; the others are voided and stated anew.
                var before = AttendedAll(x.ActivityId, x.Before).Select(s => s.Id).ToHashSet();
                var after = AttendedAll(x.ActivityId, x.After).ToList();
                var kept = after.Select(s => s.Id).ToHashSet();
                var replaced = x.Before.Attendees.Where(a => !kept.Contains(StatementId(x.ActivityId, a.TeacherId, x.Before)));
                return VoidAll(x.ActivityId, x.Before, replaced).Concat(after.Where(s => !before.Contains(s.Id)));
            case ActivityVoided x:
                return VoidAll(x.ActivityId, x.Facts, x.Facts.Attendees);
            case OutsideTrainingRecorded x:
                return
                [
                    new XStatement(IntegrationEvents.NameBased(x.EntryId, "xapi:training"), Teacher(x.TeacherId),
                        new XVerb(Completed, new Dictionary<string, string> { ["zh-CN"] = "完成", ["en-US"] = "completed" }),
                        new XObject($"{baseUrl}/api/teachers/{Uri.EscapeDataString(x.TeacherId)}/trainings/{x.EntryId}", Definition:
                            new XDefinition(new Dictionary<string, string> { ["zh-CN"] = x.Course }, Course)),
                        new XResult(true, Duration(x.Hours)), new XContext(new XContextActivities([studio]), "Workshops", "zh-CN"),
                        When(x.Date, null), Iso(at)),
                ];
            default:
                return [];
        }
    }
}

/// <summary>
/// GET /api/xapi/statements?since=&amp;until=&amp;agent=&amp;limit=&amp;cursor=&amp;complete= — read-only xAPI statements of the caller's
/// region, at most <c>limit</c> a page (an activity states one statement per attendee; <c>more</c> continues inside it
/// when a page ends there).
/// One read examines at most Xapi:MaxEventsPerRead (5,000) events of a database after its position, whatever matches:
/// when the filters match little, the answer holds what was found and <c>more</c> continues after the last event
/// examined, so no read scans the whole store. As the feed, a read stops at the database's high-water mark
/// (<see cref="HighWater"/>): a statement whose transaction commits after a later one was read comes on the page that
/// continues from <c>more</c>, which is given while events are held back.
/// <para>
/// With a database per province, a national client's read asks every province it reaches in parallel and merges them as
/// the feed does (<see cref="FeedMerge"/>: by the store's time, then province code, then sequence). Every <c>more</c>
/// carries the feed's opaque cursor (<see cref="FeedCursor"/>, a position per province, with how many statements of an
/// event were already read); contract 7.0.0 retired the number and <c>skip</c> a province's client continued with.
/// </para>
/// </summary>
public static class XapiEndpoint
{
    /// <summary>What a read asks for: its time window, one teacher, the caller's region and the statements' base address.</summary>
    private sealed record Wanted(DateTimeOffset? From, DateTimeOffset? To, string? Teacher, Caller Caller, string BaseUrl, int MaxEvents);

    [WolverineGet("/api/xapi/statements", Name = "XapiStatements"), Authorize(Policy = Policies.Integration)]
    [Tags("Integrations")]
    [ProducesResponseType<XStatementResult>(200)]
    public static async Task<IResult> Get(string? since, string? until, string? agent, int? limit, string? cursor, bool? complete,
        IQuerySession session, IDocumentStore store, Tenants tenants, TenantData databases, XapiOptions options, HttpContext http,
        CancellationToken ct)
    {
        var take = limit ?? 100;
        // One opaque cursor, the feed's (a position per province); contract 7.0.0 retired the number and its skip.
        var positions = cursor is null ? new Dictionary<string, FeedPosition>(StringComparer.Ordinal) : FeedCursor.Read(cursor);
        var check = new Check().When(take is < 1 or > FeedEndpoint.MaxLimit, "limit", $"must be between 1 and {FeedEndpoint.MaxLimit}")
            .When(positions is null, "cursor", "must be the cursor given in more (numbers were retired in contract 7.0.0)")
            .When(http.Request.Query.ContainsKey("skip"), "skip", "was retired in contract 7.0.0: follow more, whose cursor says where the page ends");
        DateTimeOffset? from = null, to = null;
        if (since is not null) if (DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var s)) from = s; else check.Add("since", "must be an ISO 8601 timestamp");
        if (until is not null) if (DateTimeOffset.TryParse(until, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var u)) to = u; else check.Add("until", "must be an ISO 8601 timestamp");
        string? teacher = null;
        if (agent is not null)
        {
            try
            {
                teacher = agent.TrimStart().StartsWith('{')
                    ? JsonDocument.Parse(agent).RootElement.GetProperty("account").GetProperty("name").GetString()
                    : agent;
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                check.Add("agent", "must be an xAPI Agent with an account, or a teacher id");
            }
        }
        if (!check.Ok) return Results.Problem(check.Result());
        var caller = Caller.From(http.User);
        var wanted = new Wanted(from, to, teacher, caller, options.PublicBaseUrl, Math.Max(1, options.MaxEventsPerRead));
        string More(bool more, IReadOnlyDictionary<string, FeedPosition> next) => !more ? "" :
            $"/api/xapi/statements?cursor={Uri.EscapeDataString(FeedCursor.Write(next))}&limit={take}" +
            (since is null ? "" : $"&since={Uri.EscapeDataString(since)}") + (until is null ? "" : $"&until={Uri.EscapeDataString(until)}") +
            (agent is null ? "" : $"&agent={Uri.EscapeDataString(agent)}");
        http.Response.Headers["X-Experience-API-Version"] = "2.0.0";

        var reachable = tenants.Reachable(caller);
        var own = reachable.Count == 1 ? reachable[0] : Tenants.Single;
        // The cursor carries positions, not permissions: a province the token does not reach is refused, never read.
        if (positions!.Keys.FirstOrDefault(t => !reachable.Contains(t) && t != own) is { } foreign)
            return Results.Problem(Problems.Invalid("cursor", $"names a position in {(foreign.Length == 0 ? "another deployment" : foreign)}, which this client does not read"));
        if (reachable.Count > 1)
        {
            var legs = await tenants.Each(store, reachable, (leg, token) =>
                Read(leg, databases.Of(leg), positions.GetValueOrDefault(tenants.Separate ? leg.TenantId : Tenants.Single, FeedPosition.Start), take,
                    wanted, token), ct);
            if (legs.Incomplete(http, complete) is { } incomplete) return Results.Problem(incomplete);
            var read = legs.All.Where(l => l.Failure is null).Select(l => l.Value! with { Tenant = l.Tenant }).ToList();
            var merged = FeedMerge.Page(read, positions, take);
            return Results.Ok(new XStatementResult(merged.Items.Select(i => i.Item).ToList(), More(merged.More, merged.Next)));
        }

        var one = await Read(session, databases.Of(session), positions.GetValueOrDefault(own, FeedPosition.Start), take, wanted, ct);
        return Results.Ok(new XStatementResult(one.Items.Select(i => i.Item).ToList(),
            More(one.Full, new Dictionary<string, FeedPosition> { [own] = one.End })));
    }

    /// <summary>
    /// One database's part of a page: up to <paramref name="take"/> statements after <paramref name="from"/>, examining at
    /// most <see cref="Wanted.MaxEvents"/> events, and where it continues when all of them are taken. The leg is
    /// <see cref="FeedLeg{T}.Full"/> when more may follow: the page filled up, or the window ended before the store did.
    /// </summary>
    private static async Task<FeedLeg<XStatement>> Read(IQuerySession session, Npgsql.NpgsqlDataSource data, FeedPosition from, int take,
        Wanted wanted, CancellationToken ct)
    {
        var page = new EventPage<Fed<XStatement>>(take, from.After, from.Skip);
        // The window this read may examine: at most MaxEvents events, and none past the high-water mark (as the feed).
        var (last, more) = await HighWater.Window(data, page.Position, wanted.MaxEvents, ct);
        while (!page.Full)
        {
            var batch = await session.Events.QueryAllRawEvents()
                .Where(e => e.Sequence > page.Position && e.Sequence <= last)
                .Where(e => e.EventTypesAre(XapiStatements.Sources))
                .OrderBy(e => e.Sequence).Take(500).ToListAsync(ct);
            foreach (var e in batch)
            {
                var at = (e.Data as Studios.IStudioEvent)?.At ?? e.Timestamp;
                List<XStatement> found = !(wanted.From is { } f && at < f || wanted.To is { } t && at >= t) &&
                            await StudioIdentities.Of(session, e.StreamId, ct) is { } studio && wanted.Caller.Covers(studio.Region)
                    ? XapiStatements.From(e, wanted.BaseUrl).Where(x => wanted.Teacher is null || x.Actor.Account.Name == wanted.Teacher).ToList()
                    : [];
                if (!page.Add(e.Sequence, found.Select((x, i) => new Fed<XStatement>(x, e.Timestamp, e.Sequence, i, i == found.Count - 1)))) break;
            }
            if (batch.Count < 500) break;
        }
        // Full: continue after the last event read. Otherwise the window is examined: continue after it. More follows when
        // the page is full or events remain after the window (beyond it, or held back below the mark).
        var next = page.Full ? new FeedPosition(page.Position, page.NextSkip) : new FeedPosition(last, 0);
        return new FeedLeg<XStatement>(session.TenantId, page.Items, next, page.Full || more);
    }
}
