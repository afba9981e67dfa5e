using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Workshops.Core;
using Workshops.Growth;
using Workshops.Studios;

namespace Workshops.Reports;

/// <summary>
/// One title or tier a teacher holds (班主任带头人, 骨干班主任, 专家型 …), with the year and the region it was conferred
/// in: what the regional dashboard counts against the 2030 targets of seed 000.
/// </summary>
public sealed record Honour
{
    public string Id { get; init; } = "";
    public string TeacherId { get; init; } = "";
    /// <summary>leader, backbone or expert.</summary>
    public string Kind { get; init; } = "";
    public int Year { get; init; }
    public bool Rural { get; init; }
    public Guid StudioId { get; init; }
    public string Province { get; init; } = "";
    public string City { get; init; } = "";
    public string? District { get; init; }
    /// <summary>Withdrawn on the teacher's record (e.g. after a 不合格 assessment): not counted until conferred again.</summary>
    public bool Revoked { get; init; }

    public const string Leader = "leader";
    public const string Backbone = "backbone";
    public const string Expert = "expert";

    public static string? KindOf(object data) => data switch
    {
        RecognitionGranted { Title: RecognitionTitle.HeadTeacherLeader } => Leader,
        RecognitionGranted { Title: RecognitionTitle.BackboneHeadTeacher } => Backbone,
        TierGranted { Tier: Tier.Expert } => Expert,
        Teachers.RecognitionConferred c => KindOfRung(c.Rung),
        _ => null,
    };

    /// <summary>
    /// The honour a rung held on a teacher's own record counts as: the rule set's rungs the targets name (seed 000
    /// 三.(二): 带头人, 骨干, 专家型); others (青年骨干, 视同专家型教师, 德育学科带头人) have no target of their own.
    /// </summary>
    public static string? KindOfRung(string rung) => rung switch
    {
        "leader" => Leader,
        "backbone" => Backbone,
        "expert" => Expert,
        _ => null,
    };

    /// <summary>A division code's province, city and (below a city) district.</summary>
    public static Region RegionOf(string code) =>
        new(code[..2] + "0000", code[..4] + "00", Region.Depth(code) == 3 ? code : null);

    public static string Key(string teacherId, string kind) => $"{teacherId}:{kind}";
}

public partial class HonourProjection : MultiStreamProjection<Honour, string>
{
    public HonourProjection()
    {
        Core.ProjectionTuning.Apply(Options);
        CustomGrouping(Core.Grouping.By<Marten.IQuerySession, string>(Keys));
    }

    /// <summary>
    /// The honour an event confers: its teacher and kind, from a studio's title or a recognition on the teacher's own
    /// record (an assessment writes both: the same key, so the teacher is counted once).
    /// </summary>
    public static IEnumerable<string> Keys(IEvent e) => e.Data switch
    {
        IGrowthEvent g when Honour.KindOf(e.Data) is { } kind => [Honour.Key(g.TeacherId, kind)],
        Teachers.RecognitionConferred c when Honour.KindOf(c) is { } kind => [Honour.Key(c.TeacherId, kind)],
        Teachers.RecognitionRevoked r when Honour.KindOfRung(r.Rung) is { } kind => [Honour.Key(r.TeacherId, kind)],
        _ => [],
    };

    /// <summary>
    /// The first conferral counts; a teacher is counted once per kind, wherever it happened. A revocation on the
    /// teacher's record (e.g. after a 不合格 assessment) takes the honour off the count until it is conferred again.
    /// </summary>
    public override async ValueTask<Honour?> EvolveAsync(Honour? snapshot, string id, IQuerySession session, IEvent e, CancellationToken ct)
    {
        if (e.Data is Teachers.RecognitionRevoked) return snapshot is null ? null : snapshot with { Revoked = true };
        if (snapshot is { Revoked: false }) return snapshot;
        if (e.Data is Teachers.RecognitionConferred conferred) return await OnRecord(id, session, e.StreamId, conferred, ct);
        var studio = await StudioIdentities.Of(session, e.StreamId, ct);
        var (teacher, rural, year) = e.Data switch
        {
            RecognitionGranted r => (r.TeacherId, r.Rural, r.Year),
            TierGranted t => (t.TeacherId, t.Rural, t.On.Year),
            _ => ("", false, 0),
        };
        return new Honour
        {
            Id = id,
            TeacherId = teacher,
            Kind = Honour.KindOf(e.Data)!,
            Year = year,
            Rural = rural,
            StudioId = e.StreamId,
            Province = studio?.Region.Province ?? "",
            City = studio?.Region.City ?? "",
            District = studio?.Region.District,
        };
    }

    /// <summary>
    /// A recognition on a teacher's record counts in the region of the studio that conferred it, or else of the
    /// teacher's school on the day; rural by the record's facts that day.
    /// </summary>
    private static async Task<Honour?> OnRecord(string id, IQuerySession session, Guid stream, Teachers.RecognitionConferred c, CancellationToken ct)
    {
        var record = await session.LoadAsync<Teachers.TeacherRecord>(stream, ct);
        var facts = record is null ? null : Teachers.TeacherFacts.AsOfDay(record, c.On);
        var studio = c.StudioId is { } studioId ? await StudioIdentities.Of(session, studioId, ct) : null;
        var region = studio?.Region ?? (facts is { } f && Region.IsCode(f.Region) ? Honour.RegionOf(f.Region) : null);
        if (region is null) return null;
        return new Honour
        {
            Id = id,
            TeacherId = c.TeacherId,
            Kind = Honour.KindOf(c)!,
            Year = c.On.Year,
            Rural = facts?.Rural ?? false,
            StudioId = c.StudioId ?? Guid.Empty,
            Province = region.Province,
            City = region.City,
            District = region.District,
        };
    }
}
