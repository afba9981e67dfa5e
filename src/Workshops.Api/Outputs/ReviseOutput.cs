using Marten;
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

/// <summary>The fields of an output to change; those left out keep their value.</summary>
public sealed record OutputChanges(
    OutputKind? Kind = null,
    [Text(200)] string? Title = null,
    [Items(1, 20), Id] IReadOnlyList<string>? Authors = null,
    DateOnly? Date = null,
    CaseCategory? Category = null,
    [Text(1000)] string? Summary = null,
    [Text(OutputInput.MaxBodyCharacters)] string? Body = null,
    [Items(0, 20), HttpUrl] IReadOnlyList<string>? Links = null)
{
    public IReadOnlyList<string> Named() => Edits.Given(
        ("kind", Kind is not null), ("title", Title is not null), ("authors", Authors is not null), ("date", Date is not null),
        ("category", Category is not null), ("summary", Summary is not null), ("body", Body is not null), ("links", Links is not null));

    public OutputFacts Apply(OutputFacts before) =>
        new DraftOutput(Kind ?? before.Kind, Title ?? before.Title, Authors ?? before.Authors, Date ?? before.Date, Category ?? before.Category,
            Summary ?? before.Summary, Body ?? before.Body, Links ?? before.Links).Facts();
}

/// <summary>An edit in the house convention: only the changed fields, in <c>changes</c>, and why (optional for a draft's revision).</summary>
public sealed record ReviseOutput(OutputChanges Changes, [Text(1000), Formerly("note")] string? Reason = null);

/// <summary>
/// POST /api/studios/{id}/outputs/{outputId}/revision — a draft or returned output is revised: the fields in
/// <c>changes</c> replace theirs, the rest stay; each revision is an event holding the facts before and after.
/// </summary>
public static class ReviseOutputEndpoint
{
    public static DocumentById<OutputRecord> Load(Guid outputId) => new(outputId);

    public static ProblemDetails Validate(ReviseOutput command) =>
        command.Changes is null ? Problems.Invalid("changes", "is required")
        : command.Changes.Named().Count == 0 ? Problems.Invalid("changes", "name at least one field to change")
        : WolverineContinue.NoProblems;

    [WolverineBefore]
    public static ProblemDetails Rules(ReviseOutput command, Guid outputId, StudioState studio, OutputRecord? record, Stamp stamp) =>
        (OutputRules.Can(record?.StudioId == studio.Id ? record.Standing() : null, outputId, OutputRules.Step.Revise)
         ?? OutputRules.Check(studio, command.Changes.Apply(record!.Facts), stamp.Today)).OrContinue();

    [WolverinePost("/api/studios/{id}/outputs/{outputId}/revision", Name = "ReviseOutput"), Authorize(Policy = Policies.StudioWork), Appends]
    [Tags("Outputs")]
    public static OutputRevised Post(ReviseOutput command, [WriteAggregate("id")] StudioState studio, OutputRecord record, Stamp stamp) =>
        new(record.Id, record.Facts, command.Changes.Apply(record.Facts), command.Reason, stamp.By, stamp.At);
}
