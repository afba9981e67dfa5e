using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Evaluations;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Evaluations;

/// <summary>Trainees and members evaluate an activity or a training anonymously, once each; results show from five evaluations on.</summary>
public sealed class anonymous_evaluations(AppFixture fixture) : ApiTest(fixture)
{
    private static object Scores(int overall, string? comment = null) => new
    {
        scores = new { relevance = 4, methods = 4, organisation = 5, benefit = 4, overall },
        comment,
    };

    private static readonly (string Id, string Name)[] Attendees = [("M1", "林晓燕"), ("M2", "黄志强"), ("M3", "郑雅琴"), ("S1", "吴思远"), ("S2", "何静怡"), ("S3", "周子涵")];

    private string Login(Guid studio, string id) => Token(Role.Member, Attendees.Single(a => a.Id == id).Name, [studio], teacher: id);

    private async Task<(Guid Studio, Guid Activity)> AnActivity()
    {
        var studio = await Host.StaffedStudio(School());
        foreach (var (id, name) in Attendees.Where(a => a.Id is "S2" or "S3"))
            (await Host.Post($"/api/studios/{studio}/trainees", new { teacher = Teacher(id, name, since: "2025-09-01"), on = "2025-09-01" }, School())).ShouldBe(200);
        var activity = await Host.LogActivity(studio, HostOf(studio, "H1"), Activity("student-case-consultation", ["research", "practice"], "2026-02-20", 3,
            [.. Attendees.Select(a => (a.Id, 3m))], title: "典型学生会诊：家校沟通中的冲突化解"));
        return (studio, activity);
    }

    [Fact]
    public async Task a_dissolved_studios_activity_is_not_evaluated()
    {
        var (studio, activity) = await AnActivity();
        var url = $"/api/studios/{studio}/activities/{activity}/evaluations";
        (await Host.Post(url, Scores(5), Login(studio, "M1"))).ShouldBe(200);
        (await Host.Post($"/api/studios/{studio}/dissolution", new { reason = "整改期满复评仍不合格，予以撤销。" }, Reviewer())).ShouldBe(200);

        (await Host.Post(url, Scores(4), Login(studio, "M2"))).ShouldBeProblem(422, "studio.dissolved");
        // Still readable, and the refused evaluation left nothing.
        var read = (await Host.Get(url, HostOf(studio))).ShouldBe(200).Json["results"]!;
        Assert.False(read["shown"]!.GetValue<bool>());
        (await Host.Post(url, Scores(4), Login(studio, "M2"))).ShouldBeProblem(422, "studio.dissolved");
    }

    [Fact]
    public async Task trainees_evaluate_an_activity_once_each_and_results_show_from_five_on()
    {
        var (studio, activity) = await AnActivity();
        var url = $"/api/studios/{studio}/activities/{activity}/evaluations";
        foreach (var (id, overall) in new[] { ("M1", 5), ("M2", 4), ("M3", 3), ("S1", 5) })
            (await Host.Post(url, Scores(overall, id == "M1" ? "案例选取贴近班级实际" : null), Login(studio, id))).ShouldBe(200);

        var four = (await Host.Get(url, HostOf(studio))).ShouldBe(200).Json["results"]!;
        Assert.Equal((false, true, 0), (four["shown"]!.GetValue<bool>(), four["responses"] is null, four["questions"]!.AsArray().Count));

        (await Host.Post(url, Scores(1), Login(studio, "M1"))).ShouldBeProblem(422, "evaluation.already-given");
        (await Host.Post(url, Scores(5), HostOf(studio, "H1"))).ShouldBeProblem(403);
        (await Host.Post(url, Scores(5), Token(Role.Member, "旁听教师", [studio], teacher: "X9"))).ShouldBeProblem(422, "evaluation.not-attended");
        (await Host.Post(url, Scores(5), Token(Role.Member, "无教师身份", [studio]))).ShouldBeProblem(403);
        (await Host.Post(url, new { scores = new { relevance = 9 } }, Login(studio, "S2"))).ShouldBeProblem(400);
        (await Host.Post($"/api/studios/{studio}/activities/{Guid.NewGuid()}/evaluations", Scores(5), Login(studio, "S2"))).ShouldBeProblem(404);

        (await Host.Post(url, Scores(2, "希望增加分组演练"), Login(studio, "S2"))).ShouldBe(200);
        var five = (await Host.Get(url, School())).ShouldBe(200).Json["results"]!;
        Assert.Equal((true, 5), (five["shown"]!.GetValue<bool>(), five["responses"]!.GetValue<int>()));
        var overallResult = five["questions"]!.AsArray().Single(q => q!["question"]!.GetValue<string>() == "overall")!;
        Assert.Equal((3.8m, "总体满意度"), (overallResult["mean"]!.GetValue<decimal>(), overallResult["label"]!.GetValue<string>()));
        Assert.Equal(["希望增加分组演练", "案例选取贴近班级实际"], five["comments"]!.AsArray().Select(c => c!.GetValue<string>()));

        var year = (await Host.Get($"/api/studios/{studio}/evaluations/2026", MemberOf(studio, "M2"))).ShouldBe(200).Json;
        Assert.Equal("典型学生会诊：家校沟通中的冲突化解", year["activities"]![0]!["title"]!.GetValue<string>());
        Assert.Equal(5, year["pooled"]!["responses"]!.GetValue<int>());
    }

    [Fact]
    public async Task the_year_view_and_the_annual_report_show_the_years_evaluations_only_from_five_on()
    {
        var (studio, activity) = await AnActivity();
        var url = $"/api/studios/{studio}/activities/{activity}/evaluations";
        foreach (var id in new[] { "M1", "M2", "M3", "S1" }) (await Host.Post(url, Scores(4), Login(studio, id))).ShouldBe(200);
        var four = (await Host.Get($"/api/studios/{studio}/years/2026", HostOf(studio))).ShouldBe(200).Json["evaluations"]!;
        Assert.Equal((false, false), (four["pooled"]!["shown"]!.GetValue<bool>(), four["activities"]![0]!["results"]!["shown"]!.GetValue<bool>()));

        (await Host.Post(url, Scores(2), Login(studio, "S2"))).ShouldBe(200);
        var five = (await Host.Get($"/api/studios/{studio}/years/2026", HostOf(studio))).ShouldBe(200).Json["evaluations"]!;
        Assert.Equal((true, 5), (five["activities"]![0]!["results"]!["shown"]!.GetValue<bool>(), five["pooled"]!["responses"]!.GetValue<int>()));
        var report = (await Host.Get($"/api/studios/{studio}/reports/annual/2026", HostOf(studio))).ShouldBe(200).Json["evaluations"]!;
        var overall = report["pooled"]!["questions"]!.AsArray().Single(q => q!["question"]!.GetValue<string>() == "overall")!;
        Assert.Equal((5, 3.6m), (report["pooled"]!["responses"]!.GetValue<int>(), overall["mean"]!.GetValue<decimal>()));
    }

    [Fact]
    public async Task the_stored_evaluations_hold_no_link_to_their_authors()
    {
        var (studio, activity) = await AnActivity();
        var url = $"/api/studios/{studio}/activities/{activity}/evaluations";
        foreach (var (id, _) in Attendees.Take(5))
            (await Host.Post(url, Scores(4, "收获很大"), Login(studio, id), ("Idempotency-Key", $"eval-{id}"), ("X-Correlation-ID", $"corr-{id}")))
                .ShouldBe(200);

        var data = Host.Services.GetRequiredService<NpgsqlDataSource>();
        var stream = EvaluationTokens.StreamOf(EvaluationTokens.Activity(activity));
        var rows = new List<string>();
        await using (var cmd = data.CreateCommand(
                         $"select concat_ws('|', data::text, user_name, correlation_id, causation_id, headers::text, type) from {Setup.Schema}.mt_events where stream_id = $1"))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = stream });
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        }
        Assert.Equal(5, rows.Count);
        var key = Host.Services.GetRequiredService<EvaluationKey>();
        foreach (var (id, name) in Attendees.Take(5))
        {
            var token = EvaluationTokens.Of(key, stream, id);
            foreach (var row in rows)
            {
                Assert.DoesNotContain($"\"{id}\"", row);
                Assert.DoesNotContain(name, row);
                Assert.DoesNotContain($"member:{name}", row);
                Assert.DoesNotContain($"corr-{id}", row);
                Assert.DoesNotContain(token, row);
            }
        }
        Assert.All(rows, r => Assert.Contains("evaluation_submitted", r));

        // The tokens are kept apart, opaque, and no Idempotency-Key row (caller, path, a hash of the body) was kept for these writes.
        await using (var tokens = data.CreateCommand($"select token from {Setup.Schema}.{EvaluationTokens.Table} where subject = $1"))
        {
            tokens.Parameters.Add(new NpgsqlParameter { Value = stream });
            var kept = new List<string>();
            await using var reader = await tokens.ExecuteReaderAsync();
            while (await reader.ReadAsync()) kept.Add(reader.GetString(0));
            Assert.Equal(5, kept.Count);
            Assert.All(kept, t => Assert.Matches("^[0-9a-f]{64}$", t));
        }
        await using (var keys = data.CreateCommand($"select count(*) from {Setup.Schema}.{Workshops.Core.Http.Idempotency.Table} where path like $1"))
        {
            keys.Parameters.Add(new NpgsqlParameter { Value = $"%{activity}%" });
            Assert.Equal(0L, (long)(await keys.ExecuteScalarAsync())!);
        }
    }

    [Fact]
    public async Task a_trainee_evaluates_a_training_they_took_once()
    {
        (await Host.Post("/api/teachers", new { id = "T1", name = "陈美玲", gender = "female", school = "厦门市第一中学", region = "350203", subject = "语文" }, School()))
            .ShouldBe(201);
        (await Host.Post("/api/teachers/T1/credits", new
        {
            course = "2025年厦门市新任班主任规范化培训", category = "head-teacher-training", level = "municipal", hours = 24, date = "2025-08-20",
            issuer = "厦门市教育局", programme = "xm-xrbzr-2025", region = "350200",
        }, School())).ShouldBe(200);
        var url = "/api/regions/350200/trainings/xm-xrbzr-2025/evaluations";
        var trainee = Token(Role.Member, "陈美玲", teacher: "T1");
        (await Host.Post(url, Scores(4, "课程安排紧凑"), trainee)).ShouldBe(200);
        (await Host.Post(url, Scores(4), trainee)).ShouldBeProblem(422, "evaluation.already-given");
        (await Host.Post(url, Scores(4), Token(Role.Member, "未参训教师", teacher: "T2"))).ShouldBeProblem(422, "evaluation.not-trained");
        (await Host.Post(url, Scores(4), Reviewer())).ShouldBeProblem(403);
        var results = (await Host.Get(url, Reviewer())).ShouldBe(200).Json["results"]!;
        Assert.False(results["shown"]!.GetValue<bool>());
    }
}
