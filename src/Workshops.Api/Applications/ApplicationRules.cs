using Workshops.Core;
using Workshops.Studios;

namespace Workshops.Applications;

/// <summary>What a reviewer asks of an application at their turn.</summary>
public enum ApplicationAct { Recommend, Select, Refuse }

/// <summary>
/// The application's ladder as pure functions: the levels below the one applied for recommend (推荐) in turn — the
/// district (where the school has one), then the city — and the level applied for selects (遴选); seed 001 三.1 puts
/// provincial studios in the province's hands. A reviewer acts only at their own level and only when it is that level's
/// turn; the school's Party organisation must have approved the plan before anyone recommends or selects.
/// </summary>
public static class ApplicationRules
{
    /// <summary>The levels that decide, in order; the last one selects.</summary>
    public static IReadOnlyList<StudioLevel> Ladder(Region region, StudioLevel level) =>
        [.. new[] { StudioLevel.District, StudioLevel.Municipal, StudioLevel.Provincial }
            .Where(l => l <= level && (l != StudioLevel.District || region.District is not null))];

    public static StudioLevel? After(Region region, StudioLevel level, StudioLevel stage) =>
        Ladder(region, level).SkipWhile(l => l != stage).Skip(1).Cast<StudioLevel?>().FirstOrDefault();

    /// <summary>A reviewer's level from their region claim: a district's, a city's or a province's (the ministry has none here).</summary>
    public static StudioLevel? LevelOf(string? jurisdiction) =>
        !Region.IsScope(jurisdiction) ? null
        : Region.Depth(jurisdiction!) switch { 3 => StudioLevel.District, 2 => StudioLevel.Municipal, 1 => StudioLevel.Provincial, _ => null };

    public static Refusal? Apply(StudioLevel level) =>
        level == StudioLevel.School ? new("application.school-level", "A school-level studio is established by the school directly (POST /api/studios), not applied for.") : null;

    public static Refusal? Attest(Application application) =>
        Closed(application) ?? (application.PartyApproval is not null
            ? new("application.party-approval-recorded", $"The Party organisation's approval was recorded on {application.PartyApproval.On:yyyy-MM-dd}.")
            : null);

    public static Refusal? Decide(Application application, string? jurisdiction, ApplicationAct act)
    {
        if (Closed(application) is { } closed) return closed;
        if (application.PartyApproval is null)
            return new("application.party-approval-missing", "The school's Party organisation has not approved the construction plan yet (学校党组织把关).");
        var awaiting = application.Awaiting!.Value;
        var mine = LevelOf(jurisdiction);
        if (mine != awaiting)
            return new("application.not-your-turn", $"The application awaits the {awaiting.Code()} ({awaiting.Label()}) decision; a reviewer of {jurisdiction ?? "no region"} cannot make it.");
        var selects = awaiting == application.Level;
        return act switch
        {
            ApplicationAct.Recommend when selects => new("application.selection-due",
                $"The {awaiting.Label()} level is the one applied for: it selects (遴选) or refuses, it does not recommend."),
            ApplicationAct.Select when !selects => new("application.recommendation-due",
                $"The {awaiting.Label()} level recommends (推荐) or refuses; selection is for the {application.Level.Label()} level."),
            _ => null,
        };
    }

    private static Refusal? Closed(Application application) => application.State is ApplicationState.Selected or ApplicationState.Refused
        ? new("application.closed", $"The application was {application.State.Code()} ({application.State.Label()}); nothing more is decided on it.")
        : null;
}
