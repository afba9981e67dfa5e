using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Studios;

namespace Workshops.Standards;

[Codes("item-statuses")]
public enum ItemStatus
{
    [Label("达标")] Met,
    [Label("部分达标")] PartlyMet,
    [Label("未达标")] NotMet,
    [Label("待认定")] AwaitingAttestation,
}

/// <summary>A person's judgement of an item only a person can judge (ethics, class quality …); it is itself evidence.</summary>
public sealed record AttestationRecorded(Guid AttestationId, string Standard, string Code, int Year, bool Met, string Note, Actor By,
    DateTimeOffset At) : IStudioEvent;
