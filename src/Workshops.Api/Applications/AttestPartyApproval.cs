using Marten;

namespace Workshops.Applications;

/// <summary>The day the school's Party organisation approved the construction plan (today unless given), and a note.</summary>
public sealed record AttestPartyApproval(DateOnly? On = null, [Text(1000)] string? Note = null);

/// <summary>POST /api/applications/{id}/party-approval — the school attests its Party organisation's approval of the plan (学校党组织把关), once.</summary>
public static class AttestPartyApprovalEndpoint
{
    public static Task<ApplicationStream> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) => ApplicationStream.Load(session, id, ct);

    public static ProblemDetails Validate(AttestPartyApproval command, ApplicationStream application, HttpContext http, TimeProvider clock) =>
        application.Check(http, new Check()
                .When(command.On > clock.Today(), "on", "must not be in the future")
                .Text(command.Note, "note", 1000, required: false),
            ApplicationRules.Attest);

    [WolverinePost("/api/applications/{id}/party-approval", Name = "AttestPartyApproval"), Authorize(Policy = ApplicationsSetup.Apply)]
    [Tags("Applications")]
    public static ApplicationWritten Post(AttestPartyApproval command, ApplicationStream application, HttpContext http, TimeProvider clock) =>
        application.Append(http, new PartyApprovalAttested(application.Id, command.On ?? clock.Today(), command.Note?.Trim(), http.Actor(), clock.GetUtcNow()));
}
