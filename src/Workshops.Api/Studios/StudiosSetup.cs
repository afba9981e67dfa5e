using JasperFx.Events.Projections;
using Marten;
using Workshops.Core;

namespace Workshops.Studios;

public static class StudiosSetup
{
    public static StoreOptions AddStudios(this StoreOptions opts)
    {
        // Inline, small and bounded: what commands decide on, and what never changes after establishment.
        opts.Projections.Add<StudioStateProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<StudioIdentityProjection>(ProjectionLifecycle.Inline);
        // The studio view is kept by the daemon; a read folds what it has not folded yet (StudioViews.Latest).
        opts.Projections.Add<StudioProjection>(ProjectionLifecycle.Async);
        // Studios are listed by region and paged by name: real columns, so a page of a city's studios sorts a few hundred
        // short strings instead of unpacking every document. Reviewers' tables read the views the same way.
        opts.Schema.For<StudioIdentity>()
            .Duplicate(s => s.Region.Province)
            .Duplicate(s => s.Region.City)
            .Duplicate(s => s.Region.District!)
            .Duplicate(s => s.Name);
        // The public showcase lists published profiles only: a column, indexed.
        opts.Schema.For<Studio>()
            .Duplicate(s => s.Published)
            .Duplicate(s => s.Region.Province)
            .Duplicate(s => s.Region.City)
            .Duplicate(s => s.Region.District!)
            .Duplicate(s => s.Name);
        foreach (var type in Core.Grouping.Implementing<IStudioEvent>()) opts.Events.AddEventType(type);
        return opts;
    }
}
