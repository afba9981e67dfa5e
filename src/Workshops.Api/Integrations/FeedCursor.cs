using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Workshops.Integrations;

/// <summary>Where a tenant's feed continues: after the event <see cref="After"/>, skipping <see cref="Skip"/> items of the next one.</summary>
public readonly record struct FeedPosition(long After, int Skip)
{
    public static readonly FeedPosition Start = new(0, 0);
}

/// <summary>
/// The feed's one opaque cursor across provinces: a position per tenant. Written as <c>1.</c> followed by the base64url
/// of <c>tenant:after:skip</c> entries joined by commas (the version first, so a later format can be told apart).
/// It carries positions only: which tenants a client reads is decided by its token, never by the cursor.
/// </summary>
public static class FeedCursor
{
    private const string Version = "1.";

    public static string Write(IReadOnlyDictionary<string, FeedPosition> positions) =>
        Version + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join(",",
            positions.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}:{p.Value.After}:{p.Value.Skip}")))));

    /// <summary>The positions a cursor carries; null when it is not one the feed wrote.</summary>
    public static Dictionary<string, FeedPosition>? Read(string cursor)
    {
        if (!cursor.StartsWith(Version, StringComparison.Ordinal)) return null;
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor.AsSpan(Version.Length)));
        }
        catch (FormatException)
        {
            return null;
        }
        var positions = new Dictionary<string, FeedPosition>(StringComparer.Ordinal);
        if (text.Length == 0) return positions;
        foreach (var entry in text.Split(','))
        {
            var parts = entry.Split(':');
            if (parts.Length != 3
                || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var after)
                || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var skip)
                || !positions.TryAdd(parts[0], new FeedPosition(after, skip)))
                return null;
        }
        return positions;
    }
}

/// <summary>One item a tenant's leg of the feed read, with where it stands in that tenant's events.</summary>
/// <param name="Index">Its place among the items of its stored event (an activity gives one per attendee).</param>
/// <param name="Last">Whether it is the last item of its stored event.</param>
public sealed record Fed<T>(T Item, DateTimeOffset At, long Sequence, int Index, bool Last);

/// <summary>What one tenant's leg read: its items in its own order and where it would continue had all been taken.</summary>
public sealed record FeedLeg<T>(string Tenant, IReadOnlyList<Fed<T>> Items, FeedPosition End, bool Full)
{
    /// <summary>The tenant's high-water mark when it was read.</summary>
    public long Mark { get; init; }
}

public static class FeedMerge
{
    /// <summary>
    /// Merges the tenants' legs into one page of at most <paramref name="take"/> items: each tenant's items keep their own
    /// order, and the next item is the earliest head by time, then tenant code, then sequence. The next positions advance
    /// each tenant only past the items taken; a tenant absent from <paramref name="legs"/> (it did not answer) keeps
    /// its position from <paramref name="from"/>, so nothing is skipped.
    /// </summary>
    public static (List<Fed<T>> Items, Dictionary<string, FeedPosition> Next, bool More) Page<T>(
        IReadOnlyList<FeedLeg<T>> legs, IReadOnlyDictionary<string, FeedPosition> from, int take)
    {
        var taken = legs.ToDictionary(l => l.Tenant, _ => 0, StringComparer.Ordinal);
        var items = new List<Fed<T>>();
        while (items.Count < take)
        {
            FeedLeg<T>? first = null;
            foreach (var leg in legs)
            {
                if (taken[leg.Tenant] >= leg.Items.Count) continue;
                if (first is null || Earlier(leg.Items[taken[leg.Tenant]], leg.Tenant, first.Items[taken[first.Tenant]], first.Tenant)) first = leg;
            }
            if (first is null) break;
            items.Add(first.Items[taken[first.Tenant]++]);
        }

        var next = new Dictionary<string, FeedPosition>(from, StringComparer.Ordinal);
        var more = false;
        foreach (var leg in legs)
        {
            var count = taken[leg.Tenant];
            if (count == leg.Items.Count)
            {
                next[leg.Tenant] = leg.End;
                more |= leg.Full;
                continue;
            }
            more = true;
            if (count == 0) continue;
            // Inside an event, continue at that event (sequences are whole numbers) past the items taken of it.
            var last = leg.Items[count - 1];
            next[leg.Tenant] = last.Last ? new FeedPosition(last.Sequence, 0) : new FeedPosition(last.Sequence - 1, last.Index + 1);
        }
        return (items, next, more);
    }

    private static bool Earlier<T>(Fed<T> a, string tenantA, Fed<T> b, string tenantB)
    {
        var byTime = a.At.CompareTo(b.At);
        if (byTime != 0) return byTime < 0;
        var byTenant = string.CompareOrdinal(tenantA, tenantB);
        return byTenant != 0 ? byTenant < 0 : a.Sequence < b.Sequence;
    }
}
