using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Attributes;
using Wolverine.Http;
using Wolverine.Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Programmes;
using Workshops.Studios;

namespace Workshops.Roster;

public sealed record AddMember(TeacherInfo Teacher, DateOnly? On = null);

/// <summary>The answer to a member joining: the new version, the rule set the roster was judged by and its warnings.</summary>
public sealed record MemberAdded(Guid StudioId, long Version, string RuleSet, IReadOnlyList<Warning> Warnings) : Written(StudioId, Version);

/// <summary>
/// POST /api/studios/{id}/members — a member joins. The studio's rule set on the day decides the size: Xiamen's K-12
/// set refuses a fifth member (members.max, seed 000); the vocational set only warns above its advised size
/// (规模适宜, seed 001) and when the studio's own school is not the core (本校); the answer carries the warnings.
/// </summary>
public static class AddMemberEndpoint
{
    public static Task<RuleSetChoice?> LoadAsync(Guid id, AddMember command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        RosterJudging.RuleSetOf(session, id, command.On ?? clock.Today(), ct);

    public static ProblemDetails Validate(AddMember command, TimeProvider clock)
    {
        var check = new Check();
        TeacherInfo.Check(check, command.Teacher, "teacher", clock.Today());
        return check.Result();
    }

    [WolverineBefore]
    public static ProblemDetails Rules(AddMember command, StudioState studio, RuleSetChoice? ruleSet, Stamp stamp) =>
        RosterRules.AddMember(studio, command.Teacher, ruleSet?.RuleSet ?? RuleSetPresets.National, command.On ?? stamp.Today, stamp.Today).OrContinue();

    [WolverinePost("/api/studios/{id}/members", Name = "AddMember"), Authorize(Policy = Policies.StudioManage), Appends(Answers = typeof(MemberAdded))]
    [Tags("Roster")]
    public static MemberJoined Post(AddMember command, [WriteAggregate("id")] StudioState studio, Stamp stamp) =>
        new(command.Teacher, command.On ?? stamp.Today, stamp.By, stamp.At);

    /// <summary>After the commit: the roster as the rule set judges it on the day the member joined.</summary>
    public static async Task<MemberAdded> Answer(Written written, AddMember command, RuleSetChoice? ruleSet, IDocumentSession session, Stamp stamp,
        CancellationToken ct)
    {
        var set = ruleSet?.RuleSet ?? RuleSetPresets.National;
        var view = await StudioViews.Latest(session, written.StudioId, ct);
        var judged = view is null ? new RosterJudged(set.Code, []) : await RosterJudging.Judge(session, view, set, command.On ?? stamp.Today, ct);
        return new MemberAdded(written.StudioId, written.Version, judged.RuleSet, judged.Warnings);
    }
}
