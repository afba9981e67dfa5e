using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Workshops.Core.Auth;

namespace Workshops.Core.Http;

/// <summary>The answer to a write on a studio stream: the studio and its new version (also sent as ETag).</summary>
public record Written(Guid StudioId, long Version);

public static class Writes
{
    /// <summary>Business dates are Chinese calendar dates (UTC+8).</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static DateOnly Today(this TimeProvider clock) =>
        DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaOffset).DateTime);

    public static Actor Actor(this HttpContext http) => Caller.From(http.User).Actor;

    public static string ETag(long version) => $"\"{version}\"";

    /// <summary>
    /// If-Match carries the stream version the client last read (as the ETag "n", W/"n" or a bare n).
    /// A mismatch answers 412; "*" or no header always passes.
    /// </summary>
    public static ProblemDetails? IfMatch(HttpContext http, long version)
    {
        var header = http.Request.Headers[HeaderNames.IfMatch].ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*") return null;
        foreach (var candidate in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var text = candidate.StartsWith("W/", StringComparison.Ordinal) ? candidate[2..] : candidate;
            text = text.Trim('"');
            if (long.TryParse(text, out var given) && given == version) return null;
        }
        return Problems.PreconditionFailed(version, header);
    }

    /// <summary>Answers a write that appended <paramref name="appended"/> events to a stream at <paramref name="version"/>.</summary>
    public static Written Done(HttpContext http, Guid studioId, long version, int appended = 1)
    {
        var next = version + appended;
        http.Response.Headers.ETag = ETag(next);
        return new Written(studioId, next);
    }
}

/// <summary>
/// Page parameters shared by every list: page 1–10,000, pageSize 1–100 (default 20). The bound on pages keeps the
/// offset a sane number (page 2147483647 overflowed it); a list that long is narrowed by its filters instead.
/// </summary>
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
}

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, long Total)
{
    public bool HasMore => (long)PageNumber * PageSize < Total;
}
