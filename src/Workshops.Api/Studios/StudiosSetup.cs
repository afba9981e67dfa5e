using JasperFx.Events.Projections;
using Marten;
using Workshops.Roster;

namespace Workshops.Studios;

public static class StudiosSetup
{
    public static StoreOptions AddStudios(this StoreOptions opts)
    {
        opts.Projections.Add<StudioProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<Studio>()
            .Index(s => s.Region.Province)
            .Index(s => s.Region.City)
            .Index(s => s.Region.District!);
        foreach (var type in typeof(IStudioEvent).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IStudioEvent).IsAssignableFrom(t)))
        {
            opts.Events.AddEventType(type);
        }
        return opts;
    }
}
