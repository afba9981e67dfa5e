using Workshops.Outputs;
using Workshops.Reports;

namespace Workshops.Tests.Outputs;

/// <summary>An output record's search terms: made from its facts once, and made again for a copy with other facts.</summary>
public sealed class search_terms
{
    private static OutputFacts Facts(string title, string body) =>
        new(OutputKind.TypicalCase, CaseCategory.ClassCulture, title, ["H"], new DateOnly(2026, 5, 1), null, body, []);

#pragma warning disable CS0618 // the terms are plain ASCII words, which Npgsql reads exactly
    private static string Expected(OutputFacts f) => NpgsqlTypes.NpgsqlTsVector.Parse(ChineseText.Terms(f.Title, f.Summary, f.Body)).ToString();
#pragma warning restore CS0618

    [Fact]
    public void a_copy_with_other_facts_has_their_terms_and_the_terms_kept_are_not_part_of_the_value()
    {
        var first = Facts("家校共育", "班级文化建设");
        var other = Facts("班主任", "课程育人");
        var record = new OutputRecord { Id = Guid.NewGuid(), Facts = first };
        var unread = record with { };

        Assert.Equal(Expected(first), record.SearchTerms.ToString());
        Assert.Same(record.SearchTerms, record.SearchTerms);
        var copy = record with { Facts = other };
        Assert.Equal(Expected(other), copy.SearchTerms.ToString());
        // The copy's terms replaced the ones kept: the record's own are made again from its facts.
        Assert.Equal(Expected(first), record.SearchTerms.ToString());
        Assert.NotEqual(Expected(first), Expected(other));
        Assert.Equal(unread, record);
        Assert.Equal(unread.GetHashCode(), record.GetHashCode());
    }
}
