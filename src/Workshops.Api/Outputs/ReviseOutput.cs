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

/// <summary>
/// The fields of an output to change: those left out keep their value, null clears the category, summary, body or links;
/// the kind, title, authors and date can be changed, not cleared.
/// </summary>
public sealed record OutputChanges : Changes
{
    public OutputKind? Kind { get; set => field = Sent("kind", value); }
    [Text(200)] public string? Title { get; set => field = Sent("title", value); }
    [Items(1, 20), Id] public IReadOnlyList<string>? Authors { get; set => field = Sent("authors", value); }
    public DateOnly? Date { get; set => field = Sent("date", value); }
    public CaseCategory? Category { get; set => field = Sent("category", value); }
    [Text(1000)] public string? Summary { get; set => field = Sent("summary", value); }
    [Text(OutputInput.MaxBodyCharacters)] public string? Body { get; set => field = Sent("body", value); }
    [Items(0, 20), HttpUrl] public IReadOnlyList<string>? Links { get; set => field = Sent("links", value); }

    public IReadOnlyList<string> Named() => Edits.Given(
        ("kind", Gave("kind")), ("title", Gave("title")), ("authors", Gave("authors")), ("date", Gave("date")),
        ("category", Gave("category")), ("summary", Gave("summary")), ("body", Gave("body")), ("links", Gave("links")));

    public Check Uncleared(Check check) => Uncleared(check, ("kind", Kind), ("title", Title), ("authors", Authors), ("date", Date));

    public OutputFacts Apply(OutputFacts before) =>
        new DraftOutput(Kind ?? before.Kind, Title ?? before.Title, Authors ?? before.Authors, Date ?? before.Date, Or("category", Category, before.Category),
            Or("summary", Summary, before.Summary), Or("body", Body, before.Body), Or("links", Links, before.Links)).Facts();
}

/// <summary>An edit in the house convention: only the changed fields, in <c>changes</c>, and why (optional for a draft's revision).</summary>
public sealed record ReviseOutput(OutputChanges Changes, [Text(1000), Formerly("note")] string? Reason = null);

/// <summary>
/// POST /api/studios/{id}/outputs/{outputId}/revision — a draft or returned output is revised: the fields in
/// <c>changes</c> replace theirs (null clears an optional one), the rest stay; each revision is an event holding the facts before and after.
/// </summary>
public static class ReviseOutputEndpoint
{
    public static DocumentById<OutputRecord> Load(Guid outputId) => new(outputId);

    public static ProblemDetails Validate(ReviseOutput command) =>
        command.Changes is null ? Problems.Invalid("changes", "is required")
        : command.Changes.Named().Count == 0 ? Problems.Invalid("changes", "name at least one field to change")
        : command.Changes.Uncleared(new Check()) is { Ok: false } cleared ? cleared.Result()
        : WolverineContinue.NoProblems;

    /// <summary>
    /// The revised facts are the stored ones with the changes: what the fields ask of each other (a case's category and
    /// length) is checked on them as input (400 under <c>changes.</c>), then the rules.
    /// </summary>
    [WolverineBefore]
    public static ProblemDetails Rules(ReviseOutput command, Guid outputId, StudioState studio, OutputRecord? record, Stamp stamp)
    {
        if (OutputRules.Can(record?.StudioId == studio.Id ? record.Standing() : null, outputId, OutputRules.Step.Revise) is { } refused)
            return Problems.Rule(refused);
        var after = command.Changes.Apply(record!.Facts);
        return OutputInput.Check(new Check(), after, stamp.Today, "changes.") is { Ok: false } invalid ? invalid.Result()
            : OutputRules.Check(studio, after).OrContinue();
    }

    [WolverinePost("/api/studios/{id}/outputs/{outputId}/revision", Name = "ReviseOutput"), Authorize(Policy = Policies.StudioWork), Appends]
    [Tags("Outputs")]
    public static OutputRevised Post(ReviseOutput command, [WriteAggregate("id")] StudioState studio, OutputRecord record, Stamp stamp) =>
        new(record.Id, record.Facts, command.Changes.Apply(record.Facts), command.Reason, stamp.By, stamp.At);
}
