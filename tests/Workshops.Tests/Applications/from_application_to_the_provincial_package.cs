using Workshops.Core.Auth;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Applications;

/// <summary>
/// The seed-001 cycle end to end over HTTP: a Huli district school applies for a provincial vocational studio, the district
/// and the city recommend, the province selects; the studio works through the year (roster, activities, two typical
/// cases approved and recommended); the province's 2026 package is submitted and read back cell by cell against what
/// was logged.
/// </summary>
public sealed class from_application_to_the_provincial_package(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task a_selected_studios_year_is_in_the_provinces_package_as_it_was_logged()
    {
        Clock.Set(2026, 3, 2);
        var school = School("350206");
        var province = Token(Role.Reviewer, "福建省教育厅评审", region: "350000");
        var application = (await Host.Post("/api/applications", applying_and_selecting.Application(), school)).ShouldBe(201).Json["id"]!.GetValue<string>();
        (await Host.Post($"/api/applications/{application}/party-approval", new { on = "2026-03-01" }, school)).ShouldBe(200);
        (await Host.Post($"/api/applications/{application}/recommendation", new { }, Reviewer("350206"))).ShouldBe(200);
        (await Host.Post($"/api/applications/{application}/recommendation", new { }, Reviewer("350200"))).ShouldBe(200);
        var id = Guid.Parse((await Host.Post($"/api/applications/{application}/selection", new { foundedOn = "2026-03-02" }, province))
            .ShouldBe(200).Json["studioId"]!.GetValue<string>());

        // The year's work: the roster, three activities, two typical cases approved by the school and recommended by the district.
        (await Host.Post($"/api/studios/{id}/host", new { teacher = Teacher("H1", "陈美玲", since: "2008-09-01", school: "厦门工商旅游学校"), on = "2026-03-02" }, school)).ShouldBe(200);
        foreach (var (tid, name) in new[] { ("M1", "林晓燕"), ("M2", "黄志强"), ("M3", "郑雅琴") })
            (await Host.Post($"/api/studios/{id}/members", new { teacher = Teacher(tid, name, school: "厦门工商旅游学校"), on = "2026-03-02" }, school)).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/trainees", new { teacher = Teacher("S1", "吴思远", "male", since: "2024-09-01", school: "厦门工商旅游学校"), on = "2026-03-02" }, school)).ShouldBe(200);
        var host = HostOf(id, "H1");
        Clock.Set(2026, 5, 10);
        await Host.LogActivity(id, host, Activity("lecture", ["learning"], "2026-03-20", 2, [("H1", 2), ("M1", 2)]));
        await Host.LogActivity(id, host, Activity("student-case-consultation", ["research", "practice"], "2026-04-10", 3, [("M1", 3), ("M2", 3)]));
        await Host.LogActivity(id, host, Activity("lecture", ["learning"], "2026-05-08", 1.5m, [("M3", 1.5m)]));
        var body = "【案例背景】小林，中职二年级学生，沉迷手机。\n" + string.Concat(Enumerable.Repeat("班主任每周与他谈心，家校协同帮扶；", 60));
        var cases = new List<string>();
        foreach (var (title, text, category) in new[] { ("重点学生帮扶：小林的转变", body, "key-student-support"), ("班级文化建设：一面墙的故事", "第二个案例的全文。", "class-culture") })
        {
            var output = (await Host.Post($"/api/studios/{id}/outputs", new
            {
                kind = "typical-case", category, title, authors = new[] { "H1", "M1" }, date = "2026-05-01", summary = "摘要", body = text,
            }, host)).ShouldBe(201).Json["outputId"]!.GetValue<string>();
            (await Host.Post($"/api/studios/{id}/outputs/{output}/submit", new { }, host)).ShouldBe(200);
            (await Host.Post($"/api/studios/{id}/outputs/{output}/approve", new { }, school)).ShouldBe(200);
            (await Host.Post($"/api/studios/{id}/outputs/{output}/recommend", new { level = "city" }, Reviewer("350206"))).ShouldBe(200);
            cases.Add(output);
        }
        await Settle();

        const string package = "/api/regions/350000/submissions/2026";
        (await Host.Post(package, new { deadline = "2026-09-30" }, province)).ShouldBe(200);
        (await Host.Put($"{package}/summary", new { text = "福建省2026年度中等职业学校班主任工作室建设阶段性工作小结。" }, province)).ShouldBe(200);
        foreach (var output in cases) (await Host.Post($"{package}/cases", new { outputId = output }, province)).ShouldBe(200);
        Clock.Set(2026, 6, 1);
        (await Host.Post($"{package}/submit", new { }, province)).ShouldBe(200);

        var read = (await Host.Get(package, province)).ShouldBe(200).Json["package"]!;
        var row = read["studios"]!.AsArray().Single()!;
        string Cell(string name) => row[name]!.ToString();
        Assert.Equal(id.ToString(), Cell("studioId"));
        Assert.Equal(("福建省", "厦门市", "湖里区"), (Cell("provinceName"), Cell("cityName"), Cell("districtName")));
        Assert.Equal(("厦门工商旅游学校", "厦门工商旅游学校班主任工作室"), (Cell("school"), Cell("studio")));
        Assert.Equal(("provincial", "省级", "vocational", "false"), (Cell("level"), Cell("levelLabel"), Cell("track"), Cell("rural")));
        Assert.Equal(("陈美玲", "3", "1"), (Cell("host"), Cell("members"), Cell("trainees")));
        Assert.Equal(("mentorship", "师徒结对", "2026-03-02"), (Cell("mode"), Cell("modeLabel"), Cell("founded")));
        Assert.Equal((3, 6.5m), (row["activities"]!.GetValue<int>(), row["hours"]!.GetValue<decimal>()));
        Assert.Equal(2, row["outputsByKind"]!["typical-case"]!.GetValue<int>());
        Assert.Equal(["陈美玲", "林晓燕", "黄志强", "郑雅琴", "吴思远"], row["people"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));

        var caseRows = read["caseRows"]!.AsArray();
        Assert.Equal(["重点学生帮扶：小林的转变", "班级文化建设：一面墙的故事"], caseRows.Select(c => c!["title"]!.GetValue<string>()));
        Assert.Equal(body, caseRows[0]!["text"]!.GetValue<string>());
        Assert.Equal(["陈美玲", "林晓燕"], caseRows[0]!["authorNames"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(("key-student-support", "厦门工商旅游学校班主任工作室", "陈美玲"),
            (caseRows[0]!["category"]!.GetValue<string>(), caseRows[0]!["studio"]!.GetValue<string>(), caseRows[0]!["host"]!.GetValue<string>()));
        Assert.Equal(("city", "class-culture"), (caseRows[1]!["level"]!.GetValue<string>(), caseRows[1]!["category"]!.GetValue<string>()));
    }

    /// <summary>
    /// The cycle as a city reviewer (厦门市) walks it: a municipal studio can only come from selection, the city selects
    /// what the district recommended, recommends the studio's typical case to the province (not past it), and the
    /// province's package reaches the ministry, which alone acknowledges it.
    /// </summary>
    [Fact]
    public async Task a_city_reviewer_selects_a_municipal_studio_whose_case_reaches_the_ministry()
    {
        Clock.Set(2026, 3, 2);
        var school = School("350206");
        var city = Reviewer("350200");
        var province = Token(Role.Reviewer, "福建省教育厅评审", region: "350000");
        (await Host.Post("/api/studios", StudioBody(district: "350206", track: "vocational", level: "municipal"), school))
            .ShouldBeProblem(422, "studio.level-by-selection");

        var application = (await Host.Post("/api/applications", applying_and_selecting.Application(level: "municipal"), school)).ShouldBe(201)
            .Json["id"]!.GetValue<string>();
        (await Host.Post($"/api/applications/{application}/selection", new { }, city)).ShouldBeProblem(422, "application.party-approval-missing");
        (await Host.Post($"/api/applications/{application}/party-approval", new { on = "2026-03-01" }, school)).ShouldBe(200);
        (await Host.Post($"/api/applications/{application}/selection", new { }, city)).ShouldBeProblem(422, "application.not-your-turn");
        (await Host.Post($"/api/applications/{application}/recommendation", new { note = "同意推荐" }, Reviewer("350206"))).ShouldBe(200);
        (await Host.Post($"/api/applications/{application}/recommendation", new { }, city)).ShouldBeProblem(422, "application.selection-due");
        var id = Guid.Parse((await Host.Post($"/api/applications/{application}/selection", new { foundedOn = "2026-03-02", note = "经市级遴选" }, city))
            .ShouldBe(200).Json["studioId"]!.GetValue<string>());
        var studio = (await Host.Get($"/api/studios/{id}", city)).ShouldBe(200).Json;
        Assert.Equal(("municipal", application), (studio["level"]!.GetValue<string>(), studio["lifecycle"]!["applicationId"]!.GetValue<string>()));

        (await Host.Post($"/api/studios/{id}/host", new { teacher = Teacher("H1", "陈美玲", since: "2008-09-01", school: "厦门工商旅游学校"), on = "2026-03-02" }, school)).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/members", new { teacher = Teacher("M1", "林晓燕", school: "厦门工商旅游学校"), on = "2026-03-02" }, school)).ShouldBe(200);
        var host = HostOf(id, "H1");
        Clock.Set(2026, 5, 10);
        var output = (await Host.Post($"/api/studios/{id}/outputs", new
        {
            kind = "typical-case", category = "key-student-support", title = "重点学生帮扶：小林的转变", authors = new[] { "H1", "M1" }, date = "2026-05-01",
            summary = "摘要", body = "【案例背景】小林，中职二年级学生。班主任每周与他谈心。",
        }, host)).ShouldBe(201).Json["outputId"]!.GetValue<string>();
        var recommend = $"/api/studios/{id}/outputs/{output}/recommend";
        (await Host.Post(recommend, new { level = "province" }, city)).ShouldBeProblem(422);
        (await Host.Post($"/api/studios/{id}/outputs/{output}/submit", new { }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/outputs/{output}/approve", new { }, school)).ShouldBe(200);
        (await Host.Post(recommend, new { level = "ministry" }, city)).ShouldBeProblem(422, "output.level-outside-jurisdiction");
        (await Host.Post(recommend, new { level = "province" }, city)).ShouldBe(200);
        (await Host.Post(recommend, new { level = "ministry" }, province)).ShouldBe(200);
        await Settle();

        const string package = "/api/regions/350000/submissions/2026";
        (await Host.Post(package, new { deadline = "2026-09-30" }, province)).ShouldBe(200);
        (await Host.Put($"{package}/summary", new { text = "厦门市市级工作室遴选与建设小结。" }, province)).ShouldBe(200);
        (await Host.Post($"{package}/cases", new { outputId = output }, city)).ShouldBe(403);
        (await Host.Post($"{package}/cases", new { outputId = output }, province)).ShouldBe(200);
        (await Host.Post($"{package}/submit", new { }, province)).ShouldBe(200);
        (await Host.Post($"{package}/receipt", new { }, city)).ShouldBe(403);
        (await Host.Post($"{package}/receipt", new { }, Token(Role.Reviewer, "教育部评审", region: "000000"))).ShouldBe(200);
        var read = (await Host.Get(package, province)).ShouldBe(200).Json;
        Assert.Equal("received", read["package"]!["state"]!.GetValue<string>());
        var row = read["package"]!["studios"]!.AsArray().Single()!;
        Assert.Equal(("municipal", "市级"), (row["level"]!.GetValue<string>(), row["levelLabel"]!.GetValue<string>()));
        Assert.Equal(["重点学生帮扶：小林的转变"], read["package"]!["caseRows"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()));
    }
}
