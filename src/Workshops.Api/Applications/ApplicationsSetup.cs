using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Workshops.Core.Auth;

namespace Workshops.Applications;

public static class ApplicationsSetup
{
    /// <summary>Who acts on applications: a school applies and attests; reviewers recommend, select and refuse; both read (within their region, checked per application).</summary>
    public const string Apply = Policies.ApplicationApply;
    public const string Review = Policies.ApplicationReview;
    public const string Read = Policies.ApplicationRead;

    /// <summary>An application is read as it was written: the projection runs in the write's transaction.</summary>
    public static StoreOptions AddApplications(this StoreOptions opts)
    {
        opts.Projections.Add<ApplicationProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<Application>()
            .Duplicate(a => a.Region.Province)
            .Duplicate(a => a.Region.City)
            .Duplicate(a => a.Region.District!);
        foreach (var type in Core.Grouping.Implementing<IApplicationEvent>()) opts.Events.AddEventType(type);
        return opts;
    }

    public static WebApplicationBuilder AddApplicationAccess(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthorization(o =>
        {
            o.AddPolicy(Apply, p => p.RequireAuthenticatedUser().AddRequirements(new RoleRequirement(Role.School)));
            o.AddPolicy(Review, p => p.RequireAuthenticatedUser().AddRequirements(new RoleRequirement(Role.Reviewer)));
            o.AddPolicy(Read, p => p.RequireAuthenticatedUser().AddRequirements(new RoleRequirement(Role.School, Role.Reviewer)));
        });
        return builder;
    }

    /// <summary>Applications inside a scope: the national scope, or a province, city or district code.</summary>
    public static IQueryable<Application> InRegion(this IQueryable<Application> applications, string scope) =>
        scope == Core.Region.National
            ? applications
            : applications.Where(a => a.Region.Province == scope || a.Region.City == scope || a.Region.District == scope);
}
