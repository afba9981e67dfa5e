using JasperFx.Events.Projections;
using Marten;

namespace Workshops.Submissions;

public static class SubmissionsSetup
{
    /// <summary>A package is read as it was written: the projection runs in the write's transaction.</summary>
    public static StoreOptions AddSubmissions(this StoreOptions opts)
    {
        opts.Projections.Add<SubmissionProjection>(ProjectionLifecycle.Inline);
        foreach (var type in Core.Grouping.Implementing<ISubmissionEvent>()) opts.Events.AddEventType(type);
        return opts;
    }
}
