using Marten;

namespace Workshops.Applications;

public sealed record RefuseApplication([Text(1000)] string Reason);

/// <summary>POST /api/applications/{id}/refusal — the reviewer whose turn it is refuses the application (不予推荐 / 未予遴选) with the reason; it is closed.</summary>
public static class RefuseApplicationEndpoint
{
    public static Task<ApplicationStream> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) => ApplicationStream.Load(session, id, ct);

    public static ProblemDetails Validate(RefuseApplication command, ApplicationStream application, HttpContext http) =>
        application.Check(http, new Check().Text(command.Reason, "reason", 1000),
            a => ApplicationRules.Decide(a, Caller.From(http.User).Region, ApplicationAct.Refuse));

    [WolverinePost("/api/applications/{id}/refusal", Name = "RefuseApplication"), Authorize(Policy = ApplicationsSetup.Review)]
    [Tags("Applications")]
    public static ApplicationWritten Post(RefuseApplication command, ApplicationStream application, HttpContext http, TimeProvider clock) =>
        application.Append(http, new ApplicationRefused(application.Id, application.Application!.Awaiting!.Value, command.Reason.Trim(), http.Actor(), clock.GetUtcNow()));
}
