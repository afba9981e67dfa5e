using Marten;
using Workshops.Core;
using Workshops.Roster;

namespace Workshops.Growth;

/// <summary>
/// One line of the ministry's "served in" index: a province whose database holds facts about a teacher (they joined a
/// studio there). The facts stay where they happened; the index only says where to ask, so a teacher's national growth
/// file and hours read the one or two provinces they served in instead of every province. Keyed by province and
/// teacher, so writing a line again changes nothing and two provinces never write the same document.
/// </summary>
public sealed record ServedIn
{
    public string Id { get; init; } = "";
    public string TeacherId { get; init; } = "";
    public string Province { get; init; } = "";

    public static ServedIn Of(string teacherId, string province) => new() { Id = $"{province}:{teacherId}", TeacherId = teacherId, Province = province };
}

/// <summary>A teacher joined a studio in a province: the province's growth-file projection tells the ministry's index.</summary>
public sealed record TeacherServedIn(string TeacherId, string Province);

public static class ServedInIndex
{
    /// <summary>
    /// The province a projection's database holds, when each province has a database of its own (the database's
    /// identifier is its tenant); null for the ministry's and for the single database, where there is nothing to index.
    /// </summary>
    public static string? Province(string databaseIdentifier) =>
        databaseIdentifier != Tenants.Ministry && Region.IsCode(databaseIdentifier) && databaseIdentifier.EndsWith("0000", StringComparison.Ordinal)
            ? databaseIdentifier
            : null;

    /// <summary>Does the event put a teacher on a studio's roster (the moments a province may be new to them)?</summary>
    public static bool Joins(object data) => data is HostAppointed or CoordinatorNamed or MemberJoined or TraineeEnrolled;

    /// <summary>
    /// The provinces a national read of a teacher asks: those of the index the caller reaches; without a line in the index
    /// (written before it existed, or not yet), every province the caller reaches.
    /// </summary>
    public static IReadOnlyList<string> Targets(IReadOnlyCollection<string> indexed, IReadOnlyList<string> reachable) =>
        indexed.Count == 0 ? reachable : [.. reachable.Where(indexed.Contains)];

    /// <summary>The provinces the index holds for a teacher, ordered.</summary>
    public static async Task<IReadOnlyList<string>> Of(IQuerySession ministry, string teacherId, CancellationToken ct) =>
        [.. (await ministry.Query<ServedIn>().Where(x => x.TeacherId == teacherId).Select(x => x.Province).ToListAsync(ct)).Order(StringComparer.Ordinal)];
}

/// <summary>Writes the index line in the ministry's database (delivered through the province's outbox, at least once).</summary>
public static class TeacherServedInHandler
{
    public static async Task Handle(TeacherServedIn message, IDocumentStore store, Tenants tenants, CancellationToken ct)
    {
        if (!tenants.Separate) return;
        await using var ministry = store.LightweightSession(Tenants.Ministry);
        ministry.Store(ServedIn.Of(message.TeacherId, message.Province));
        await ministry.SaveChangesAsync(ct);
    }
}
