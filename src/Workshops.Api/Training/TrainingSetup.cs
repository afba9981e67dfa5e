using JasperFx.Events.Projections;
using Marten;
using Workshops.Teachers;

namespace Workshops.Training;

public static class TrainingSetup
{
    /// <summary>
    /// A teacher's training record is kept inline with their stream (its events are registered with the teacher's, as
    /// <see cref="ITeacherEvent"/>s). Region lists find teachers by the schools on their records: a GIN index on them.
    /// </summary>
    public static StoreOptions AddTraining(this StoreOptions opts)
    {
        opts.Projections.Add<TrainingRecordProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<TrainingRecord>().Duplicate(t => t.TeacherId);
        opts.Schema.For<TeacherRecord>().GinIndexJsonDataMember(r => r.Schools);
        // Adoptions are added to a region's list: two at once must not lose one, so the second write conflicts (409).
        opts.Schema.For<RegionCreditRules>().UseOptimisticConcurrency(true);
        return opts;
    }
}
