using Marten;
using Wolverine.Marten;
using Workshops.Studios;

namespace Workshops.Applications;

/// <summary>The selection: the studio's founding day (today unless given) and a note.</summary>
public sealed record SelectApplication(DateOnly? FoundedOn = null, [Text(1000)] string? Note = null);

/// <summary>
/// POST /api/applications/{id}/selection — the reviewer of the level applied for selects (遴选) the application: in the
/// same transaction the studio is established at that level, its first event naming the application it came from.
/// </summary>
public static class SelectApplicationEndpoint
{
    public static Task<ApplicationStream> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) => ApplicationStream.Load(session, id, ct);

    public static ProblemDetails Validate(SelectApplication command, ApplicationStream application, HttpContext http, TimeProvider clock) =>
        application.Check(http, new Check()
                .When(command.FoundedOn > clock.Today(), "foundedOn", "must not be in the future")
                .When(command.FoundedOn < new DateOnly(1990, 1, 1), "foundedOn", "must be after 1990")
                .Text(command.Note, "note", 1000, required: false),
            a => ApplicationRules.Decide(a, Caller.From(http.User).Region, ApplicationAct.Select));

    [WolverinePost("/api/applications/{id}/selection", Name = "SelectApplication"), Authorize(Policy = ApplicationsSetup.Review)]
    [Tags("Applications")]
    public static (ApplicationWritten, IStartStream) Post(SelectApplication command, ApplicationStream application, HttpContext http, TimeProvider clock)
    {
        var a = application.Application!;
        var studioId = Guid.CreateVersion7();
        var (by, at) = (http.Actor(), clock.GetUtcNow());
        var foundedOn = command.FoundedOn ?? clock.Today();
        var established = new StudioEstablished(studioId, a.Name, a.School, a.Region, a.Level, a.Track, a.Rural, foundedOn, a.Plan.Mode, by, at, a.Id);
        var written = application.Append(http, new ApplicationSelected(a.Id, studioId, foundedOn, command.Note?.Trim(), by, at), studioId);
        return (written, MartenOps.StartStream<StudioState>(studioId, established));
    }
}
