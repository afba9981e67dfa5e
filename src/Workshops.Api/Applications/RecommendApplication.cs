using Marten;

namespace Workshops.Applications;

public sealed record RecommendApplication([Text(1000)] string? Note = null);

/// <summary>POST /api/applications/{id}/recommendation — the district's, then the city's reviewer recommends (推荐) the application upward, each at their turn.</summary>
public static class RecommendApplicationEndpoint
{
    public static Task<ApplicationStream> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) => ApplicationStream.Load(session, id, ct);

    public static ProblemDetails Validate(RecommendApplication command, ApplicationStream application, HttpContext http) =>
        application.Check(http, new Check().Text(command.Note, "note", 1000, required: false),
            a => ApplicationRules.Decide(a, Caller.From(http.User).Region, ApplicationAct.Recommend));

    [WolverinePost("/api/applications/{id}/recommendation", Name = "RecommendApplication"), Authorize(Policy = ApplicationsSetup.Review)]
    [Tags("Applications")]
    public static ApplicationWritten Post(RecommendApplication command, ApplicationStream application, HttpContext http, TimeProvider clock) =>
        application.Append(http, new ApplicationRecommended(application.Id, application.Application!.Awaiting!.Value, command.Note?.Trim(), http.Actor(), clock.GetUtcNow()));
}
