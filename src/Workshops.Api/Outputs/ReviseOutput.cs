using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;
using Workshops.Core.Contract;

namespace Workshops.Outputs;

public sealed record ReviseOutput(
    OutputKind Kind,
    [Text(200)] string Title,
    [Items(1, 20), Id] IReadOnlyList<string> Authors,
    DateOnly Date,
    CaseCategory? Category = null,
    [Text(1000)] string? Summary = null,
    [Text(OutputInput.MaxBodyCharacters)] string? Body = null,
    [Items(0, 20), HttpUrl] IReadOnlyList<string>? Links = null,
    [Text(1000)] string? Note = null)
{
    public OutputFacts Facts() => new DraftOutput(Kind, Title, Authors, Date, Category, Summary, Body, Links).Facts();
}

/// <summary>POST /api/studios/{id}/outputs/{outputId}/revision — a draft or returned output is revised as a whole.</summary>
public static class ReviseOutputEndpoint
{
    public static Task<OutputRecord?> LoadAsync(Guid outputId, IDocumentSession session, CancellationToken ct) =>
        session.LoadAsync<OutputRecord>(outputId, ct);

    public static ProblemDetails Validate(ReviseOutput command, Guid outputId, Studio studio, HttpContext http, TimeProvider clock)
    {
        if (command.Title is null || command.Authors is null) return Problems.Invalid("body", "kind, title, authors and date are required");
        var check = new Check().Text(command.Note, "note", 1000, required: false);
        if (!check.Ok) return check.Result();
        var facts = command.Facts();
        return OutputInput.Check(facts) ?? Writes.IfMatch(http, studio.Version)
            ?? (OutputRules.Can(studio, outputId, OutputRules.Step.Revise) ?? OutputRules.Check(studio, facts, clock.Today())).OrContinue();
    }

    [WolverinePost("/api/studios/{id}/outputs/{outputId}/revision", Name = "ReviseOutput"), Authorize(Policy = Policies.StudioWork)]
    [Tags("Outputs")]
    public static (Written, OutputRevised) Post(ReviseOutput command, [Aggregate("id")] Studio studio, OutputRecord record,
        HttpContext http, TimeProvider clock) =>
        (Writes.Done(http, studio.Id, studio.Version),
            new OutputRevised(record.Id, record.Facts, command.Facts(), command.Note, http.Actor(), clock.GetUtcNow()));
}
