using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Studios;

namespace Workshops.Reference;

/// <summary>
/// GET /api/reference/regions?parent= — the administrative divisions directly inside a code (cities of a province,
/// county-level divisions of a city); without a parent, or with the national scope 000000, the provinces.
/// </summary>
public static class GetRegionsEndpoint
{
    [WolverineGet("/api/reference/regions", Name = "GetRegions"), AllowAnonymous]
    [Tags("Reference")]
    [ProducesResponseType<IReadOnlyList<Division>>(200)]
    public static IResult Get(string? parent)
    {
        if (parent is null || parent == Region.National) return Results.Ok(Divisions.Provinces);
        if (!Region.IsCode(parent)) return Results.Problem(Problems.Invalid("parent", "must be a six-digit region code, e.g. 350200"));
        return Divisions.Exists(parent)
            ? Results.Ok(Divisions.Children(parent))
            : Results.Problem(Problems.NotFound($"{parent} is not a code in the division list."));
    }
}
