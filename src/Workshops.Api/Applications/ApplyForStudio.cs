using Wolverine.Marten;
using Workshops.Studios;

namespace Workshops.Applications;

public sealed record ApplyForStudio(
    [Text(100)] string Name,
    [Text(100)] string School,
    Region Region,
    StudioLevel Level,
    Track Track,
    bool Rural,
    ConstructionPlan Plan);

public sealed record ApplicationCreated(Guid Id, long Version) : CreationResponse($"/api/applications/{Id}");

/// <summary>
/// POST /api/applications — a school admin applies (申报) for a district, municipal or provincial studio in their region
/// with its construction plan (建设方案). A school-level studio needs no application: the school establishes it directly.
/// </summary>
public static class ApplyForStudioEndpoint
{
    public static ProblemDetails Validate(ApplyForStudio command, HttpContext http)
    {
        var check = new Check()
            .Text(command.Name, "name", 100)
            .Text(command.School, "school", 100);
        if (command.Plan is null) check.Add("plan", "is required");
        else
            check.Text(command.Plan.Positioning, "plan.positioning", 3000)
                .Text(command.Plan.Members, "plan.members", 3000)
                .Text(command.Plan.Goals, "plan.goals", 3000);
        foreach (var (field, message) in Region.Problems(command.Region)) check.Add(field, message);
        if (!check.Ok) return check.Result();
        var caller = Caller.From(http.User);
        if (!caller.Covers(command.Region)) return Problems.Forbidden(Permits.RegionRefused(caller, command.Region.Code));
        return ApplicationRules.Apply(command.Level).OrContinue();
    }

    [WolverinePost("/api/applications", Name = "ApplyForStudio"), Authorize(Policy = ApplicationsSetup.Apply)]
    [Tags("Applications")]
    public static (ApplicationCreated, IStartStream) Post(ApplyForStudio command, HttpContext http, TimeProvider clock)
    {
        var id = Guid.CreateVersion7();
        var plan = command.Plan with { Positioning = command.Plan.Positioning.Trim(), Members = command.Plan.Members.Trim(), Goals = command.Plan.Goals.Trim() };
        var applied = new StudioApplied(id, command.Name.Trim(), command.School.Trim(), command.Region, command.Level, command.Track, command.Rural, plan,
            http.Actor(), clock.GetUtcNow());
        http.Response.Headers.ETag = Writes.ETag(1);
        return (new ApplicationCreated(id, 1), MartenOps.StartStream<Application>(id, applied));
    }
}
