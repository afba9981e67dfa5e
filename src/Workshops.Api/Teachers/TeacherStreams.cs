using Workshops.Integrations;

namespace Workshops.Teachers;

/// <summary>
/// A teacher's public id is the string schools already use (the roster's teacher ids); the event store keys streams by
/// UUID, so a teacher's stream id is the name-based (version 5) UUID of that id in a namespace of its own: the same
/// id always finds the same stream, with no lookup table to keep.
/// </summary>
public static class TeacherStreams
{
    private static readonly Guid Namespace = Guid.Parse("61edd208-26a5-4d85-8b43-70bdd749ec5f");

    public static Guid IdOf(string teacherId) => IntegrationEvents.NameBased(Namespace, teacherId);
}
