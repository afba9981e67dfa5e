using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Attributes;
using Wolverine.Http;
using Wolverine.Marten;
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
    /// What the fields ask of each other: a case has its category and at most 3000 characters (seed 001 四), other kinds
    /// have no category. Told in one 400 with the rest of the input, each under its JSON path (<paramref name="prefix"/>
    /// is <c>changes.</c> for a revision).
    /// </summary>
    public static Check Check(Check check, OutputFacts facts, DateOnly today, string prefix = "")
    {
        check.Day(facts.Date, $"{prefix}date", today);
        if (OutputRules.IsCase(facts.Kind) && facts.Category is null)
            check.Add($"{prefix}category", $"a case needs one of the case categories: {Codes.Allowed<CaseCategory>()}");
        if (!OutputRules.IsCase(facts.Kind) && facts.Category is not null)
            check.Add($"{prefix}category", $"only cases carry a case category; leave it out for {facts.Kind.Code()}");
        var length = Core.Check.Length(facts.Body);
        if (OutputRules.IsCase(facts.Kind) && length > OutputRules.MaxCaseCharacters)
            check.Add($"{prefix}body", $"is {length} characters; a case has at most {OutputRules.MaxCaseCharacters} (seed 001 四)");
        return check;
    }
}

public sealed record OutputCreated(Guid StudioId, Guid OutputId, long Version)
    : CreationResponse($"/api/studios/{StudioId}/outputs/{OutputId}");

/// <summary>POST /api/studios/{id}/outputs — draft an output (成果): one of seed 001's five kinds, a library item, a case or the handbook.</summary>
public static class DraftOutputEndpoint
{
    public static ProblemDetails Validate(DraftOutput command, Stamp stamp) =>
        command.Title is null || command.Authors is null
            ? Problems.Invalid("body", "kind, title, authors and date are required")
            : OutputInput.Check(new Check(), command.Facts(), stamp.Today).Result();

    [WolverineBefore]
    public static ProblemDetails Rules(DraftOutput command, StudioState studio) =>
        OutputRules.Check(studio, command.Facts()).OrContinue();

    [WolverinePost("/api/studios/{id}/outputs", Name = "DraftOutput"), Authorize(Policy = Policies.StudioContribute), Appends(typeof(OutputCreated))]
    [Tags("Outputs")]
    public static OutputDrafted Post(DraftOutput command, [WriteAggregate("id")] StudioState studio, Stamp stamp) =>
        new(Guid.CreateVersion7(), command.Facts(), stamp.By, stamp.At);

    public static OutputCreated Created(OutputDrafted drafted, Written written) => new(written.StudioId, drafted.OutputId, written.Version);
}
