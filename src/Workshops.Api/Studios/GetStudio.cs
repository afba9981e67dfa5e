using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Programmes;
using Workshops.Roster;
using Workshops.Views;
using Workshops.Years;

namespace Workshops.Studios;

/// <summary>
/// GET /api/studios/{id}?on= — the studio view with its roster; each person's facts (title, years as head teacher,
/// 教龄, still serving, rural, school) as of the day asked (default today) from their teacher record, or from what the
/// roster entry said when they joined; the warnings of the studio's rule set on that day. ETag: the stream version and
/// a digest of the view (a record or rule set change shows, so If-None-Match stays true); If-Match takes it as the version. Teachers' personal fields go to the studio's own people and its school only (<see cref="StudioAudiences"/>).
/// </summary>
public static class GetStudioEndpoint
{
    [WolverineGet("/api/studios/{id}", Name = "GetStudio"), Authorize(Policy = Policies.StudioRead)]
    [Tags("Studios")]
    [ProducesResponseType<Studio>(200), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(Guid id, string? on, IQuerySession session, ViewMemo memo, HttpContext http, TimeProvider clock,
        CancellationToken ct)
    {
        var today = clock.Today();
        var (asked, invalid) = History.Parse(on, today, "on");
        if (invalid is not null) return Results.Problem(invalid);
        var day = asked ?? today;
        // Kept like the computed views: a stored studio is converted for the wire (enumerations as codes) once per change
        // of its stream, of its people's records or of the rule sets, once per audience and day.
        var identity = await StudioIdentities.Of(session, id, ct);
        if (identity is null) return Results.Problem(Problems.NotFound($"No studio {id}."));
        var audience = StudioAudiences.Of(Caller.From(http.User), id, identity.Region);
        var key = ViewMemo.Key("studio", id, audience.ToString().ToLowerInvariant(), day);
        if (await memo.Kept(http, key, ct) is { } kept) return kept;
        var studio = await StudioViews.Latest(session, id, ct);
        if (studio is null) return Results.Problem(Problems.NotFound($"No studio {id}."));
        var teachers = studio.CurrentRoster().Select(r => r.Teacher.Id).Distinct().Order(StringComparer.Ordinal).ToList();
        var taken = await memo.Take(http, new ViewMemo.Inputs(id, studio.Version, teachers, RuleSetLibrary.Chain(identity.Region.Code), true), ct);
        var records = await RosterJudging.Records(session, teachers, ct);
        var set = (await RuleSetLibrary.For(session, identity.Region.Code, identity.Track, day, ct)).RuleSet;
        var view = RosterJudging.View(studio, set, records, day).Named() with { Lifecycle = studio.Lifecycle.On(day) };
        return await memo.Keep(http, key, taken, StudioAudiences.View(view, audience), ct, etagOf: body => StreamWrites.ViewETag(studio.Version, body));
    }
}
