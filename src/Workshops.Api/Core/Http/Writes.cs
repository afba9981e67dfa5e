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

public static class Paging
{
    public const int MaxPageSize = 100;
    public const int MaxPage = 10_000;

    public static ProblemDetails? Check(int? page, int? pageSize)
    {
        var check = new Check()
            .When(page is < 1 or > MaxPage, "page", $"must be between 1 and {MaxPage}")
            .When(pageSize is < 1 or > MaxPageSize, "pageSize", $"must be between 1 and {MaxPageSize}");
        return check.Ok ? null : check.Result();
    }

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
