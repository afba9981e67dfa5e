using Workshops.Core.Auth;
using Workshops.Outputs;
using Workshops.Studios;

namespace Workshops.Showcase;

/// <summary>
/// seed 001 四 (推介宣传, 共建共研共享): a studio chooses what the public sees. Nothing is public until its host publishes
/// it: the studio's profile, and each approved output one by one. Unpublishing takes it back.
/// </summary>
public sealed record StudioProfilePublished(Actor By, DateTimeOffset At) : IStudioEvent;

public sealed record StudioProfileUnpublished(Actor By, DateTimeOffset At) : IStudioEvent;

/// <summary>The host published an approved (or recommended) output in the public showcase.</summary>
public sealed record OutputPublished(Guid OutputId, Actor By, DateTimeOffset At) : IOutputEvent;

public sealed record OutputUnpublished(Guid OutputId, Actor By, DateTimeOffset At) : IOutputEvent;
