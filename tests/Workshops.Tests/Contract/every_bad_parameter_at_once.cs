using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Contract;

/// <summary>
/// A query with several bad parameters answers one 400 naming each under its name (a code with every code and its label),
/// not one problem per round trip; the region's reach (403) is judged only once the query itself is sound.
/// </summary>
public sealed class every_bad_parameter_at_once(AppFixture fixture) : ApiTest(fixture)
{
    private static readonly string LongQuery = Uri.EscapeDataString(new string('班', 51));

    private static IReadOnlyList<string> Fields(Reply reply) => [.. reply.Json["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal)];

    public static TheoryData<string, string, string[]> RegionQueries => new()
    {
        { "/api/reviews/cases?format=pdf&page=0&pageSize=1000&region=12&category=x&level=y&q=" + LongQuery, "reviewer",
            ["category", "format", "level", "page", "pageSize", "q", "region"] },
        { "/api/reviews/workshop-cases?page=0&category=x&level=y&q=" + LongQuery, "reviewer", ["category", "level", "page", "q"] },
        { "/api/reviews/outputs?format=pdf&page=0&pageSize=0&region=12&kind=x&q=" + LongQuery, "reviewer",
            ["format", "kind", "page", "pageSize", "q", "region"] },
        { "/api/reviews/studios?format=pdf&page=0&region=12&asOf=2026-13-01&standard=nope", "reviewer", ["asOf", "format", "page", "region", "standard"] },
        { "/api/reviews/workshops?pageSize=0&year=2099&standard=nope", "reviewer", ["pageSize", "standard", "year"] },
        { "/api/reviews/checklists?format=csv&page=0&region=12&standard=nope", "reviewer", ["format", "page", "region", "standard"] },
        // A region in the route is the authorization's to judge (403 before any parameter is read).
        { "/api/regions/350200/dashboard?format=csv&year=2099", "reviewer", ["format", "year"] },
        { "/api/regions/350200/head-teacher-honours?on=2026-02-30&asOf=tomorrow", "reviewer", ["asOf", "on"] },
        { "/api/studios?page=0&pageSize=101&region=12", "reviewer", ["page", "pageSize", "region"] },
        { "/api/applications?page=0&region=12&state=x", "reviewer", ["page", "region", "state"] },
        { "/api/showcase/outputs?page=0&pageSize=0&region=12&kind=x&q=" + LongQuery, "none", ["kind", "page", "pageSize", "q", "region"] },
        { "/api/showcase/studios?page=0&pageSize=101&q=" + LongQuery, "none", ["page", "pageSize", "q"] },
    };

    [Theory]
    [MemberData(nameof(RegionQueries))]
    public async Task a_list_or_table_names_every_bad_parameter_in_one_answer(string url, string caller, string[] fields)
    {
        Clock.Set(2026, 5, 1);
        var reply = (await Host.Get(url, caller == "none" ? null : Reviewer())).ShouldBeProblem(400);
        Assert.Equal(fields, Fields(reply));
    }

    [Fact]
    public async Task a_studios_lists_and_reads_name_every_bad_parameter_in_one_answer()
    {
        Clock.Set(2026, 5, 1);
        var studio = await Host.StaffedStudio(School());
        var host = HostOf(studio, "H1");
        Assert.Equal(["domain", "kind", "page"],
            Fields((await Host.Get($"/api/studios/{studio}/activities?page=0&kind=x&domain=y", host)).ShouldBeProblem(400)));
        Assert.Equal(["kind", "pageSize", "state"],
            Fields((await Host.Get($"/api/studios/{studio}/outputs?pageSize=0&kind=x&state=y", host)).ShouldBeProblem(400)));
        Assert.Equal(["asOf", "format", "year"],
            Fields((await Host.Get($"/api/studios/{studio}/checklist?format=pdf&asOf=2026-02-30&year=2099", host)).ShouldBeProblem(400)));
        Assert.Equal(["format", "year"],
            Fields((await Host.Get($"/api/studios/{studio}/reports/annual/2099?format=pdf", host)).ShouldBeProblem(400)));
    }

    [Fact]
    public async Task each_bad_code_among_them_lists_its_codes_with_labels()
    {
        var reply = (await Host.Get($"/api/reviews/cases?page=0&category={Uri.EscapeDataString("班级文化建设")}&level=nation", Reviewer())).ShouldBeProblem(400);
        Assert.Equal(["category", "level", "page"], Fields(reply));
        Assert.Equal("class-culture", reply.Json["codes"]!["category"]!["suggested"]!.GetValue<string>());
        Assert.All(new[] { "category", "level" }, field => Assert.NotEmpty(reply.Json["codes"]![field]!["allowed"]!.AsArray()));
        Assert.All(reply.Json["codes"]!["level"]!["allowed"]!.AsArray(), c => Assert.False(string.IsNullOrEmpty(c!["label"]!.GetValue<string>())));
    }

    [Fact]
    public async Task a_bad_parameter_is_told_before_a_region_out_of_reach()
    {
        var reply = (await Host.Get("/api/reviews/outputs?region=110000&kind=x", Reviewer())).ShouldBeProblem(400);
        Assert.Equal(["kind"], Fields(reply));
        (await Host.Get("/api/reviews/outputs?region=110000", Reviewer())).ShouldBeProblem(403);
    }
}
