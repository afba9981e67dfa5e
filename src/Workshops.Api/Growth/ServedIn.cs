using JasperFx.Events;
using Marten;
using Marten.Events;
using Workshops.Core;
using Workshops.Roster;
using Workshops.Teachers;

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

/// <summary>
/// A teacher joined a studio in a province (the province's growth-file projection tells the ministry's index), or their
/// record was opened there (registering the teacher tells it).
/// </summary>
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

    /// <summary>The events that make a province hold facts about a teacher: a roster join, or their record opened there.</summary>
    public static readonly Type[] Sources =
        [typeof(HostAppointed), typeof(CoordinatorNamed), typeof(MemberJoined), typeof(TraineeEnrolled), typeof(TeacherRegistered)];

    /// <summary>The teacher an event of <see cref="Sources"/> names.</summary>
    public static string? TeacherOf(object data) => data switch
    {
        HostAppointed e => e.Teacher.Id,
        CoordinatorNamed e => e.Teacher.Id,
        MemberJoined e => e.Teacher.Id,
        TraineeEnrolled e => e.Teacher.Id,
        TeacherRegistered e => e.TeacherId,
        _ => null,
    };

    /// <summary>Every teacher a province's events name (<see cref="Sources"/>), read in the store's order a batch at a time.</summary>
    public static async Task<IReadOnlySet<string>> TeachersIn(IQuerySession province, CancellationToken ct)
    {
        const int batchSize = 5000;
        var teachers = new HashSet<string>(StringComparer.Ordinal);
        long after = 0;
        while (true)
        {
            var batch = await province.Events.QueryAllRawEvents()
                .Where(e => e.Sequence > after).Where(e => e.EventTypesAre(Sources))
                .OrderBy(e => e.Sequence).Take(batchSize).ToListAsync(ct);
            foreach (var e in batch)
                if (TeacherOf(e.Data) is { } teacher) teachers.Add(teacher);
            if (batch.Count < batchSize) return teachers;
            after = batch[^1].Sequence;
        }
    }

    /// <summary>
    /// Re-derives the whole index from each province's events (the projection only adds lines while projecting
    /// continuously, so data loaded or rebuilt otherwise, or lines lost, are put right here): each province's lines are
    /// replaced in one transaction of the ministry's database, and lines of a province no longer in the map are dropped.
    /// A province that fails stops the rebuild with its error; the provinces already rewritten stay rewritten. A
    /// teacher who joins a studio while their province is being rewritten may lose the line until the next rebuild, so
    /// it is run while writes are quiet (a maintenance step, like the one-pass projection rebuild).
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, int>> Rebuild(IDocumentStore store, Tenants tenants, CancellationToken ct)
    {
        if (!tenants.Separate) return new Dictionary<string, int>();
        var provinces = tenants.All.Where(t => t != Tenants.Ministry).ToList();
        var counts = await Task.WhenAll(provinces.Select(async province =>
        {
            IReadOnlySet<string> teachers;
            await using (var events = store.QuerySession(province))
                teachers = await TeachersIn(events, ct);
            await using var ministry = store.LightweightSession(Tenants.Ministry);
            ministry.DeleteWhere<ServedIn>(x => x.Province == province);
            foreach (var teacher in teachers) ministry.Store(ServedIn.Of(teacher, province));
            await ministry.SaveChangesAsync(ct);
            return (Province: province, Lines: teachers.Count);
        }));
        await using (var ministry = store.LightweightSession(Tenants.Ministry))
        {
            ministry.DeleteWhere<ServedIn>(x => !provinces.Contains(x.Province));
            await ministry.SaveChangesAsync(ct);
        }
        return counts.ToDictionary(c => c.Province, c => c.Lines, StringComparer.Ordinal);
    }

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
