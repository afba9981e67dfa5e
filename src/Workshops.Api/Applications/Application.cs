using JasperFx.Events;
using Marten.Events.Aggregation;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Studios;

namespace Workshops.Applications;

/// <summary>One decision on an application: the level whose turn it was, recommended / refused / selected, the note or reason, who and when.</summary>
public sealed record ApplicationStep(StudioLevel Stage, string StageLabel, ApplicationState Decision, string DecisionLabel, string? Note, Actor By, DateTimeOffset At);

public sealed record PartyApproval(DateOnly On, string? Note, Actor By, DateTimeOffset At);

/// <summary>
/// An application (申报) for a studio: what was applied for, the construction plan, the Party organisation's approval,
/// each level's decision and, once selected, the studio it established. <see cref="Awaiting"/> is the level whose turn
/// it is (none once selected or refused).
/// </summary>
public sealed record Application
{
    public Guid Id { get; init; }
    public long Version { get; init; }
    public string Name { get; init; } = "";
    public string School { get; init; } = "";
    public Region Region { get; init; } = new("", "");
    public StudioLevel Level { get; init; }
    public string LevelLabel { get; init; } = "";
    public Track Track { get; init; }
    public bool Rural { get; init; }
    public ConstructionPlan Plan { get; init; } = null!;
    public ApplicationState State { get; init; }
    public string StateLabel { get; init; } = "";
    public StudioLevel? Awaiting { get; init; }
    public PartyApproval? PartyApproval { get; init; }
    public IReadOnlyList<ApplicationStep> Steps { get; init; } = [];
    public Guid? StudioId { get; init; }
    public Actor AppliedBy { get; init; } = null!;
    public DateTimeOffset AppliedAt { get; init; }

    public static Application? Fold(Application? a, IEvent e)
    {
        var next = (a, e.Data) switch
        {
            (null, StudioApplied x) => new Application
            {
                Id = x.ApplicationId, Name = x.Name, School = x.School, Region = x.Region, Level = x.Level, LevelLabel = x.Level.Label(), Track = x.Track,
                Rural = x.Rural, Plan = x.Plan, State = ApplicationState.Applied, Awaiting = ApplicationRules.Ladder(x.Region, x.Level)[0],
                AppliedBy = x.By, AppliedAt = x.At,
            },
            (not null, PartyApprovalAttested x) => a with { PartyApproval = new PartyApproval(x.On, x.Note, x.By, x.At) },
            (not null, ApplicationRecommended x) => a.Step(x.Stage, ApplicationState.Recommended, x.Note, x.By, x.At) with
            {
                State = ApplicationState.Recommended, Awaiting = ApplicationRules.After(a.Region, a.Level, x.Stage),
            },
            (not null, ApplicationRefused x) => a.Step(x.Stage, ApplicationState.Refused, x.Reason, x.By, x.At) with { State = ApplicationState.Refused, Awaiting = null },
            (not null, ApplicationSelected x) => a.Step(a.Level, ApplicationState.Selected, x.Note, x.By, x.At) with
            {
                State = ApplicationState.Selected, Awaiting = null, StudioId = x.StudioId,
            },
            _ => a,
        };
        return next is null ? null : next with { Version = e.Version, StateLabel = next.State.Label() };
    }

    private Application Step(StudioLevel stage, ApplicationState decision, string? note, Actor by, DateTimeOffset at) =>
        this with { Steps = [.. Steps, new ApplicationStep(stage, stage.Label(), decision, decision.Label(), note, by, at)] };
}

public partial class ApplicationProjection : SingleStreamProjection<Application, Guid>
{
    public ApplicationProjection()
    {
        Core.ProjectionTuning.Apply(Options);
        // Its own events only: an Evolve-only projection is otherwise handed every event, and each studio append would
        // read the application table for nothing.
        foreach (var type in Core.Grouping.Implementing<IApplicationEvent>()) IncludeType(type);
    }

    public override Application? Evolve(Application? snapshot, Guid id, IEvent e) => Application.Fold(snapshot, e);
}
