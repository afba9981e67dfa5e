using Workshops.Core;
namespace Workshops.Growth;

/// <summary>
/// What the studio's growth commands decide on: each teacher's profile revision in this studio, the titles conferred
/// here ("teacher:title", so recognition never repeats) and the highest tier granted here, by teacher.
/// </summary>
public sealed record GrowthState
{
    public IReadOnlyDictionary<string, int> ProfileRevisions { get; init; } = new Dictionary<string, int>();
    public IReadOnlyList<string> Recognitions { get; init; } = [];
    public IReadOnlyDictionary<string, Tier> Tiers { get; init; } = new Dictionary<string, Tier>();

    public static string RecognitionKey(string teacherId, RecognitionTitle title) => $"{teacherId}:{title.Code()}";

    public bool Recognised(string teacherId, RecognitionTitle title) => Recognitions.Contains(RecognitionKey(teacherId, title));

    /// <summary>The growth events this state folds.</summary>
    public static readonly Type[] Events = [typeof(GrowthProfileRecorded), typeof(RecognitionGranted), typeof(TierGranted)];

    public static GrowthState Fold(GrowthState growth, object data) => data switch
    {
        GrowthProfileRecorded x => growth with { ProfileRevisions = Studios.ReadOnlyDictionaries.With(growth.ProfileRevisions, x.TeacherId, x.Revision) },
        RecognitionGranted x => growth with { Recognitions = [.. growth.Recognitions, RecognitionKey(x.TeacherId, x.Title)] },
        TierGranted x => growth with { Tiers = Studios.ReadOnlyDictionaries.With(growth.Tiers, x.TeacherId, x.Tier) },
        _ => growth,
    };
}
