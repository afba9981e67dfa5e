using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Studios;

public sealed class establishing_a_studio(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task a_school_admin_establishes_a_studio_and_reads_it_back_in_chinese()
    {
        var reply = (await Host.Post("/api/studios", StudioBody(), School())).ShouldBe(201);
        var id = reply.Json["id"]!.GetValue<string>();
        Assert.Equal($"/api/studios/{id}", reply.Header("location"));
        Assert.Equal("\"1\"", reply.Header("etag"));

        var studio = (await Host.Get($"/api/studios/{id}", School())).ShouldBe(200);
        Assert.Equal("厦门市第一中学班主任工作坊", studio.Json["name"]!.GetValue<string>());
        Assert.Equal("school", studio.Json["level"]!.GetValue<string>());
        Assert.Equal("famous-teacher", studio.Json["mode"]!.GetValue<string>());
        Assert.Equal("350203", studio.Json["region"]!["district"]!.GetValue<string>());
        Assert.Equal(1, studio.Json["version"]!.GetValue<long>());
        Assert.StartsWith("\"1.", studio.Header("etag"));

        (await Host.Get($"/api/studios/{id}", School(), ("If-None-Match", studio.Header("etag")!))).ShouldBe(304);
        (await Host.Get($"/api/studios/{Guid.NewGuid()}", School())).ShouldBeProblem(404);
    }

    [Fact]
    public async Task a_school_admin_is_pointed_to_an_application_for_a_municipal_studio()
    {
        var problem = (await Host.Post("/api/studios", StudioBody(level: "municipal"), School())).ShouldBeProblem(422, "studio.level-by-selection");
        Assert.Contains("POST /api/applications", problem.Json["detail"]!.GetValue<string>());
        Assert.Contains("/api/applications", problem.Text);
        (await Host.Post("/api/studios", StudioBody(level: "provincial", reason: "已遴选"), School())).ShouldBeProblem(422, "studio.level-by-selection");
        Assert.Empty((await Host.Get("/api/studios", School())).Json["items"]!.AsArray());
    }

    [Fact]
    public async Task a_city_bureau_registers_an_existing_municipal_studio_with_the_reason()
    {
        (await Host.Post("/api/studios", StudioBody(level: "municipal"), Reviewer())).ShouldBeProblem(422, "studio.registration-needs-reason");
        (await Host.Post("/api/studios", StudioBody(level: "municipal", reason: "已遴选"), Reviewer("350203"))).ShouldBeProblem(422, "studio.level-by-selection");
        (await Host.Post("/api/studios", StudioBody(level: "provincial", reason: "已遴选"), Reviewer())).ShouldBeProblem(422, "studio.level-by-selection");

        var reason = "2022年经厦门市教育局遴选认定（厦教〔2022〕12号），系统上线前设立。";
        var id = await Host.EstablishStudio(Reviewer(), StudioBody(level: "municipal", reason: reason));
        var studio = (await Host.Get($"/api/studios/{id}", Reviewer())).ShouldBe(200).Json;
        Assert.Equal(("municipal", reason), (studio["level"]!.GetValue<string>(), studio["lifecycle"]!["registeredBecause"]!.GetValue<string>()));
        // A district reviewer registers a district studio; a school-level one needs no reason.
        (await Host.Post("/api/studios", StudioBody(name: "思明区工作坊", level: "district", reason: "2023年经思明区教育局遴选认定。"), Reviewer("350203"))).ShouldBe(201);
        (await Host.Post("/api/studios", StudioBody(name: "校级工作坊"), Reviewer("350203"))).ShouldBe(201);
    }

    [Theory]
    [InlineData("350000", "350200", "350299", "region.district")] // well formed, not a division
    [InlineData("350000", "350200", "350402", "region.district")] // 梅列区, merged into 三元区 in 2021
    [InlineData("350000", "359900", null, "region.city")]
    [InlineData("990000", "990100", "990101", "region.province")]
    public async Task a_region_code_not_in_the_division_list_is_refused_naming_the_field(string province, string city, string? district, string field)
    {
        var body = new
        {
            name = "厦门市第一中学班主任工作坊", school = "厦门市第一中学", region = new { province, city, district },
            level = "municipal", track = "k12", rural = false, foundedOn = "2022-10-16", mode = "famous-teacher",
        };
        var problem = (await Host.Post("/api/studios", body, Reviewer("000000"))).ShouldBeProblem(400);
        Assert.NotNull(problem.Json["errors"]![field]);
        Assert.Empty((await Host.Get("/api/studios", Reviewer("000000"))).Json["items"]!.AsArray());
    }

    [Fact]
    public async Task a_municipality_district_and_a_city_without_districts_are_accepted()
    {
        (await Host.Post("/api/studios", StudioBody(province: "110000", city: "110100", district: "110105"), Reviewer("000000"))).ShouldBe(201);
        (await Host.Post("/api/studios", StudioBody(province: "440000", city: "441900", district: null!), Reviewer("000000"))).ShouldBe(201);
    }
}
