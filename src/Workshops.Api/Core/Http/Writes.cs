using Marten.Pagination;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Workshops.Core.Auth;

namespace Workshops.Core.Http;

public static class Writes
{
    /// <summary>Business dates are Chinese calendar dates (UTC+8).</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static DateOnly Today(this TimeProvider clock) => DayOf(clock.GetUtcNow());

    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(ChinaOffset).DateTime);

    public static Actor Actor(this HttpContext http) => Caller.From(http.User).Actor;

    public static string ETag(long version) => StreamWrites.ETag(version);
}

/// <summary>
/// Who records a fact and when, as a write's handler receives it: the caller, the moment (from the TimeProvider) and
/// that moment's business date.
/// </summary>
public sealed record Stamp(Actor By, DateTimeOffset At, DateOnly Today)
{
    public static Stamp Of(HttpContext http, TimeProvider clock)
    {
        var at = clock.GetUtcNow();
        return new Stamp(http.Actor(), at, Writes.DayOf(at));
    }

    /// <summary>Gives an endpoint parameter of type <see cref="Stamp"/> the request's stamp.</summary>
    public sealed class Parameter : Wolverine.Http.CodeGen.IParameterStrategy
    {
        public bool TryMatch(Wolverine.Http.HttpChain chain, JasperFx.IServiceContainer container, System.Reflection.ParameterInfo parameter,
            out JasperFx.CodeGeneration.Model.Variable? variable)
        {
            variable = null;
            if (parameter.ParameterType != typeof(Stamp)) return false;
            // One stamp per request, shared by the rules and the handler.
            variable = chain.ChainVariables.FirstOrDefault(v => v.VariableType == typeof(Stamp));
            if (variable is null)
            {
                variable = new JasperFx.CodeGeneration.Frames.MethodCall(typeof(Stamp), nameof(Of)).ReturnVariable!;
                chain.ChainVariables.Add(variable);
            }
            return true;
        }
    }
}

/// <summary>
/// Page parameters shared by every list: page 1–10,000, pageSize 1–100 (default 20). The bound on pages keeps the
/// offset a sane number (page 2147483647 overflowed it); a list that long is narrowed by its filters instead.
/// </summary>
/// <summary>The house edit convention: a <c>changes</c> object names only the fields it changes.</summary>
public static class Edits
{
    /// <summary>The names of the fields a <c>changes</c> object gives, in the order listed.</summary>
    public static IReadOnlyList<string> Given(params (string Name, bool Given)[] fields) => [.. fields.Where(f => f.Given).Select(f => f.Name)];
}

/// <summary>
/// A <c>changes</c> object of the edit convention. A field left out keeps its value; a field sent as JSON null clears
/// an optional value (a list becomes empty) and is refused for a required one. Which fields were sent is recorded as the
/// body is read: each property's setter says so (<see cref="Sent{T}"/>), so null and absent can be told apart. Setters, not
/// init accessors: the serializer passes init-only members like constructor arguments, every one of them, sent or not.
/// </summary>
public abstract record Changes
{
    private readonly HashSet<string> _sent = new(StringComparer.Ordinal);

    protected T Sent<T>(string name, T value)
    {
        _sent.Add(name);
        return value;
    }

    /// <summary>Whether the field was sent (with a value, or null to clear it).</summary>
    public bool Gave(string name) => _sent.Contains(name);

    /// <summary>The value after the change: the one sent (null clears it), or the one before when the field was left out.</summary>
    protected T? Or<T>(string name, T? sent, T? before) => Gave(name) ? sent : before;

    /// <summary>A list after the change: the one sent (null empties it), or the one before when left out.</summary>
    protected IReadOnlyList<T> Or<T>(string name, IReadOnlyList<T>? sent, IReadOnlyList<T> before) => Gave(name) ? sent ?? [] : before;

    /// <summary>400 under <c>changes.{name}</c> for each required field sent as null: it can be changed, not cleared.</summary>
    public Check Uncleared(Check check, params (string Name, object? Value)[] required)
    {
        foreach (var (name, value) in required)
            if (Gave(name) && value is null) check.Add($"changes.{name}", "is required and cannot be cleared: send a new value, or leave it out to keep it");
        return check;
    }
}

public static class Paging
{
    public const int MaxPageSize = 100;
    public const int MaxPage = 10_000;


    public const int DefaultPageSize = 20;

    /// <summary>One page of an ordered query (page 1 and <see cref="DefaultPageSize"/> unless asked) with the total.</summary>
    public static async Task<Page<T>> Read<T>(IQueryable<T> ordered, int? page, int? pageSize, CancellationToken ct)
    {
        var (number, size) = (page ?? 1, pageSize ?? DefaultPageSize);
        var list = await ordered.ToPagedListAsync(number, size, ct);
        return new Page<T>([.. list], number, size, list.TotalItemCount);
    }
}

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, long Total)
{
    public bool HasMore => (long)PageNumber * PageSize < Total;

    /// <summary>The same page carrying other items (each read from one of these, in order).</summary>
    public Page<TOther> With<TOther>(IReadOnlyList<TOther> items) => new(items, PageNumber, PageSize, Total);
}
