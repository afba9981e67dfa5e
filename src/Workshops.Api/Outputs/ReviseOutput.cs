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
    public static DocumentById<OutputRecord> Load(Guid outputId) => new(outputId);

    public static ProblemDetails Validate(ReviseOutput command) =>
        command.Title is null || command.Authors is null
            ? Problems.Invalid("body", "kind, title, authors and date are required")
            : WolverineContinue.NoProblems;

    [WolverineBefore]
    public static ProblemDetails Rules(ReviseOutput command, Guid outputId, StudioState studio, OutputRecord? record, Stamp stamp) =>
        (OutputRules.Can(record?.StudioId == studio.Id ? record.Standing() : null, outputId, OutputRules.Step.Revise)
         ?? OutputRules.Check(studio, command.Facts(), stamp.Today)).OrContinue();

    [WolverinePost("/api/studios/{id}/outputs/{outputId}/revision", Name = "ReviseOutput"), Authorize(Policy = Policies.StudioWork), Appends]
    [Tags("Outputs")]
    public static OutputRevised Post(ReviseOutput command, [WriteAggregate("id")] StudioState studio, OutputRecord record, Stamp stamp) =>
        new(record.Id, record.Facts, command.Facts(), command.Note, stamp.By, stamp.At);
}
