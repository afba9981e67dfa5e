using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;

namespace Workshops.Reference;

/// <summary>GET /api/reference — every enumeration the API accepts, as stable ASCII codes with Chinese labels.</summary>
public static class GetReferenceEndpoint
{
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<CodeLabel>>> All = new(() =>
        Codes.All().ToDictionary(Codes.NameOf, Codes.List));

    [WolverineGet("/api/reference", Name = "GetReference"), AllowAnonymous]
    [Tags("Reference")]
    public static IReadOnlyDictionary<string, IReadOnlyList<CodeLabel>> Get() => All.Value;
}
