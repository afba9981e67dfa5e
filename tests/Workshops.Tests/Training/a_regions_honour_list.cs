using System.Text.Json.Nodes;
using Workshops.Tests.Support;

namespace Workshops.Tests.Training;

/// <summary>seed 003's 20-year honour over HTTP: issued on the teacher's stream, listed for a region as of two days.</summary>
public sealed class a_regions_honour_list(AppFixture fixture) : ApiTest(fixture)
{
    private async Task Register(string id, string name, string since, string region = "350203", string school = "厦门市第一中学") =>
        (await Host.Post("/api/teachers", new { id, name, gender = "female", school, region, subject = "语文", headTeacherSince = since }, School(region)))
        .ShouldBe(201);

    private async Task<JsonNode> List(string region, string query) =>
        (await Host.Get($"/api/regions/{region}/head-teacher-honours{query}", Reviewer("350200"))).ShouldBe(200).Json;

    private static IEnumerable<string> Ids(JsonNode list, string which) => list[which]!.AsArray().Select(c => c!["teacherId"]!.GetValue<string>());

    [Fact]
    public async Task a_regions_honour_list_as_of_two_days()
    {
        Clock.Set(2025, 1, 10);
        // T-GAP served 2000-2005 and again from 2007: twenty years complete on 2022-09-01, not 2020.
        await Register("T-GAP", "王秀英", "2000-09-01");
        (await Host.Post("/api/teachers/T-GAP/head-teacher-service/end", new { on = "2005-08-31" }, School())).ShouldBe(200);
        (await Host.Post("/api/teachers/T-GAP/head-teacher-service", new { from = "2007-09-01" }, School())).ShouldBe(200);
        await Register("T-2004", "李建国", "2004-03-01");
        await Register("T-NEW", "张丽", "2012-09-01");
        await Register("T-HULI", "陈志明", "1999-09-01", region: "350206", school: "厦门市湖里中学");

        (await Host.Post("/api/teachers/T-NEW/head-teacher-honour", new { issuer = "厦门市教育局" }, Reviewer())).ShouldBeProblem(422, "honour.not-due");
        (await Host.Post("/api/teachers/T-2004/head-teacher-honour", new { issuer = "厦门市教育局", number = "XM-RY-2025-001" }, School())).ShouldBeProblem(403);
        (await Host.Post("/api/teachers/T-2004/head-teacher-honour", new { issuer = "厦门市教育局", number = "XM-RY-2025-001" }, Reviewer())).ShouldBe(200);
        (await Host.Post("/api/teachers/T-2004/head-teacher-honour", new { issuer = "厦门市教育局" }, Reviewer())).ShouldBeProblem(422, "honour.issued");

        Clock.Set(2026, 3, 2);
        (await Host.Post("/api/teachers/T-GAP/head-teacher-honour", new { issuer = "厦门市教育局", on = "2026-03-02" }, Reviewer())).ShouldBe(200);

        // On 2023-01-01 (judged with what is recorded now): T-GAP is due since 2022-09-01; T-2004 reaches twenty only in 2024.
        var early = await List("350203", "?on=2023-01-01");
        Assert.Equal(["T-GAP"], Ids(early, "due"));
        Assert.Equal("2022-09-01", early["due"]![0]!["dueSince"]!.GetValue<string>());
        Assert.Equal(20, early["due"]![0]!["headTeacherYears"]!.GetValue<int>());
        Assert.Empty(Ids(early, "issued"));

        // As recorded by 2025-06-01: T-2004's honour is issued, T-GAP's not yet.
        var mid = await List("350203", "?asOf=2025-06-01");
        Assert.Equal(["T-GAP"], Ids(mid, "due"));
        Assert.Equal(["T-2004"], Ids(mid, "issued"));
        Assert.Equal("2024-03-01", mid["issued"]![0]!["dueSince"]!.GetValue<string>());

        var now = await List("350203", "");
        Assert.Empty(Ids(now, "due"));
        Assert.Equal(["T-2004", "T-GAP"], Ids(now, "issued"));
        Assert.Equal("XM-RY-2025-001", now["issued"]![0]!["number"]!.GetValue<string>());

        // The city sees its other district too; a school admin of another district does not read this one.
        Assert.Equal(["T-HULI"], Ids(await List("350200", ""), "due"));
        (await Host.Get("/api/regions/350203/head-teacher-honours", School("350206"))).ShouldBeProblem(403);
        (await Host.Get("/api/regions/350203/head-teacher-honours?on=2031-01-01", Reviewer())).ShouldBeProblem(400);
    }
}
