using Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Teachers;

namespace Workshops.Growth;

/// <summary>What one province holds about a teacher: the part of the growth file kept there, and the record if it is there.</summary>
public sealed record ProvincePart(string Province, TeacherFile? File, TeacherRecord? Record);

/// <summary>
/// A teacher's growth file and hours when they served in several provinces. The facts stay in the province where they
/// happened (a studio's activities, entries and tiers are that province's, counted in its annexes); a national read asks
/// the provinces the ministry's "served in" index names (<see cref="ServedInIndex"/>) and merges what they answer.
/// </summary>
public static class FilesAcrossProvinces
{
    /// <summary>The merged answer and the province whose database judges it (the record's, else the latest studio's).</summary>
    public sealed record Merged(TeacherFile? File, TeacherRecord? Record, string Home, Legs<ProvincePart> Legs);

    /// <summary>Does the caller read across provinces (a national token, or a host or member, whose token has no region)?</summary>
    public static bool Spans(Tenants tenants, Caller caller) => tenants.Separate && tenants.Reachable(caller).Count > 1;

    /// <summary>
    /// One file from the provinces' parts: every studio, credit and entry of each, in time order; the teacher as the
    /// part with the latest studio knows them; where they may be read from (regions, studios) the union. Hours by year
    /// and kind are then summed over the union, and the tiers and recognitions judged over all of them.
    /// </summary>
    public static TeacherFile? Merge(IEnumerable<TeacherFile> files)
    {
        var all = files.ToList();
        if (all.Count <= 1) return all.FirstOrDefault();
        var latest = all.Where(f => f.Teacher is not null).OrderByDescending(LatestJoin).FirstOrDefault();
        return new TeacherFile
        {
            Id = all[0].Id,
            Teacher = latest?.Teacher,
            Studios = [.. all.SelectMany(f => f.Studios).OrderBy(s => s.From).ThenBy(s => s.StudioId)],
            Profiles = [.. all.SelectMany(f => f.Profiles).OrderBy(p => p.Ref.At)],
            Credits = [.. all.SelectMany(f => f.Credits).OrderBy(c => c.Date).ThenBy(c => c.RecordedAt).ThenBy(c => c.Key, StringComparer.Ordinal)],
            Awards = [.. all.SelectMany(f => f.Awards).OrderBy(a => a.Date).ThenBy(a => a.Ref.At)],
            Ratings = [.. all.SelectMany(f => f.Ratings).OrderBy(r => r.Date).ThenBy(r => r.Ref.At)],
            Notes = [.. all.SelectMany(f => f.Notes).OrderBy(n => n.Date).ThenBy(n => n.Ref.At)],
            Tiers = [.. all.SelectMany(f => f.Tiers).OrderBy(t => t.On).ThenBy(t => t.Ref.At)],
            Recognitions = [.. all.SelectMany(f => f.Recognitions).OrderBy(r => r.On).ThenBy(r => r.Ref.At)],
            RegionCodes = [.. all.SelectMany(f => f.RegionCodes).Distinct()],
            StudioIds = [.. all.SelectMany(f => f.StudioIds).Distinct()],
        };
    }

    /// <summary>
    /// The province whose database judges the merged file (rule sets, the credit bank, eligibility): the one holding
    /// the teacher's record — of several, the one where they joined a studio most recently — else the one where they
    /// joined a studio most recently. Ties go to the lower province code.
    /// </summary>
    public static ProvincePart? Home(IEnumerable<ProvincePart> parts) =>
        parts.Where(p => p.File is not null || p.Record is not null)
            .OrderByDescending(p => p.Record is not null)
            .ThenByDescending(p => p.File is null ? DateOnly.MinValue : LatestJoin(p.File))
            .ThenBy(p => p.Province, StringComparer.Ordinal)
            .FirstOrDefault();

    private static DateOnly LatestJoin(TeacherFile file) => file.Studios.Count == 0 ? DateOnly.MinValue : file.Studios.Max(s => s.From);

    /// <summary>
    /// Reads the teacher's part in each province the index names and the caller reaches (every province it reaches when
    /// the index has nothing, or the ministry does not answer), in parallel, and merges the parts that answered.
    /// </summary>
    public static async Task<Merged> Read(IDocumentStore store, Tenants tenants, Caller caller, string teacherId, CancellationToken ct)
    {
        var legs = await Parts(store, tenants, caller, teacherId, ct);
        var parts = legs.Values.ToList();
        var home = Home(parts);
        return new Merged(Merge(parts.Select(p => p.File).OfType<TeacherFile>()), home?.Record, home?.Province ?? Tenants.Ministry, legs);
    }

    /// <summary>
    /// What each province the index names (and the caller reaches) holds about the teacher, read in parallel; every
    /// province the caller reaches when the index has nothing for them or the ministry does not answer.
    /// </summary>
    public static async Task<Legs<ProvincePart>> Parts(IDocumentStore store, Tenants tenants, Caller caller, string teacherId, CancellationToken ct)
    {
        var index = await tenants.Each(store, [Tenants.Ministry], (ministry, token) => ServedInIndex.Of(ministry, teacherId, token), ct);
        var targets = ServedInIndex.Targets(index.Values.FirstOrDefault() ?? [], tenants.Reachable(caller));
        return await tenants.Each(store, targets, async (session, token) =>
            new ProvincePart(session.TenantId, await TeacherFiles.Load(session, teacherId, token),
                await session.LoadAsync<TeacherRecord>(TeacherStreams.IdOf(teacherId), token)), ct);
    }
}

/// <summary>
/// Where a teacher's record is kept, for a request whose token spans provinces (<see cref="RequestTenant"/>): of the
/// provinces the index names, the one holding the record — of several, where they joined a studio most recently, as
/// <see cref="FilesAcrossProvinces.Home"/> judges. Found nowhere while a province did not answer is unavailable (503):
/// the record may be there.
/// </summary>
public sealed class TeacherHomes(Tenants tenants, IDocumentStore store) : ITeacherHomes
{
    public async Task<string?> Of(Caller caller, string teacherId, CancellationToken ct)
    {
        var legs = await FilesAcrossProvinces.Parts(store, tenants, caller, teacherId, ct);
        var home = FilesAcrossProvinces.Home(legs.Values.Where(p => p.Record is not null));
        if (home is null && legs.All.FirstOrDefault(l => l.Failure is not null) is { } failed)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed.Failure!);
        return home?.Province;
    }
}
