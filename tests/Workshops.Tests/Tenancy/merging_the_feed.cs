using Workshops.Integrations;

namespace Workshops.Tests.Tenancy;

/// <summary>The feed's cursor and the merge of the provinces' legs, as pure functions.</summary>
public sealed class merging_the_feed
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static Fed<string> Item(string name, int minute, long sequence, int index = 0, bool last = true) =>
        new(name, T0.AddMinutes(minute), sequence, index, last);

    [Fact]
    public void a_cursor_reads_back_the_positions_it_was_written_with()
    {
        var positions = new Dictionary<string, FeedPosition> { ["350000"] = new(42, 1), ["110000"] = new(7, 0), ["000000"] = FeedPosition.Start };

        var read = FeedCursor.Read(FeedCursor.Write(positions))!;

        Assert.Equal(positions.OrderBy(p => p.Key), read.OrderBy(p => p.Key));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2.MzUwMDAwOjE6MA")] // another version
    [InlineData("1.not base64!")]
    [InlineData("1.MzUwMDAwOng6MA")] // 350000:x:0
    [InlineData("1.MzUwMDAwOi0xOjA")] // 350000:-1:0
    public void a_cursor_the_feed_did_not_write_is_not_read(string cursor) => Assert.Null(FeedCursor.Read(cursor));

    [Fact]
    public void the_page_takes_the_earliest_heads_and_each_province_advances_past_what_it_gave_only()
    {
        // Beijing's activity at minute 2 gives three items (one per attendee); Fujian's events come at minutes 1 and 3.
        var beijing = new FeedLeg<string>("110000",
            [Item("b1", 2, 10, 0, false), Item("b2", 2, 10, 1, false), Item("b3", 2, 10, 2)], new FeedPosition(10, 0), false);
        var fujian = new FeedLeg<string>("350000", [Item("f1", 1, 5), Item("f2", 3, 8)], new FeedPosition(9, 0), false);
        var from = new Dictionary<string, FeedPosition> { ["110000"] = new(4, 0), ["350000"] = new(3, 0), ["000000"] = new(2, 0) };

        var (items, next, more) = FeedMerge.Page([beijing, fujian], from, 3);

        Assert.Equal(["f1", "b1", "b2"], items.Select(i => i.Item));
        Assert.True(more);
        Assert.Equal(new FeedPosition(9, 2), next["110000"]); // inside event 10, two of its items given
        Assert.Equal(new FeedPosition(5, 0), next["350000"]);
        Assert.Equal(new FeedPosition(2, 0), next["000000"]); // did not answer: stays where it was
    }

    [Fact]
    public void a_province_whose_items_were_all_taken_moves_to_where_its_read_ended()
    {
        var beijing = new FeedLeg<string>("110000", [Item("b1", 1, 10)], new FeedPosition(30, 0), false);

        var (items, next, more) = FeedMerge.Page([beijing], new Dictionary<string, FeedPosition>(), 5);

        Assert.Equal(["b1"], items.Select(i => i.Item));
        Assert.False(more);
        Assert.Equal(new FeedPosition(30, 0), next["110000"]);
    }
}
