using Workshops.Core.Auth;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Reliability;

[Collection(ReliabilityCollection.Name)]
public sealed class nodes_and_outages(ITestOutputHelper output)
{
    /// <summary>
    /// Two API nodes on one database, the async daemon in hot/cold mode: the node holding the projections is killed, the
    /// other takes them over, and a rebuild shows nothing was projected twice or skipped. The second node starts without
    /// applying the schema (Database:ApplyChangesOnStartup = false), as nodes do after a deployment step.
    /// </summary>
    [Fact]
    public async Task when_the_projecting_node_dies_the_other_takes_over()
    {
        await using var lab = await ProcessLab.Start(durable: false);
        var first = await lab.StartApi();
        // The second node finds the schema in place, as after a deployment step, and skips applying it.
        var second = await lab.StartApi(new Dictionary<string, string> { ["Database__ApplyChangesOnStartup"] = "false" });
        var school = lab.Token(Role.School, "校管理员", region: "350203");
        var studio = await Chaos.StaffedStudio(first, school, "双节点工作坊");
        var host = lab.Token(Role.Host, "坊主", [studio]);
        var acknowledged = new List<Guid>();
        async Task Log(ApiProcess api, int n)
        {
            for (var i = 0; i < n; i++)
            {
                var day = new DateOnly(2026, 1, 1).AddDays(acknowledged.Count).ToString("yyyy-MM-dd");
                var (status, body, _) = await api.Send(HttpMethod.Post, $"/api/studios/{studio}/activities",
                    Activity("class-practice", ["practice"], day, 2, [("M1", 2), ("M2", 1)]), host);
                Assert.Equal(201, status);
                acknowledged.Add(Guid.Parse(body!["activityId"]!.GetValue<string>()));
            }
        }
        await Log(first, 10);
        await Log(second, 10);
        long Progress() => lab.Scalar<long?>(
            "select min(last_seq_id) from workshops.mt_event_progression where name in ('Studio:All', 'StudioYear:All', 'Honour:All', 'TeacherFile:All', 'CreditMonth:All')").Result ?? 0;
        long Mark() => lab.Scalar<long>("select max(seq_id) from workshops.mt_events").Result;
        await Eventually.Until(() => Task.FromResult(Progress()), p => p >= Mark(), TimeSpan.FromSeconds(60), "the daemon to catch up");

        // Kill one node, then the other if the first was not the one projecting: either way one survives and projects.
        first.Kill();
        await Log(second, 10);
        await Eventually.Until(() => Task.FromResult(Progress()), p => p >= Mark(), TimeSpan.FromSeconds(90), "the surviving node to project");
        output.WriteLine($"after the first node died the daemon reached {Progress()} of {Mark()}");
        await first.Start();
        second.Kill();
        await Log(first, 10);
        await Eventually.Until(() => Task.FromResult(Progress()), p => p >= Mark(), TimeSpan.FromSeconds(90), "the restarted node to project");
        first.Kill();

        var m2 = await lab.Scalar<long>("select sum(jsonb_array_length(r -> 'credits')) from workshops.mt_doc_creditmonth, jsonb_array_elements(data -> 'credits') r where teacher_id = 'M2' and year = 2026");
        Assert.Equal(acknowledged.Count, m2);
        await Chaos.Verify(lab, acknowledged, output);
    }

    /// <summary>Without its database the API answers 503 problem+json and is not ready; it recovers by itself when the database returns.</summary>
    [Fact]
    public async Task a_database_outage_is_503_and_heals_without_a_restart()
    {
        await using var lab = await ProcessLab.Start(durable: false);
        var api = await lab.StartApi();
        var school = lab.Token(Role.School, "校管理员", region: "350203");
        var studio = await Chaos.StaffedStudio(api, school, "断库工作坊");
        var host = lab.Token(Role.Host, "坊主", [studio]);

        await lab.StopDatabase();
        using (var ready = await api.Http.GetAsync($"{api.Url}/health/ready")) Assert.Equal(503, (int)ready.StatusCode);
        using (var live = await api.Http.GetAsync($"{api.Url}/health/live")) Assert.Equal(200, (int)live.StatusCode);
        var write = await api.Send(HttpMethod.Post, $"/api/studios/{studio}/activities",
            Activity("lecture", ["learning"], "2026-01-20", 2, [("M1", 2)]), host);
        Assert.Equal(503, write.Status);
        Assert.Equal("urn:problem:workshops:database.unavailable", write.Body!["type"]!.GetValue<string>());
        var read = await api.Send(HttpMethod.Get, $"/api/studios/{studio}/years/2026", null!, host);
        Assert.Equal(503, read.Status);

        await lab.StartDatabase(durable: false);
        await api.WaitReady(TimeSpan.FromSeconds(60));
        var after = await Eventually.Until(() => api.Send(HttpMethod.Post, $"/api/studios/{studio}/activities",
            Activity("lecture", ["learning"], "2026-01-20", 2, [("M1", 2)]), host), r => r.Status == 201, TimeSpan.FromSeconds(30), "writes to work again");
        Assert.True(api.Running);
        Assert.Equal(201, after.Status);
    }

    /// <summary>
    /// A database written by an earlier version, before the search terms had a column of their own:
    /// the next start adds it, fills it from the documents, and the schema step completes.
    /// </summary>
    [Fact]
    public async Task an_earlier_database_is_upgraded_in_place_with_its_rows()
    {
        await using var lab = await ProcessLab.Start(durable: false);
        var api = await lab.StartApi();
        var school = lab.Token(Role.School, "校管理员", region: "350203");
        var studio = await Chaos.StaffedStudio(api, school, "升级工作坊");
        var host = lab.Token(Role.Host, "坊主", [studio]);
        Assert.Equal(201, (await api.Send(HttpMethod.Post, $"/api/studios/{studio}/activities",
            Activity("lecture", ["learning"], "2025-03-10", 2, [("M1", 2)]), host)).Status);
        Assert.Equal(201, (await api.Send(HttpMethod.Post, $"/api/studios/{studio}/outputs",
            new { kind = "brand", title = "家校共育品牌", authors = new[] { "H1" }, date = "2025-04-01" }, host)).Status);
        api.Kill();
        await lab.Scalar<int>("""
            alter table workshops.mt_doc_outputrecord drop column search_terms;
            select 1
            """);

        await api.Start();
        Assert.Equal(1L, await lab.Scalar<long>(
            "select count(*) from workshops.mt_doc_outputrecord where search_terms @@ to_tsquery('simple', 'b5bb6x6821')"));
        // The schema step found everything in place: the search index is back and writes work.
        Assert.Equal(1L, await lab.Scalar<long>(
            "select count(*) from pg_indexes where schemaname = 'workshops' and tablename = 'mt_doc_outputrecord' and indexdef like '%search_terms%'"));
        Assert.Equal(201, (await api.Send(HttpMethod.Post, $"/api/studios/{studio}/activities",
            Activity("lecture", ["learning"], "2025-03-11", 2, [("M1", 2)]), host)).Status);
        api.Kill();
    }

    /// <summary>
    /// The API process is killed (SIGKILL) right after acknowledging a write whose webhook could not be delivered yet
    /// (the receiver is down): after a restart the durable outbox still delivers it, signed, with the activity in it.
    /// </summary>
    [Fact]
    public async Task a_write_acknowledged_before_a_kill_is_delivered_after_the_restart()
    {
        await using var lab = await ProcessLab.Start(durable: false);
        var api = await lab.StartApi(new Dictionary<string, string> { ["Webhooks__FirstRetry"] = "00:00:01", ["Webhooks__MaxAttempts"] = "30" });
        var school = lab.Token(Role.School, "校管理员", region: "350203");
        var studio = await Chaos.StaffedStudio(api, school, "投递工作坊");
        var receiver = WebhookReceiver.NotStarted();
        const string secret = "s3cret-for-signing-webhooks";
        var subscribed = await api.Send(HttpMethod.Post, "/api/webhooks",
            new { url = receiver.Url, eventTypes = new[] { "activity.logged" }, region = "350203", secret }, lab.Token(Role.Integration, "平台", region: "350203"));
        Assert.Equal(201, subscribed.Status);
        var host = lab.Token(Role.Host, "坊主", [studio]);
        var (status, body, _) = await api.Send(HttpMethod.Post, $"/api/studios/{studio}/activities",
            Activity("lecture", ["learning"], "2026-01-20", 2, [("M1", 2)]), host);
        Assert.Equal(201, status);
        var activity = body!["activityId"]!.GetValue<string>();
        api.Kill();

        await receiver.Open();
        await using (receiver)
        {
            await api.Start();
            await Eventually.Until(() => Task.FromResult(receiver.Requests.Count), n => n >= 1, TimeSpan.FromSeconds(90), "delivery after the restart");
            var delivered = receiver.Requests.Where(r => System.Text.Encoding.UTF8.GetString(r.Body).Contains(activity, StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(delivered);
            Assert.All(delivered, r => Assert.True(Workshops.Integrations.WebhookSignature.Verify(secret,
                r.Headers[Workshops.Integrations.WebhookSignature.TimestampHeader], r.Body, r.Headers[Workshops.Integrations.WebhookSignature.SignatureHeader])));
            output.WriteLine($"delivered after a SIGKILL and a restart: {delivered.Count} request(s) for activity {activity}");
        }
        api.Kill();
    }
}
