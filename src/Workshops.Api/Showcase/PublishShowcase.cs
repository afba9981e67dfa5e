using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Attributes;
using Wolverine.Http;
using Wolverine.Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Outputs;
using Workshops.Studios;

namespace Workshops.Showcase;

/// <summary>Whether to show it to the public (true) or take it back (false).</summary>
public sealed record Publish(bool Published);

/// <summary>What may be published, as pure rules.</summary>
public static class ShowcaseRules
{
    /// <summary>Only what a school approved (or a reviewer then recommended) is public; a draft, a submission or a returned output never is.</summary>
    public static bool Publishable(OutputState state) => OutputRules.Counts(state);

    public static Refusal? PublishOutput(Guid studioId, Guid outputId, OutputStanding? output, bool publish) =>
        output is null || output.StudioId != studioId ? Refusal.Unknown("showcase.output-unknown", $"The studio has no output {outputId}.")
        : publish && !Publishable(output.State)
            ? new("showcase.output-not-approved", $"Only approved or recommended outputs are published; this one is {output.State.Code()}.")
            : null;
}

/// <summary>POST /api/studios/{id}/showcase — the host publishes the studio's public profile, or takes it back.</summary>
public static class PublishProfileEndpoint
{
    [WolverinePost("/api/studios/{id}/showcase", Name = "PublishProfile"), Authorize(Policy = Policies.StudioWork), Appends]
    [Tags("Showcase")]
    public static Events Post(Publish command, [WriteAggregate("id")] StudioState studio, Stamp stamp) =>
        [command.Published ? new StudioProfilePublished(stamp.By, stamp.At) : new StudioProfileUnpublished(stamp.By, stamp.At)];
}

/// <summary>POST /api/studios/{id}/showcase/outputs/{outputId} — the host publishes an approved output, or takes it back.</summary>
public static class PublishOutputEndpoint
{
    public static DocumentById<OutputStanding> Load(Guid outputId) => new(outputId);

    [WolverineBefore]
    public static ProblemDetails Rules(Publish command, Guid outputId, StudioState studio, OutputStanding? output) =>
        ShowcaseRules.PublishOutput(studio.Id, outputId, output, command.Published).OrContinue();

    [WolverinePost("/api/studios/{id}/showcase/outputs/{outputId}", Name = "PublishOutput"), Authorize(Policy = Policies.StudioWork), Appends]
    [Tags("Showcase")]
    public static Events Post(Publish command, Guid outputId, [WriteAggregate("id")] StudioState studio, Stamp stamp) =>
        [command.Published ? new OutputPublished(outputId, stamp.By, stamp.At) : new OutputUnpublished(outputId, stamp.By, stamp.At)];
}
