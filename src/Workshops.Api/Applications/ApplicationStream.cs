using JasperFx.Events;
using Marten;

namespace Workshops.Applications;

/// <summary>The answer to a write on an application: its id, the stream's new version (also the ETag) and, once selected, the studio.</summary>
public sealed record ApplicationWritten(Guid ApplicationId, long Version, Guid? StudioId = null);

/// <summary>
/// An application loaded for writing (Marten checks on save that no other write came between: 409). Every write runs
/// the checks in the house order: an application outside the caller's region is not found (404, as if absent), then
/// the input (400), If-Match (412) and the rule (422, pure: <see cref="ApplicationRules"/>). The role is the policy's (403).
/// </summary>
public sealed class ApplicationStream(Guid id, IEventStream<Application> stream)
{
    public Guid Id { get; } = id;
    public Application? Application => stream.Aggregate;
    public long Version => stream.CurrentVersion ?? 0;

    public static async Task<ApplicationStream> Load(IDocumentSession session, Guid id, CancellationToken ct) =>
        new(id, await session.Events.FetchForWriting<Application>(id, ct));

    public ProblemDetails Check(HttpContext http, Check input, Func<Application, Refusal?> rule)
    {
        if (Application is null || !Caller.From(http.User).Covers(Application.Region)) return Problems.NotFound($"No application {Id}.");
        if (!input.Ok) return input.Result();
        if (StreamWrites.IfMatch(http, Version) is { } stale) return stale;
        return rule(Application).OrContinue();
    }

    /// <summary>Appends the event and answers with the new version as the ETag.</summary>
    public ApplicationWritten Append(HttpContext http, IApplicationEvent e, Guid? studioId = null)
    {
        stream.AppendOne(e);
        var version = Version + 1;
        http.Response.Headers.ETag = Writes.ETag(version);
        return new ApplicationWritten(Id, version, studioId);
    }
}
