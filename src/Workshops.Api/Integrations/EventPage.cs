namespace Workshops.Integrations;

/// <summary>
/// A page of items read from events in order, where one event may give several items (an activity states one xAPI
/// statement per attendee): a page never exceeds <c>take</c> items, and when it fills up inside an event the next page
/// starts there, skipping the items this one took (<see cref="NextSkip"/>).
/// </summary>
public sealed class EventPage<T>(int take, long position, int skip)
{
    private int skipFirst = skip;

    public List<T> Items { get; } = [];

    /// <summary>The sequence of the last event read whole.</summary>
    public long Position { get; private set; } = position;

    /// <summary>How many items of the event after <see cref="Position"/> this page took (0 when it ended on an event's end).</summary>
    public int NextSkip { get; private set; }

    public bool Full { get; private set; }

    /// <summary>Adds an event's items (less those the previous page took of it); false once the page is full.</summary>
    public bool Add(long sequence, IEnumerable<T> items)
    {
        var left = items.Skip(skipFirst).ToList();
        var room = take - Items.Count;
        if (left.Count > room)
        {
            Items.AddRange(left.Take(room));
            NextSkip = skipFirst + room;
            Full = true;
            return false;
        }
        Items.AddRange(left);
        skipFirst = 0;
        Position = sequence;
        Full = Items.Count == take;
        return !Full;
    }

    /// <summary>Ends the page early (a read examines a bounded number of events); it continues after <see cref="Position"/>.</summary>
    public void Stop() => Full = true;
}
