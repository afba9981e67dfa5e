using JasperFx.Events;
using Marten;
using Workshops.Activities;
using Workshops.Core;
using Workshops.Core.Http;
using Workshops.Studios;

namespace Workshops.Years;

/// <summary>A studio as it stood at a moment: the studio and its years, folded from the events recorded until then.</summary>
/// <param name="Activities">Every activity's entry as it stood, when folded from events; null when read from the projections.</param>
/// <param name="StreamVersion">The version of the stream read (folded to a past day, it may hold events recorded later).</param>
public sealed record StudioAt(Studio Studio, IReadOnlyDictionary<int, StudioYear> Years, DateOnly Today,
    IReadOnlyDictionary<Guid, ActivityEntry>? Activities = null, long StreamVersion = 0)
{
    public StudioYear Year(int year) => Years.TryGetValue(year, out var doc) ? doc : StudioYear.Empty(Studio.Id, year);
}

/// <summary>
/// Time travel: the same pure folds the projections run, applied to the events recorded up to the end of a day
/// (China time). "Recorded" is the event's own <c>At</c>, so a back-dated entry made later is not seen earlier.
/// </summary>
public static class History
{
    public static DateTimeOffset EndOf(DateOnly day) =>
        new(day.AddDays(1).ToDateTime(TimeOnly.MinValue), Writes.ChinaOffset);

    public static bool RecordedBy(IEvent e, DateTimeOffset until) =>
        e.Data is not IStudioEvent stamped || stamped.At < until;

    public static StudioAt? Fold(IReadOnlyList<IEvent> events, DateOnly asOf)
    {
        var until = EndOf(asOf);
        Studio? studio = null;
        var years = new Dictionary<int, StudioYear>();
        var activities = new Dictionary<Guid, ActivityEntry>();
        foreach (var e in events)
        {
            if (!RecordedBy(e, until)) continue;
            studio = Studio.Fold(studio, e) is { } next ? next with { Version = e.Version } : null;
            if (studio is null) continue;
            foreach (var year in StudioYear.Years(e.Data))
                years[year] = StudioYear.Fold(years.GetValueOrDefault(year), studio.Id, year, e);
            foreach (var id in ActivityEntry.Keys(e))
                if (ActivityEntry.Fold(activities.GetValueOrDefault(id), e) is { } entry) activities[id] = entry;
        }
        return studio is null ? null : new StudioAt(studio, years, asOf, activities, events.Count == 0 ? 0 : events[^1].Version);
    }

    /// <summary>
    /// Now: the studio view and the years asked for as the daemon keeps them, with the events it has not folded yet
    /// folded in (read in one snapshot), so a client reads its own write. A past day: folded from the events.
    /// </summary>
    public static async Task<StudioAt?> Load(IQuerySession session, Guid studioId, DateOnly? asOf, DateOnly today,
        IReadOnlyCollection<int> years, CancellationToken ct)
    {
        if (asOf is { } day && day < today)
        {
            var events = await session.Events.FetchStreamAsync(studioId, token: ct);
            return Fold(events, day);
        }
        var keys = years.Select(y => StudioYear.Key(studioId, y)).ToArray();
        var read = await Latest.Of(session, [studioId], ct, new Latest.Want(typeof(Studio), new[] { studioId }), new Latest.Want(typeof(StudioYear), keys));
        if (StudioViews.Fold(read, 0, studioId) is not { } studio)
            return StudioViews.Missed(read, studioId) ? Fold(await session.Events.FetchStreamAsync(studioId, token: ct), today) : null;
        var docs = read.Found[1].Of<StudioYear>().ToDictionary(y => y.Year);
        foreach (var e in read.Found[1].Unfolded(read.Pending))
        foreach (var year in StudioYear.Years(e.Data).Where(years.Contains))
            docs[year] = StudioYear.Fold(docs.GetValueOrDefault(year), studioId, year, e);
        return new StudioAt(studio, docs, today, StreamVersion: studio.Version);
    }

    /// <summary>The first day an as-of read may ask about (nothing here is older; every day asked is a view kept).</summary>
    public static readonly DateOnly FirstDay = new(RequestGuards.FirstYear, 1, 1);

    /// <summary>Reads ?asOf=YYYY-MM-DD (or another day parameter named by <paramref name="field"/>): absent means today; a future day or one before 2000 is refused.</summary>
    public static (DateOnly? AsOf, Microsoft.AspNetCore.Mvc.ProblemDetails? Problem) Parse(string? text, DateOnly today, string field = "asOf")
    {
        var check = new Check();
        var day = Day(check, text, field, today);
        return check.Ok ? (day, null) : (null, check.Result());
    }

    /// <summary>A day parameter (YYYY-MM-DD, from 2000-01-01 to today, as the contract declares it): null when absent or refused into <paramref name="check"/>.</summary>
    public static DateOnly? Day(Check check, string? text, string field, DateOnly today)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            check.Add(field, "must be a date written YYYY-MM-DD");
        else if (day < FirstDay) check.Add(field, $"must be {FirstDay:yyyy-MM-dd} or later");
        else if (day > today) check.Add(field, "must not be in the future");
        else return day;
        return null;
    }
}
