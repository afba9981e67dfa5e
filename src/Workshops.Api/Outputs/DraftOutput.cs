using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Attributes;
using Wolverine.Http;
using Wolverine.Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;

namespace Workshops.Outputs;

public sealed record DraftOutput(
    OutputKind Kind,
    string Title,
    IReadOnlyList<string> Authors,
    DateOnly Date,
    CaseCategory? Category = null,
    string? Summary = null,
    string? Body = null,
    IReadOnlyList<string>? Links = null)
{
    public OutputFacts Facts() => new(Kind, Category, Title.Trim(), [.. Authors.Distinct()], Date, Summary, Body, Links ?? []);
}

public static class OutputInput
{
    /// <summary>Bodies other than cases may be long documents (handbooks, rules), but not unbounded.</summary>
    public const int MaxBodyCharacters = 50_000;

    public static ProblemDetails? Check(OutputFacts facts, string prefix = "")
    {
        var check = new Check()
            .Text(facts.Title, $"{prefix}title", 200)
            .Count(facts.Authors, $"{prefix}authors", 1, 20)
            .Text(facts.Summary, $"{prefix}summary", 1000, required: false)
            .Text(facts.Body, $"{prefix}body", MaxBodyCharacters, required: false)
            .Count(facts.Links, $"{prefix}links", 0, 20);
        for (var i = 0; i < facts.Authors.Count; i++) check.Id(facts.Authors[i], $"{prefix}authors[{i}]");
        for (var i = 0; i < facts.Links.Count; i++) check.Url(facts.Links[i], $"{prefix}links[{i}]");
        return check.Ok ? null : check.Result();
    }
}

public sealed record OutputCreated(Guid StudioId, Guid OutputId, long Version)
    : CreationResponse($"/api/studios/{StudioId}/outputs/{OutputId}");

/// <summary>POST /api/studios/{id}/outputs — draft an output (成果): one of seed 001's five kinds, a library item, a case or the handbook.</summary>
public static class DraftOutputEndpoint
{
    public static ProblemDetails Validate(DraftOutput command) =>
        command.Title is null || command.Authors is null
            ? Problems.Invalid("body", "kind, title, authors and date are required")
            : OutputInput.Check(command.Facts()) ?? WolverineContinue.NoProblems;

    [WolverineBefore]
    public static ProblemDetails Rules(DraftOutput command, StudioState studio, Stamp stamp) =>
        OutputRules.Check(studio, command.Facts(), stamp.Today).OrContinue();

    [WolverinePost("/api/studios/{id}/outputs", Name = "DraftOutput"), Authorize(Policy = Policies.StudioWork), Appends(typeof(OutputCreated))]
    [Tags("Outputs")]
    public static OutputDrafted Post(DraftOutput command, [WriteAggregate("id")] StudioState studio, Stamp stamp) =>
        new(Guid.CreateVersion7(), command.Facts(), stamp.By, stamp.At);

    public static OutputCreated Created(OutputDrafted drafted, Written written) => new(written.StudioId, drafted.OutputId, written.Version);
}
