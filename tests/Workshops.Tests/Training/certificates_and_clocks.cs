using System.Text.Json.Nodes;
using Workshops.Tests.Support;

namespace Workshops.Tests.Training;

/// <summary>A head teacher's certificates and hour clocks through two three-year cycles, and outside credits through the credit bank, over HTTP.</summary>
public sealed class certificates_and_clocks(AppFixture fixture) : ApiTest(fixture)
{
    private static object Registration(string id = "T1") => new
    {
        id, name = "陈美玲", gender = "female", school = "厦门市第一中学", region = "350203", subject = "语文",
        teachingSince = "2008-09-01", headTeacherSince = "2010-09-01",
    };

    private static object Credit(string date, decimal hours, string level, string issuer, string programme, string region, string category = "head-teacher-training") =>
        new { course = "班主任专题培训", category, level, hours, date, issuer, programme, region };

    private async Task<JsonNode> HourClock(string code, string query = "")
    {
        var clocks = (await Host.Get($"/api/teachers/T1/clocks{query}", School())).ShouldBe(200).Json;
        return clocks["clocks"]!.AsArray().Single(c => c!["code"]!.GetValue<string>() == code)!;
    }

    private async Task<JsonNode> Qualification(string query = "") =>
        (await Host.Get($"/api/teachers/T1/certificates{query}", School())).ShouldBe(200).Json["certificates"]!.AsArray()
        .Single(c => c!["kind"]!.GetValue<string>() == "head-teacher-qualification")!;

    private static (string Status, string Due) Of(JsonNode clock) => (clock["status"]!.GetValue<string>(), clock["due"]!.GetValue<string>());

    [Fact]
    public async Task a_head_teachers_certificate_and_clocks_through_two_cycles()
    {
        Clock.Set(2020, 6, 1);
        (await Host.Post("/api/teachers", Registration(), School())).ShouldBe(201);
        // The district (here: the city) adds seed 002's rolling rules to the hour policies of its rule set.
        (await Host.Put("/api/regions/350200/hour-policies", new { policies = new[] { "head-teacher-30", "rotation-3-years", "school-based-yearly" } },
            Reviewer())).ShouldBe(200);
        (await Host.Post("/api/teachers/T1/credits", Credit("2020-05-10", 30, "municipal", "厦门市教育局", "xm-bzr-2020", "350200"), School())).ShouldBe(200);
        var issued = (await Host.Post("/api/teachers/T1/certificates", new
        {
            kind = "head-teacher-qualification", issuer = "厦门市教育局", issuedOn = "2020-05-20", number = "XM-BZR-2020-0107", basis = "2020年厦门市班主任岗位培训30学时，考核合格",
        }, Reviewer())).ShouldBe(200).Json;
        Assert.True(issued["appended"]!.GetValue<bool>());
        (await Host.Post("/api/teachers/T1/certificates", new
        {
            kind = "head-teacher-qualification", issuer = "厦门市教育局", issuedOn = "2020-05-25", basis = "重复",
        }, Reviewer())).ShouldBeProblem(422, "certificate.held");
        (await Host.Post("/api/teachers/T1/certificates", new { kind = "training-pass", issuer = "厦门市教育局", issuedOn = "2020-05-20", basis = "合格" }, School()))
            .ShouldBeProblem(403);

        // A veteran of ten years is current as soon as the 30 hours are done: nothing is due from 2010.
        var clocks = (await Host.Get("/api/teachers/T1/clocks", School())).ShouldBe(200).Json;
        Assert.Equal("xiamen-k12-2022", clocks["ruleSet"]!.GetValue<string>());
        Assert.Equal(["head-teacher-30", "rotation-3-years"], clocks["clocks"]!.AsArray().Select(c => c!["code"]!.GetValue<string>()));
        Assert.Equal("met", (await HourClock("head-teacher-30"))["status"]!.GetValue<string>());
        Assert.Equal(("met", "2023-05-10"), Of(await HourClock("rotation-3-years")));
        Assert.Equal(("valid", "2023-05-20"), ((await Qualification())["status"]!.GetValue<string>(), (await Qualification())["validUntil"]!.GetValue<string>()));

        // First cycle: no municipal or district training for three years; the yearly school-based rule was kept.
        Clock.Set(2021, 3, 1);
        (await Host.Post("/api/teachers/T1/credits", Credit("2021-02-26", 3, "school", "厦门市第一中学", "yz-xb-2021", "350203", "other"), School())).ShouldBe(200);
        Assert.Equal(("met", "2021-12-31"), Of(await HourClock("school-based-yearly")));
        Clock.Set(2023, 6, 1);
        Assert.Equal(("overdue", "2023-05-10"), Of(await HourClock("rotation-3-years")));
        Assert.Equal("overdue", (await HourClock("school-based-yearly"))["status"]!.GetValue<string>());
        Assert.Equal("lapsed", (await Qualification())["status"]!.GetValue<string>());

        // The district training renews the qualification and restarts the three years.
        Clock.Set(2023, 9, 5);
        (await Host.Post("/api/teachers/T1/credits", Credit("2023-09-01", 12, "district", "思明区教育局", "sm-bzr-2023", "350203"), School())).ShouldBe(200);
        Assert.Equal(("met", "2026-09-01"), Of(await HourClock("rotation-3-years")));
        var renewed = await Qualification();
        Assert.Equal(("valid", "2026-09-01"), (renewed["status"]!.GetValue<string>(), renewed["validUntil"]!.GetValue<string>()));
        Assert.Equal(("2023-05-21", "2023-08-31"), (renewed["lapses"]![0]!["from"]!.GetValue<string>(), renewed["lapses"]![0]!["to"]!.GetValue<string>()));

        // What was recorded by 4 September still shows the lapse; 4 September judged with what is known now does not.
        Assert.Equal("lapsed", (await Qualification("?asOf=2023-09-04"))["status"]!.GetValue<string>());
        Assert.Equal("valid", (await Qualification("?on=2023-09-04"))["status"]!.GetValue<string>());
        Assert.Equal("overdue", (await HourClock("rotation-3-years", "?asOf=2023-09-04"))["status"]!.GetValue<string>());

        // Second cycle: three more years without it, and it lapses again.
        Clock.Set(2026, 9, 10);
        Assert.Equal(("overdue", "2026-09-01"), Of(await HourClock("rotation-3-years")));
        var again = await Qualification();
        Assert.Equal(("lapsed", 2), (again["status"]!.GetValue<string>(), again["lapses"]!.AsArray().Count));
        var history = (await Host.Get("/api/teachers/T1/history", School())).ShouldBe(200).Json.AsArray().Select(h => h!["type"]!.GetValue<string>()).ToList();
        Assert.Equal(3, history.Count(t => t == "outside-credit-recorded"));
        Assert.Contains("certificate-issued", history);
    }

    [Fact]
    public async Task an_outside_credit_counts_once_the_regions_rules_recognise_it()
    {
        (await Host.Post("/api/teachers", Registration(), School())).ShouldBe(201);
        var shenzhen = (await Host.Post("/api/teachers/T1/credits", Credit("2025-11-10", 30, "municipal", "深圳市教育局", "sz-bzr-2025", "440300"), School()))
            .ShouldBe(200).Json["id"]!.GetValue<string>();
        var local = (await Host.Post("/api/teachers/T1/credits", Credit("2025-12-01", 6, "district", "思明区教育局", "sm-bzr-2025", "350203"), School()))
            .ShouldBe(200).Json["id"]!.GetValue<string>();
        (await Host.Post("/api/teachers/T1/credits", Credit("2025-12-01", 6, "district", "思明区教育局", "sm-bzr-2025", "350203"), School()))
            .ShouldBeProblem(422, "credit.duplicate");
        var standing = async () => (await Host.Get("/api/teachers/T1/credits", School())).ShouldBe(200).Json["credits"]!.AsArray()
            .ToDictionary(c => c!["credit"]!["creditId"]!.GetValue<string>(), c => c!["standing"]!.GetValue<string>());
        Assert.Equal(("undecided", "local"), ((await standing())[shenzhen], (await standing())[local]));
        Assert.Equal(6m, (await HourClock("head-teacher-30"))["earned"]!.GetValue<decimal>());

        // No rules yet: the decision is a refusal, recorded.
        var refused = (await Host.Post($"/api/teachers/T1/credits/{shenzhen}/recognition", new { }, Reviewer())).ShouldBe(200).Json;
        Assert.Equal((false, "credit-bank.no-rule", true), (refused["recognised"]!.GetValue<bool>(), refused["rule"]!.GetValue<string>(), refused["appended"]!.GetValue<bool>()));
        Assert.Equal("refused", (await standing())[shenzhen]);
        (await Host.Post($"/api/teachers/T1/credits/{local}/recognition", new { }, Reviewer())).ShouldBeProblem(422, "credit-bank.local");
        (await Host.Post($"/api/teachers/T1/credits/{Guid.NewGuid()}/recognition", new { }, Reviewer())).ShouldBeProblem(404, "credit.unknown");

        // The city adopts rules; asked again, the credit bank recognises it toward the 30 hours only.
        (await Host.Put("/api/regions/350200/credit-recognition", new
        {
            rules = new object[]
            {
                new { code = "municipal-elsewhere", accept = true, toward = new[] { "head-teacher-30" }, source = "厦门市教师培训学分互认办法（示例）第三条", minLevel = "municipal" },
            },
        }, Reviewer())).ShouldBe(200);
        (await Host.Put("/api/regions/350200/credit-recognition", new { rules = new object[] { new { code = "Bad", accept = true, toward = new[] { "nope" }, source = "" } } },
            Reviewer())).ShouldBeProblem(400);
        var recognised = (await Host.Post($"/api/teachers/T1/credits/{shenzhen}/recognition", new { }, Reviewer())).ShouldBe(200).Json;
        Assert.Equal((true, "municipal-elsewhere", "350200"), (recognised["recognised"]!.GetValue<bool>(), recognised["rule"]!.GetValue<string>(),
            recognised["rulesRegion"]!.GetValue<string>()));
        var repeat = (await Host.Post($"/api/teachers/T1/credits/{shenzhen}/recognition", new { }, Reviewer())).ShouldBe(200).Json;
        Assert.False(repeat["appended"]!.GetValue<bool>());
        Assert.Equal("recognised", (await standing())[shenzhen]);
        var thirty = await HourClock("head-teacher-30");
        Assert.Equal(("met", 36m), (thirty["status"]!.GetValue<string>(), thirty["earned"]!.GetValue<decimal>()));
        var decisions = (await Host.Get("/api/teachers/T1/history", School())).Json.AsArray().Count(h => h!["type"]!.GetValue<string>() == "credit-recognition-decided");
        Assert.Equal(2, decisions);

        // Withdrawn as recorded in error, it counts no more.
        (await Host.Post($"/api/teachers/T1/credits/{shenzhen}/retraction", new { reason = "证书不属于本人" }, School())).ShouldBe(200);
        (await Host.Post($"/api/teachers/T1/credits/{shenzhen}/retraction", new { reason = "再次" }, School())).ShouldBeProblem(422, "credit.retracted");
        // A veteran untrained since the plan began (2020) is overdue on the plan's clock, not on one from 2010.
        var after = await HourClock("head-teacher-30");
        Assert.Equal(("retracted", "overdue", "2021-01-01"), ((await standing())[shenzhen], after["status"]!.GetValue<string>(), after["due"]!.GetValue<string>()));
    }

    [Fact]
    public async Task a_teachers_write_after_a_training_write_checks_the_version_the_record_reports()
    {
        (await Host.Post("/api/teachers", Registration(), School())).ShouldBe(201);
        var written = (await Host.Post("/api/teachers/T1/credits", Credit("2025-12-01", 6, "district", "思明区教育局", "sm-bzr-2025", "350203"), School())).ShouldBe(200);
        var etag = (await Host.Get("/api/teachers/T1", School())).ShouldBe(200).Header("etag")!;
        Assert.Equal(written.Header("etag"), etag);
        (await Host.Post("/api/teachers/T1/titles", new { title = "senior", on = "2026-01-15" }, School(), ("If-Match", etag))).ShouldBe(200);
    }

    [Fact]
    public async Task a_studio_sees_the_certificates_of_its_roster_on_a_day()
    {
        var studio = await Host.StaffedStudio(School());
        (await Host.Post("/api/teachers", new
        {
            id = "M1", name = "林晓燕", gender = "female", school = "厦门市第一中学", region = "350203", subject = "数学", headTeacherSince = "2019-09-01",
        }, School())).ShouldBe(201);
        (await Host.Post("/api/teachers/M1/certificates", new
        {
            kind = "head-teacher-qualification", issuer = "厦门市教育局", issuedOn = "2021-07-01", basis = "2021年岗位培训考核合格",
        }, Reviewer())).ShouldBe(200);
        var now = (await Host.Get($"/api/studios/{studio}/certificates", HostOf(studio))).ShouldBe(200).Json["roster"]!.AsArray();
        Assert.Equal(["H1", "M1", "M2", "M3", "S1"], now.Select(r => r!["teacherId"]!.GetValue<string>()));
        var m1 = now.Single(r => r!["teacherId"]!.GetValue<string>() == "M1")!;
        Assert.Equal(("lapsed", true), (m1["certificates"]![0]!["status"]!.GetValue<string>(), m1["hasRecord"]!.GetValue<bool>()));
        Assert.False(now.Single(r => r!["teacherId"]!.GetValue<string>() == "M2")!["hasRecord"]!.GetValue<bool>());
        var then = (await Host.Get($"/api/studios/{studio}/certificates?on=2023-03-01", School())).ShouldBe(200).Json["roster"]!.AsArray();
        Assert.Equal(["H1", "M1", "M2", "M3"], then.Select(r => r!["teacherId"]!.GetValue<string>()));
        Assert.Equal(["head-teacher-qualification"], then.Single(r => r!["teacherId"]!.GetValue<string>() == "M1")!["valid"]!.AsArray().Select(v => v!.GetValue<string>()));
        (await Host.Get($"/api/studios/{studio}/certificates", MemberOf(studio, "M1"))).ShouldBeProblem(403);
    }
}
