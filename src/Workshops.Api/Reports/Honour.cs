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

    public const string Leader = "leader";
    public const string Backbone = "backbone";
    public const string Expert = "expert";

    public static string? KindOf(object data) => data switch
    {
        RecognitionGranted { Title: RecognitionTitle.HeadTeacherLeader } => Leader,
        RecognitionGranted { Title: RecognitionTitle.BackboneHeadTeacher } => Backbone,
        TierGranted { Tier: Tier.Expert } => Expert,
        _ => null,
    };

    public static string Key(string teacherId, string kind) => $"{teacherId}:{kind}";
}

public partial class HonourProjection : MultiStreamProjection<Honour, string>
{
    public HonourProjection()
    {
        Core.ProjectionTuning.Apply(Options);
        CustomGrouping(Core.Grouping.By<Marten.IQuerySession, string>(Keys));
    }

    /// <summary>The honour an event confers: its teacher and kind.</summary>
    public static IEnumerable<string> Keys(IEvent e) =>
        (e.Data as IGrowthEvent)?.TeacherId is { } teacher && Honour.KindOf(e.Data) is { } kind ? [Honour.Key(teacher, kind)] : [];

    /// <summary>The first conferral counts; a teacher is counted once per kind, wherever it happened.</summary>
    public override async ValueTask<Honour?> EvolveAsync(Honour? snapshot, string id, IQuerySession session, IEvent e, CancellationToken ct)
    {
        if (snapshot is not null) return snapshot;
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
}
