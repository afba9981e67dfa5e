using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Contract;
using Workshops.Studios;

namespace Workshops.Applications;

/// <summary>An event of an application's stream (one stream per application, 申报).</summary>
public interface IApplicationEvent
{
    Guid ApplicationId { get; }
    Actor By { get; }
    DateTimeOffset At { get; }
}

/// <summary>
/// The 建设方案 (construction plan) an application carries, seed 001 Annex 1, 1.2–1.3 and 二.1–3: the studio's
/// positioning (定位), its members (团队组成), its build mode (建设模式) and its goals (建设目标, expected outputs). It is
/// a document of its own, distinct from any year's annual plan.
/// </summary>
public sealed record ConstructionPlan(
    [Text(3000)] string Positioning,
    [Text(3000)] string Members,
    BuildMode Mode,
    [Text(3000)] string Goals);

/// <summary>Where an application stands.</summary>
[Codes("application-states")]
public enum ApplicationState
{
    [Label("已申报")] Applied,
    [Label("推荐中")] Recommended,
    [Label("已遴选")] Selected,
    [Label("未通过")] Refused,
}

/// <summary>A school applied for a studio of a level, with its construction plan.</summary>
public sealed record StudioApplied(Guid ApplicationId, string Name, string School, Region Region, StudioLevel Level, Track Track, bool Rural,
    ConstructionPlan Plan, Actor By, DateTimeOffset At) : IApplicationEvent;

/// <summary>The school attested that its Party organisation approved the construction plan (学校党组织把关, seed 001 Annex 1, 1.3.1).</summary>
public sealed record PartyApprovalAttested(Guid ApplicationId, DateOnly On, string? Note, Actor By, DateTimeOffset At) : IApplicationEvent;

/// <summary>A reviewer of the level below the one applied for recommended (推荐) the application upward.</summary>
public sealed record ApplicationRecommended(Guid ApplicationId, StudioLevel Stage, string? Note, Actor By, DateTimeOffset At) : IApplicationEvent;

/// <summary>A reviewer whose turn it was refused the application (不予推荐 / 未予遴选), with the reason.</summary>
public sealed record ApplicationRefused(Guid ApplicationId, StudioLevel Stage, string Reason, Actor By, DateTimeOffset At) : IApplicationEvent;

/// <summary>A reviewer of the level applied for selected (遴选) the application: the studio <paramref name="StudioId"/> is established at that level from <paramref name="FoundedOn"/>.</summary>
public sealed record ApplicationSelected(Guid ApplicationId, Guid StudioId, DateOnly FoundedOn, string? Note, Actor By, DateTimeOffset At) : IApplicationEvent;
