using JasperFx.Events.Projections;
using Marten;

namespace Workshops.Teachers;

public static class TeachersSetup
{
    /// <summary>A teacher's record is kept inline with its stream: small, bounded, and read right after a write.</summary>
    public static StoreOptions AddTeachers(this StoreOptions opts)
    {
        opts.Projections.Add<TeacherRecordProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<TeacherRecord>().Duplicate(r => r.TeacherId);
        foreach (var type in Core.Grouping.Implementing<ITeacherEvent>()) opts.Events.AddEventType(type);
        return opts;
    }
}
