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

public sealed record DraftOutput(
    OutputKind Kind,
    [Text(200)] string Title,
    [Items(1, 20), Id] IReadOnlyList<string> Authors,
    DateOnly Date,
    CaseCategory? Category = null,
    [Text(1000)] string? Summary = null,
    [Text(OutputInput.MaxBodyCharacters)] string? Body = null,
    [Items(0, 20), HttpUrl] IReadOnlyList<string>? Links = null)
{
    public OutputFacts Facts() => new(Kind, Category, Title.Trim(), [.. Authors.Distinct()], Date, Summary, Body, Links ?? []);
}

public static class OutputInput
{
    /// <summary>Bodies other than cases may be long documents (handbooks, rules), but not unbounded.</summary>
    public const int MaxBodyCharacters = 50_000;

    /// <summary>
    /// Nothing left to check here: the title, authors, summary, body and links are limited on the request records
    /// and checked with the body (Core/Contract/Limits) before this runs.
    /// </summary>
    public static ProblemDetails? Check(OutputFacts facts, string prefix = "") => null;
}

public sealed record OutputCreated(Guid StudioId, Guid OutputId, long Version)
    : CreationResponse($"/api/studios/{StudioId}/outputs/{OutputId}");

/// <summary>POST /api/studios/{id}/outputs — draft an output (成果): one of seed 001's five kinds, a library item, a case or the handbook.</summary>
public static class DraftOutputEndpoint
{
    public static ProblemDetails Validate(DraftOutput command, Studio studio, HttpContext http, TimeProvider clock)
    {
        if (command.Title is null || command.Authors is null) return Problems.Invalid("body", "kind, title, authors and date are required");
        var facts = command.Facts();
        return OutputInput.Check(facts) ?? Writes.IfMatch(http, studio.Version)
            ?? OutputRules.Check(studio, facts, clock.Today()).OrContinue();
    }

    [WolverinePost("/api/studios/{id}/outputs", Name = "DraftOutput"), Authorize(Policy = Policies.StudioContribute)]
    [Tags("Outputs")]
    public static (OutputCreated, OutputDrafted) Post(DraftOutput command, [Aggregate("id")] Studio studio, HttpContext http,
        TimeProvider clock)
    {
        var outputId = Guid.CreateVersion7();
        var written = Writes.Done(http, studio.Id, studio.Version);
        return (new OutputCreated(studio.Id, outputId, written.Version),
            new OutputDrafted(outputId, command.Facts(), http.Actor(), clock.GetUtcNow()));
    }
}
