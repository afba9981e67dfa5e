using JasperFx.Events.Projections;
using Marten;
using Workshops.Roster;

namespace Workshops.Studios;

public static class StudiosSetup
{
    public static StoreOptions AddStudios(this StoreOptions opts)
    {
        opts.Projections.Add<StudioProjection>(ProjectionLifecycle.Inline);
        // Reviewers' tables filter studios by region and page them by name: real columns, so a page of a city's
        // studios sorts a few hundred short strings instead of unpacking every studio document.
        opts.Schema.For<Studio>()
            .Duplicate(s => s.Region.Province)
            .Duplicate(s => s.Region.City)
            .Duplicate(s => s.Region.District!)
            .Duplicate(s => s.Name);
        foreach (var type in Core.Grouping.Implementing<IStudioEvent>()) opts.Events.AddEventType(type);
        return opts;
    }
}
