using JasperFx.Events;
using Workshops.Core.Auth;

namespace Workshops.Studios;

/// <summary>Every studio event carries who recorded it and when.</summary>
public interface IStudioEvent
{
    Actor By { get; }
    DateTimeOffset At { get; }
}

/// <summary>Points at the event behind a fact, so views can show their evidence.</summary>
public sealed record EventRef(Guid EventId, string Type, long Version, Actor By, DateTimeOffset At)
{
    public static EventRef Of(IEvent e) =>
        new(e.Id, e.EventTypeName, e.Version, (e.Data as IStudioEvent)?.By ?? new Actor("", "", Role.Host),
            (e.Data as IStudioEvent)?.At ?? e.Timestamp);
}
