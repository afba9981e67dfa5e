using Workshops.Core;
namespace Workshops.Studios;

public static class StudioQueries
{
    /// <summary>Studios inside a scope: the national scope, or a province, city or district code.</summary>
    public static IQueryable<Studio> InRegion(this IQueryable<Studio> studios, string scope) =>
        scope == Region.National
            ? studios
            : studios.Where(s => s.Region.Province == scope || s.Region.City == scope || s.Region.District == scope);

    /// <summary>Studios inside a scope, by their identities (written when a studio is established).</summary>
    public static IQueryable<StudioIdentity> InRegion(this IQueryable<StudioIdentity> studios, string scope) =>
        scope == Region.National
            ? studios
            : studios.Where(s => s.Region.Province == scope || s.Region.City == scope || s.Region.District == scope);
}
