using Marten;
using Workshops.Core;

namespace Workshops.Studios;

/// <summary>The studio view as of its stream's last event: the daemon keeps it, and the events it has not folded yet are folded here.</summary>
public static class StudioViews
{
    public static async Task<Studio?> Latest(IQuerySession session, Guid id, CancellationToken ct)
    {
        var read = await Core.Latest.Of(session, [id], ct, new Core.Latest.Want(typeof(Studio), new[] { id }));
        return Fold(read, 0, id) ?? (Missed(read, id) ? await FromStream(session, id, ct) : null);
    }

    /// <summary>
    /// Whether a stream that exists folded to no view: the projection's progression passed the stream's first event
    /// while no view was kept for it (the daemon moved its high-water mark over a sequence gap that an event filled
    /// later). The stored views cannot answer for that stream; its events can (<see cref="FromStream"/>).
    /// </summary>
    public static bool Missed(Core.Latest.Read read, Guid id) =>
        read.Versions.ContainsKey(id) && !read.Found[0].Of<Studio>().Any(s => s.Id == id);

    /// <summary>The studio view folded from every event of its stream (the fallback when the kept view missed some).</summary>
    public static async Task<Studio?> FromStream(IQuerySession session, Guid id, CancellationToken ct)
    {
        Studio? studio = null;
        foreach (var e in await session.Events.FetchStreamAsync(id, token: ct))
            studio = Studio.Fold(studio, e) is { } next ? next with { Version = e.Version } : null;
        return studio;
    }

    /// <summary>Folds the events the view's projection has not folded into the stored view (want <paramref name="want"/> of the read).</summary>
    public static Studio? Fold(Core.Latest.Read read, int want, Guid id)
    {
        var found = read.Found[want];
        var studio = found.Of<Studio>().FirstOrDefault(s => s.Id == id);
        foreach (var e in found.Unfolded(read.Pending).Where(e => e.StreamId == id))
            studio = Studio.Fold(studio, e) is { } next ? next with { Version = e.Version } : null;
        return studio is null || !read.Versions.TryGetValue(id, out var version) ? null : studio with { Version = version };
    }
}
