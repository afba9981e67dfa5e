using Marten;
using Marten.Pagination;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core.Contract;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;
using Workshops.Years;

namespace Workshops.Standards;

public sealed record UnmetItem(string Code, string Title, ItemStatus Status, string Reason);

/// <summary>A studio's row: its checklist's summary and unmet items, and where it stands in its term today (an overdue rectification or term assessment shows).</summary>
public sealed record StudioChecklistRow(Guid StudioId, string StudioName, string School, Region Region, string Standard, Tally Summary,
    IReadOnlyList<UnmetItem> NotMet, StudioStanding Standing, DateOnly? RectifyBy, bool RectificationOverdue, bool AssessmentOverdue);

/// <summary>
/// GET /api/reviews/checklists?region=&amp;year=&amp;standard=&amp;page=&amp;pageSize= — one row per studio in the caller's
/// region: its summary and the items not met, and its standing in its term with an overdue rectification (整改逾期) flagged as
/// of today, paginated in a stable order.
/// </summary>
public static class ReviewChecklistsEndpoint
{
    [Formats("json")]
    [WolverineGet("/api/reviews/checklists", Name = "ReviewChecklists"), Authorize(Policy = Policies.RegionRead)]
    [Tags("Standards")]
    [ProducesResponseType<Page<StudioChecklistRow>>(200)]
    public static async Task<IResult> Get(string? region, int? year, string? standard, int? page, int? pageSize, string? format,
        IQuerySession session, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        var scope = region ?? caller.Region ?? "";
        var asked = standard is null ? null : await StandardsLibrary.Find(session, standard, ct);
        var check = new Check().Also(Reports.Exports.JsonOnly(format)).Paging(page, pageSize)
            .When(!Region.IsScope(scope), "region", "must be a six-digit region code")
            .When(standard is not null && asked is null, "standard", "is not a known standard");
        if (!check.Ok) return Results.Problem(check.Result());
        if (!caller.CoversCode(scope)) return Results.Problem(Problems.Forbidden($"The caller's region ({caller.Region}) does not cover {scope}."));
        var today = clock.Today();
        var y = year ?? today.Year;
        var number = page ?? 1;
        var size = pageSize ?? 20;
        var studios = await session.Query<StudioIdentity>()
            .InRegion(scope)
            .OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Select(s => s.Id)
            .ToPagedListAsync(number, size, ct);
        var defaults = asked is null ? await StandardsLibrary.Defaults(session, ct) : null;
        var rows = new List<StudioChecklistRow>();
        foreach (var id in studios)
        {
            var facts = await ChecklistFactsLoader.Load(session, id, y, null, today, ct);
            if (facts is null) continue;
            var chosen = asked ?? defaults!(facts.Studio);
            var checklist = Checklist.Of(chosen, facts);
            var lifecycle = facts.Studio.Lifecycle.On(today);
            rows.Add(new StudioChecklistRow(id, facts.Studio.Name, facts.Studio.School, facts.Studio.Region, chosen.Code, checklist.Summary,
                [.. checklist.Items.Where(i => i.Status != ItemStatus.Met).Select(i => new UnmetItem(i.Code, i.Title, i.Status, Checklist.ReasonOf(i)))],
                lifecycle.Standing, lifecycle.RectifyBy, lifecycle.RectificationOverdue, lifecycle.AssessmentOverdue));
        }
        return Results.Ok(new Page<StudioChecklistRow>(rows, number, size, studios.TotalItemCount));
    }
}
