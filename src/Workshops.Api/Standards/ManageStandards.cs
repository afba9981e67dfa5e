using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;

namespace Workshops.Standards;

/// <summary>GET /api/standards — every standard and edition, with items, wording and rule codes.</summary>
public static class ListStandardsEndpoint
{
    [WolverineGet("/api/standards", Name = "ListStandards"), Authorize(Policy = Policies.Authenticated)]
    [Tags("Standards")]
    public static Task<IReadOnlyList<Standard>> Get(IQuerySession session, CancellationToken ct) => StandardsLibrary.All(session, ct);
}

/// <summary>GET /api/standards/{standard} — one standard edition by its code (where POST /api/standards points).</summary>
public static class GetStandardEndpoint
{
    [WolverineGet("/api/standards/{standard}", Name = "GetStandard"), Authorize(Policy = Policies.Authenticated)]
    [Tags("Standards")]
    [ProducesResponseType<Standard>(200)]
    public static async Task<IResult> Get(string standard, IQuerySession session, CancellationToken ct) =>
        await StandardsLibrary.Find(session, standard, ct) is { } found
            ? Results.Ok(found)
            : Results.Problem(Problems.NotFound($"No standard {standard}: GET /api/standards lists them."));
}

/// <summary>POST /api/standards — a reviewer adds a later edition as data; its items use the existing rule codes.</summary>
public static class AddStandardEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(Standard standard, IQuerySession session, CancellationToken ct)
    {
        var check = new Check()
            .Text(standard.Title, "title", 200).Text(standard.Edition, "edition", 50).Text(standard.Source, "source", 200)
            .Count(standard.Items, "items", 1, 200)
            .When(string.IsNullOrEmpty(standard.Code) || standard.Code.Length > 50 ||
                  !standard.Code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'), "code",
                "must be 1-50 lower-case ASCII letters, digits or '-'");
        for (var i = 0; i < (standard.Items?.Count ?? 0); i++)
        {
            var item = standard.Items![i];
            check.Text(item.Code, $"items[{i}].code", 20).Text(item.Title, $"items[{i}].title", 200)
                .Text(item.Wording, $"items[{i}].wording", 2000).Text(item.Level1, $"items[{i}].level1", 100)
                .Text(item.Level2, $"items[{i}].level2", 100)
                .When(!ChecklistRules.Known(item.Rule ?? ""), $"items[{i}].rule", "is not a known evaluation rule");
        }
        if (standard.Items is not null && standard.Items.Select(i => i.Code).Distinct().Count() != standard.Items.Count)
            check.Add("items", "item codes must be distinct");
        if (!check.Ok) return check.Result();
        return await StandardsLibrary.Find(session, standard.Code, ct) is not null
            ? Problems.Rule("standard.exists", $"A standard {standard.Code} exists; add a new edition under a new code.")
            : WolverineContinue.NoProblems;
    }

    [WolverinePost("/api/standards", Name = "AddStandard"), Authorize(Policy = Policies.RegionManage)]
    [Tags("Standards")]
    public static (CreationResponse, IMartenOp) Post(Standard standard, HttpContext http, TimeProvider clock) =>
        (new CreationResponse($"/api/standards/{standard.Code}"),
            MartenOps.Insert(new CustomStandard { Id = standard.Code, Standard = standard, By = http.Actor(), At = clock.GetUtcNow() }));
}

public sealed record AdoptStandards(IReadOnlyList<string> Standards);

/// <summary>PUT /api/regions/{code}/standards — a region adopts editions; the first is its default.</summary>
public static class AdoptStandardsEndpoint
{
    [WolverinePut("/api/regions/{code}/standards", Name = "AdoptStandards"), Authorize(Policy = Policies.RegionManage)]
    [Tags("Standards")]
    [ProducesResponseType<RegionStandards>(200)]
    public static async Task<IResult> Put(string code, AdoptStandards command, IDocumentSession session, HttpContext http, TimeProvider clock,
        CancellationToken ct)
    {
        if (!Region.IsCode(code)) return Results.Problem(Problems.Invalid("code", "must be a six-digit region code"));
        var caller = Caller.From(http.User);
        if (!caller.CoversCode(code)) return Results.Problem(Problems.Forbidden($"The caller's region ({caller.Region}) does not cover {code}."));
        if (command.Standards is null || command.Standards.Count is 0 or > 10) return Results.Problem(Problems.Invalid("standards", "list 1-10 codes"));
        var all = await StandardsLibrary.All(session, ct);
        var unknown = command.Standards.Where(s => all.All(a => a.Code != s)).ToList();
        if (unknown.Count > 0) return Results.Problem(Problems.Rule("standard.unknown", $"Unknown standards: {string.Join(", ", unknown)}."));
        var adopted = new RegionStandards { Id = code, Standards = [.. command.Standards.Distinct()], By = http.Actor(), At = clock.GetUtcNow() };
        session.Store(adopted);
        await session.SaveChangesAsync(ct);
        return Results.Ok(adopted);
    }
}
