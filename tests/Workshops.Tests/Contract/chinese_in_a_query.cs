using System.Text.RegularExpressions;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Contract;

/// <summary>
/// Kestrel refuses a raw non-ASCII character in a query string before the API sees the request (it has no option to
/// accept one), so the contract tells integrators to percent-encode Chinese as UTF-8; the encoded form it shows works.
/// </summary>
public sealed class chinese_in_a_query(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task the_percent_encoded_example_the_document_gives_for_q_finds_the_chinese_it_stands_for()
    {
        Clock.Set(2026, 5, 1);
        var studio = await Host.StaffedStudio(School());
        var output = (await Host.Post($"/api/studios/{studio}/outputs", new
        {
            kind = "typical-case", category = "home-school-communication", title = "家校共育：一次家长会的转变", authors = new[] { "H1" },
            date = "2026-04-01", summary = "家长会", body = "正文",
        }, HostOf(studio))).ShouldBe(201).Json["outputId"]!.GetValue<string>();
        (await Host.Post($"/api/studios/{studio}/outputs/{output}/submit", new { }, HostOf(studio))).ShouldBe(200);
        (await Host.Post($"/api/studios/{studio}/outputs/{output}/approve", new { }, School())).ShouldBe(200);
        await Settle();

        var doc = (await Host.Get("/openapi/v1.json", null)).ShouldBe(200).Json;
        var q = doc["paths"]!["/api/reviews/outputs"]!["get"]!["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "q")!;
        var description = q["description"]!.GetValue<string>();
        Assert.Contains("percent-encoded", description);
        var example = Regex.Match(description, "q=(%[0-9A-F]{2})+").Value;
        Assert.Equal("家校", Uri.UnescapeDataString(example[2..]));

        var found = (await Host.Get("/api/reviews/outputs?" + example, Reviewer("000000"))).ShouldBe(200).Json;
        Assert.Equal(["家校共育：一次家长会的转变"], found["items"]!.AsArray().Select(r => r!["title"]!.GetValue<string>()));
        var hit = found["items"]![0]!["highlights"]![0]!;
        Assert.Equal("家校", hit["snippet"]!.GetValue<string>().Substring(hit["snippetStart"]!.GetValue<int>(), hit["length"]!.GetValue<int>()));
    }
}
