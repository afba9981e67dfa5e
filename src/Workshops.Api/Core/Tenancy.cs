using System.Collections.Concurrent;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Wolverine.Http.Runtime.MultiTenancy;
using Workshops.Core.Auth;
using Workshops.Core.Http;

namespace Workshops.Core;

/// <summary>
/// Where each province's data lives. Configuration <c>Tenancy:Tenants:&lt;code&gt;</c> maps a six-digit province code
/// (350000, 110000, …) and the ministry's own code (000000) to a connection string; each is a Marten tenant with a
/// database of its own. Moving a province to another server is: copy its database, change its line, restart.
/// <para>
/// Without a map (the default, and what <c>ops/run</c> starts) every province lives in the one database of
/// <c>ConnectionStrings:Marten</c>, exactly as before tenancy existed: the store keeps its untenanted shape (no
/// tenant_id keys, no migration), requests detect no tenant, and a national read "fans out" to that one database
/// once. Keeping the region filters of the queries is what separates provinces there, as it always did.
/// </para>
/// </summary>
public sealed class Tenants
{
    public const string Section = "Tenancy";

    /// <summary>The ministry's own tenant: national rule sets, teacher registry, the "served in" index.</summary>
    public const string Ministry = Region.National;

    /// <summary>The one leg of a single-database deployment (the store's default session).</summary>
    public const string Single = "";

    private readonly IReadOnlyDictionary<string, string> map;

    public Tenants(IReadOnlyDictionary<string, string> map, string? main = null, TimeSpan? legTimeout = null)
    {
        this.map = map;
        Main = main ?? (map.TryGetValue(Ministry, out var ministry) ? ministry : null);
        LegTimeout = legTimeout ?? TimeSpan.FromSeconds(3);
        All = Separate ? map.Keys.Order(StringComparer.Ordinal).ToList() : [Single];
    }

    /// <summary>Reads the map from configuration and refuses one that would silently misbehave.</summary>
    public static Tenants From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var map = section.GetSection("Tenants").GetChildren()
            .Where(c => !string.IsNullOrWhiteSpace(c.Value))
            .ToDictionary(c => c.Key, c => c.Value!, StringComparer.Ordinal);
        var tenants = new Tenants(map, section["Main"], section.GetValue<TimeSpan?>("LegTimeout"));
        if (Problems(map).FirstOrDefault() is { } problem)
            throw new InvalidOperationException($"Tenancy:Tenants is not usable: {problem}");
        return tenants;
    }

    /// <summary>What is wrong with a tenant map: unknown codes, no ministry, two tenants in one database name.</summary>
    public static IEnumerable<string> Problems(IReadOnlyDictionary<string, string> map)
    {
        if (map.Count == 0) yield break;
        foreach (var code in map.Keys.Where(c => c != Ministry && !(Region.IsCode(c) && c.EndsWith("0000", StringComparison.Ordinal))))
            yield return $"{code} is neither a six-digit province code (e.g. 350000) nor the ministry's {Ministry}";
        if (!map.ContainsKey(Ministry))
            yield return $"the ministry's tenant {Ministry} is missing";
        // Wolverine and Marten tell databases apart by host and database name, not by port: two tenants with one database
        // name on two clusters of one host would share one set of projection agents, and one of them would never project.
        foreach (var same in map.GroupBy(t => new NpgsqlConnectionStringBuilder(t.Value).Database ?? "", StringComparer.Ordinal).Where(g => g.Count() > 1))
            yield return $"tenants {string.Join(", ", same.Select(t => t.Key))} share the database name '{same.Key}' (each province needs a database of its own, with a name unique in the deployment)";
    }

    /// <summary>Is there one database per province (else the single-database default)?</summary>
    public bool Separate => map.Count > 0;

    /// <summary>Every tenant, ordered; the single-database default has one leg, <see cref="Single"/>.</summary>
    public IReadOnlyList<string> All { get; }

    /// <summary>Wolverine's coordination database (nodes, agent assignments): the ministry's unless configured.</summary>
    public string? Main { get; }

    /// <summary>How long one tenant may take in a fan-out before the read answers without it.</summary>
    public TimeSpan LegTimeout { get; }

    public string ConnectionOf(string tenant) => map[tenant];

    /// <summary>Is <paramref name="tenant"/> a database of the map (always, in the single-database default)?</summary>
    public bool Has(string tenant) => !Separate || map.ContainsKey(tenant);

    /// <summary>The tenant holding a region code: its province (000000 is the ministry's).</summary>
    public static string Of(string code) =>
        code == Region.National ? Ministry : code.Length >= 2 ? code[..2] + "0000" : code;

    /// <summary>
    /// The tenants a caller may reach: a token whose region lies in a province reaches that province only; national
    /// tokens and tokens without a region (hosts and members, bounded by their studio claims) reach every tenant.
    /// </summary>
    public IReadOnlyList<string> Reachable(Caller caller)
    {
        if (!Separate || caller.Region is null or Region.National) return All;
        var own = Of(caller.Region);
        return All.Contains(own) ? [own] : [];
    }

    public bool Reaches(Caller caller, string tenant) =>
        !Separate || caller.Region is null or Region.National || Of(caller.Region) == tenant;

    /// <summary>The tenants of a scope the caller asked for (a region filter), within what the caller reaches.</summary>
    public IReadOnlyList<string> Within(Caller caller, string scope) =>
        !Separate || scope == Region.National ? Reachable(caller) : Reachable(caller).Where(t => t == Of(scope)).ToList();

    /// <summary>A query session on one tenant's database (the store's own in the single-database default).</summary>
    public IQuerySession Session(IDocumentStore store, string tenant) =>
        tenant == Single ? store.QuerySession() : store.QuerySession(tenant);

    /// <summary>
    /// Runs a read on the request's database before Wolverine opens the endpoint's sessions (an authorization check):
    /// with a database per province on a session of the request's tenant (<see cref="RequestTenant"/>; the container's
    /// session names no tenant there and fails), else on the container's session.
    /// </summary>
    public static async Task<T> OnRequestTenant<T>(HttpContext http, Func<IQuerySession, Task<T>> read)
    {
        var services = http.RequestServices;
        var tenants = services.GetRequiredService<Tenants>();
        if (!tenants.Separate) return await read(services.GetRequiredService<IQuerySession>());
        var tenant = await services.GetRequiredService<RequestTenant>().DetectTenant(http);
        await using var session = tenants.Session(services.GetRequiredService<IDocumentStore>(), tenant ?? Ministry);
        return await read(session);
    }

    /// <summary>
    /// Runs a read on each tenant in parallel, each bounded by <see cref="LegTimeout"/>. A tenant that fails or does not
    /// answer in time is named in the result's <see cref="Legs{T}.Missing"/>; nothing throws.
    /// </summary>
    public async Task<Legs<T>> Each<T>(IDocumentStore store, IEnumerable<string> tenants,
        Func<IQuerySession, CancellationToken, Task<T>> read, CancellationToken ct)
    {
        var legs = await Task.WhenAll(tenants.Select(async tenant =>
        {
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
            bound.CancelAfter(LegTimeout);
            try
            {
                await using var session = Session(store, tenant);
                var value = await read(session, bound.Token).WaitAsync(LegTimeout, ct);
                return new Leg<T>(tenant, value, null);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                return new Leg<T>(tenant, default, e);
            }
        }));
        return new Legs<T>(legs);
    }
}

public sealed record Leg<T>(string Tenant, T? Value, Exception? Failure);

/// <summary>What each tenant answered in a fan-out.</summary>
public sealed record Legs<T>(IReadOnlyList<Leg<T>> All)
{
    public IEnumerable<T> Values => All.Where(l => l.Failure is null).Select(l => l.Value!);

    /// <summary>The tenants that did not answer, ordered.</summary>
    public IReadOnlyList<string> Missing => All.Where(l => l.Failure is not null).Select(l => l.Tenant).Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The national answer's completeness: with every tenant answering, nothing; otherwise a <c>Missing-Provinces</c>
    /// header naming them, or — when the caller asked for <c>complete=true</c> — a 503 refusal. When no tenant answered
    /// at all, the first failure is thrown: the data is unavailable (503 through the exception handler), not empty.
    /// </summary>
    public ProblemDetails? Incomplete(HttpContext http, bool? complete)
    {
        var missing = Missing;
        if (missing.Count == 0) return null;
        if (missing.Count == All.Count) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(All[0].Failure!);
        if (complete == true)
            return new ProblemDetails
            {
                Type = Core.Problems.TypeOf("tenancy.incomplete"),
                Title = "Service unavailable",
                Status = StatusCodes.Status503ServiceUnavailable,
                Detail = $"The databases of {string.Join(", ", missing)} did not answer; a complete answer was asked for. Retry shortly.",
                Extensions = { ["missing"] = missing },
            };
        http.Response.Headers[MissingHeader] = string.Join(",", missing);
        return null;
    }

    public const string MissingHeader = "Missing-Provinces";
}

/// <summary>
/// The caller's token does not reach the province a request is about: a province's (city's, district's) token reaches its
/// own province; a host's or member's token, which has no region, places new records only in its studios' provinces.
/// Answered 403 with the rule <c>tenancy.province</c>, the province needed (<c>province</c>) and the provinces the token
/// reaches (<c>reaches</c>).
/// </summary>
public sealed class TenantRefused(Caller caller, string tenant, IReadOnlyList<string> reaches) : Exception(Describe(caller, tenant, reaches))
{
    public string Tenant => tenant;

    public IReadOnlyList<string> Reaches => reaches;

    public ProblemDetails Problem() => new()
    {
        Type = Core.Problems.TypeOf("tenancy.province"),
        Title = "Forbidden",
        Status = StatusCodes.Status403Forbidden,
        Detail = Message,
        Extensions = { ["rule"] = "tenancy.province", ["province"] = tenant, ["reaches"] = reaches },
    };

    private static string Describe(Caller caller, string tenant, IReadOnlyList<string> reaches)
    {
        var needed = tenant == Tenants.Ministry
            ? $"This is the ministry's data ({Tenants.Ministry}): it needs a national token (region claim {Tenants.Ministry})"
            : $"This is province {tenant}'s data, kept in that province's database: it needs a token of province {tenant} (a region claim of " +
              $"{tenant} or of a city or district in it) or a national one ({Tenants.Ministry})" +
              (caller.Region is null ? $", or a token naming a studio of province {tenant}" : "");
        var within = reaches.Count == 0 ? "no province of this deployment" : string.Join(", ", reaches);
        var has = caller.Region is { Length: > 0 } region
            ? $"the caller's region claim {region} reaches {within} only"
            : caller.Studios.Count == 0 ? "the caller's token has neither a region nor a studio claim" : $"the caller's studios are in {within}";
        return $"{needed}; {has}.";
    }
}

/// <summary>
/// An endpoint that asks every province it needs itself for a caller whose token spans provinces (a teacher's growth
/// file and hours): the teacher in its route does not choose the request's province.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadsAcrossProvincesAttribute : Attribute;

/// <summary>
/// The province whose database keeps a teacher's record, for a caller whose token spans provinces (a national token, or
/// a host's or member's, which carry no region); the growth feature finds it through the ministry's "served in" index.
/// </summary>
public interface ITeacherHomes
{
    /// <summary>The province holding the teacher's record (else where they joined a studio last); null when none the caller reaches knows them.</summary>
    Task<string?> Of(Caller caller, string teacherId, CancellationToken ct);
}

/// <summary>
/// The tenant of a request, in order: the region in the path (<c>{code}</c>) or in the query (<c>?region=</c>); the studio in the path (its region,
/// found by <see cref="IStudioScopes"/>); the teacher in the path (<c>{teacherId}</c>), for a caller whose token spans
/// provinces: the province keeping their record (<see cref="ITeacherHomes"/>); the region of a JSON body (establishing a
/// studio, registering a teacher); else the caller's own region, else the ministry. The caller's token must reach it
/// (<see cref="Tenants.Reaches"/>), else 403. Wolverine opens every session of the request (and the outbox) on that
/// tenant's database.
/// </summary>
public sealed class RequestTenant(Tenants tenants, IStudioScopes studios, ITeacherHomes teachers) : ITenantDetection
{
    private const string ItemKey = "workshops.tenant";

    /// <summary>
    /// The request's tenant, worked out once per request: the idempotency keys (before the endpoint) and Wolverine's
    /// sessions (in it) use the same answer.
    /// </summary>
    public async ValueTask<string?> DetectTenant(HttpContext http)
    {
        if (http.Items[ItemKey] is string known) return known;
        var tenant = await Detect(http);
        http.Items[ItemKey] = tenant;
        return tenant;
    }

    private async ValueTask<string> Detect(HttpContext http)
    {
        var tenant = await Named(http);
        var caller = Caller.TryFrom(http.User);
        tenant ??= caller?.Region is { } own && Region.IsCode(own) ? Tenants.Of(own) : Tenants.Ministry;
        if (caller is null) return tenant;
        if (!tenants.Reaches(caller, tenant)) throw new TenantRefused(caller, tenant, tenants.Reachable(caller));
        // A token without a region (a host's, a member's) reaches every province to follow its studios and teachers there,
        // but a new record its body places (a teacher registered at a school of a region) goes only to its studios' provinces.
        if (caller.Region is null && BodyShape.Province(http) is { } placed && Tenants.Of(placed) == tenant
            && await ProvincesOfStudios(http, caller) is var theirs && !theirs.Contains(tenant))
            throw new TenantRefused(caller, tenant, theirs);
        return tenant;
    }

    /// <summary>The provinces of the studios a token names (each looked up once per node, then cached), ordered.</summary>
    private async ValueTask<IReadOnlyList<string>> ProvincesOfStudios(HttpContext http, Caller caller)
    {
        var provinces = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var studio in caller.Studios.Take(20))
            if (await studios.RegionOf(http.RequestServices, studio, http.RequestAborted) is { } region)
                provinces.Add(Tenants.Of(region.Province));
        return [.. provinces];
    }

    private async ValueTask<string?> Named(HttpContext http)
    {
        if (http.GetRouteValue("code")?.ToString() is { } code && Region.IsScope(code)) return Tenants.Of(code);
        // A region filter in the query (?region=) names the province a regional read is about; a write whose body places
        // its new record (below) is not moved elsewhere by one.
        if (http.Request.Query["region"].ToString() is { } filter && Region.IsCode(filter) && BodyShape.Province(http) is null)
            return Tenants.Of(filter);
        // Only a studio's route probes the provinces for it (an application's or a webhook's id is not a studio's).
        if (await StudioRoute.RegionOf(http, studios) is { } region) return Tenants.Of(region.Province);
        // A token without a province (a host's, a member's, a national one) reaches a teacher's record where it is kept;
        // a province's token reads its own database (the record of another province is not there: 404).
        if (tenants.Separate && http.Request.Path.StartsWithSegments("/api/teachers")
            && http.GetRouteValue("teacherId")?.ToString() is { Length: > 0 } teacher && Caller.TryFrom(http.User) is { } caller
            && tenants.Reachable(caller).Count > 1 && http.GetEndpoint()?.Metadata.GetMetadata<ReadsAcrossProvincesAttribute>() is null
            && await teachers.Of(caller, teacher, http.RequestAborted) is { } home)
            return home;
        // The region of a JSON body (establishing a studio, registering a teacher), as the body's shape check read it.
        return BodyShape.Province(http) is { } province ? Tenants.Of(province) : null;
    }
}

/// <summary>
/// The databases for what is written and read with plain SQL beside Marten's sessions: idempotency keys, kept views,
/// the feed's high-water mark, the case tables, schema upgrades. In the single-database default that is the one shared
/// data source; with a database per province, a pool per tenant database (the ministry's is the shared one), so each
/// reaches the database of the request's (or the session's) tenant, never the ministry's by accident.
/// </summary>
public sealed class TenantData(Tenants tenants, NpgsqlDataSource shared) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, NpgsqlDataSource> sources = new(StringComparer.Ordinal);

    /// <summary>The data source of a tenant; null for a province that has no database in the map.</summary>
    public NpgsqlDataSource? For(string? tenant) =>
        !tenants.Separate || tenant is null or Tenants.Single or Tenants.Ministry ? shared
        : tenants.Has(tenant) ? sources.GetOrAdd(tenant, t => Setup.DataSource(tenants.ConnectionOf(t)))
        : null;

    /// <summary>The database a session reads and writes (the request's tenant, for a session Wolverine opened).</summary>
    public NpgsqlDataSource Of(IQuerySession session) =>
        For(session.TenantId) ?? throw new InvalidOperationException($"Tenant {session.TenantId} has no database.");

    /// <summary>The database of the request's tenant (<see cref="RequestTenant"/>); null for a province without one.</summary>
    public async ValueTask<NpgsqlDataSource?> Of(HttpContext http) =>
        !tenants.Separate ? shared : For(await http.RequestServices.GetRequiredService<RequestTenant>().DetectTenant(http));

    /// <summary>Every tenant database, each once.</summary>
    public IEnumerable<NpgsqlDataSource> Every => tenants.All.Select(t => For(t)!).Distinct();

    public async ValueTask DisposeAsync()
    {
        foreach (var source in sources.Values) await source.DisposeAsync();
    }
}
