extern alias bench;
using bench::Workshops.Bench;
using Workshops.Activities;
using Workshops.Core;
using Workshops.Tests.Support;
using Workshops.Years;

namespace Workshops.Tests.Years;

/// <summary>
/// A year's examples are copied only when an activity changes them (once a kind's and a domain's lists are full, an
/// activity logged changes none). Checked against the examples kept from scratch, fact by fact, on the benchmark's
/// generated studios (corrections and voids included).
/// </summary>
public sealed class year_examples(ITestOutputHelper output)
{
    [Fact]
    public void every_generated_year_cites_the_examples_kept_from_scratch()
    {
        var (years, uncited) = (0, 0);
        foreach (var (generated, events) in new Generator(20261127).Streams(12, 30))
        {
            var docs = new Dictionary<int, StudioYear>();
            var kept = new Dictionary<int, Dictionary<string, List<Guid>>>();
            var version = 0L;
            foreach (var data in events)
            {
                var e = Given.Wrap(data, ++version, generated.Id);
                foreach (var year in StudioYear.Years(data))
                {
                    docs[year] = StudioYear.Fold(docs.GetValueOrDefault(year), generated.Id, year, e);
                    var lists = kept.TryGetValue(year, out var k) ? k : kept[year] = [];
                    switch (data)
                    {
                        case ActivityLogged x:
                            Cite(lists, x.ActivityId, x.Facts);
                            break;
                        case ActivityVoided x:
                            uncited += Uncite(lists, x.ActivityId);
                            break;
                        case ActivityCorrected x:
                            if (x.Before.Year == year) uncited += Uncite(lists, x.ActivityId);
                            if (x.After.Year == year) Cite(lists, x.ActivityId, x.After);
                            break;
                    }
                }
            }
            foreach (var (year, doc) in docs)
            {
                var expected = kept[year].Where(l => l.Value.Count > 0).OrderBy(l => l.Key, StringComparer.Ordinal)
                    .Select(l => $"{l.Key}={string.Join(',', l.Value)}");
                var actual = doc.Examples.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={string.Join(',', l.Value.Select(r => r.ActivityId))}");
                Assert.Equal(expected, actual);
                years++;
            }
        }
        output.WriteLine($"{years} years compared; {uncited} times a corrected or voided activity was taken out of a list");
        Assert.True(years >= 14, $"only {years} years");
    }

    private static void Cite(Dictionary<string, List<Guid>> lists, Guid id, ActivityFacts facts)
    {
        Uncite(lists, id);
        foreach (var key in facts.Domains.Distinct().Select(d => $"domain:{d.Code()}").Append($"kind:{facts.Kind.Code()}"))
        {
            var list = lists.TryGetValue(key, out var l) ? l : lists[key] = [];
            if (list.Count < StudioYear.ExamplesKept) list.Add(id);
        }
    }

    private static int Uncite(Dictionary<string, List<Guid>> lists, Guid id) => lists.Values.Sum(l => l.RemoveAll(x => x == id));
}
