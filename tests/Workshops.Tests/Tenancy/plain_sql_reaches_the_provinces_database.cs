using Workshops.Core.Auth;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;
using static Workshops.Tests.Tenancy.ProvincesFixture;

namespace Workshops.Tests.Tenancy;

/// <summary>
/// What is read and written with plain SQL beside Marten's sessions (idempotency keys, kept views, the feed's
/// high-water mark) goes to the database of the studio's province, not to the ministry's.
/// </summary>
public sealed class plain_sql_reaches_the_provinces_database(ProvincesFixture fixture) : ProvincesTest(fixture)
{
    private string FujianSchool => Fixture.School("350503", "泉州市第五中学管理员");

    [Fact]
    public async Task an_idempotent_retry_on_a_fujian_studio_answers_the_same_reply_from_fujians_database()
    {
        var studio = await Host.EstablishStudio(FujianSchool, StudioBody("泉州市鲤城区班主任工作坊", district: "350503", city: "350500"));
        var key = $"host-{studio}";
        var body = new { teacher = Teacher("H7", "林晓燕", since: "2008-09-01", teaching: "2004-09-01"), on = "2022-10-16" };

        var first = (await Host.Post($"/api/studios/{studio}/host", body, FujianSchool, ("Idempotency-Key", key))).ShouldBe(200);
        var retry = (await Host.Post($"/api/studios/{studio}/host", body, FujianSchool, ("Idempotency-Key", key))).ShouldBe(200);

        Assert.Equal("true", retry.Header("Idempotent-Replayed"));
        Assert.Equal(first.Text, retry.Text);
        Assert.Equal(2, await Fixture.Count(Fujian, "select count(*) from workshops.mt_events where stream_id = $1", studio));
        const string keys = "select count(*) from workshops.ws_idempotency where key = $1 and status = 200";
        Assert.Equal(1, await Fixture.Count(Fujian, keys, key));
        Assert.Equal(0, await Fixture.Count(Ministry, keys, key));
    }

    [Fact]
    public async Task a_kept_view_of_a_beijing_studio_is_kept_in_beijings_database()
    {
        var studio = await Host.EstablishStudio(Fixture.BeijingSchool, BeijingStudio("北京市东城区第二班主任工作坊"));

        var first = (await Host.Get($"/api/studios/{studio}", Fixture.BeijingSchool)).ShouldBe(200);
        (await Host.Get($"/api/studios/{studio}", Fixture.BeijingSchool, ("If-None-Match", first.Header("ETag")!))).ShouldBe(304);

        const string kept = "select count(*) from workshops.ws_view_memo where studio_id = $1";
        Assert.True(await Fixture.Count(Beijing, kept, studio) >= 1);
        Assert.Equal(0, await Fixture.Count(Ministry, kept, studio));
        Assert.Equal(0, await Fixture.Count(Fujian, kept, studio));
    }

    [Fact]
    public async Task the_feed_of_a_fujian_client_reads_fujians_events_up_to_fujians_high_water_mark()
    {
        var studio = await Host.EstablishStudio(FujianSchool, StudioBody("泉州市丰泽区第二班主任工作坊", district: "350503", city: "350500"));
        await Fixture.Settle();
        var client = Fixture.Token(Role.Integration, "泉州市教育平台", "350500");

        var page = (await Host.Get("/api/feed?limit=500", client)).ShouldBe(200).Json;

        var mark = await Fixture.Count(Fujian, "select last_seq_id from workshops.mt_event_progression where name = 'HighWaterMark'");
        // Read to the end, the page continues after Fujian's mark.
        Assert.Null(page["next"]);
        Assert.Equal(mark, Workshops.Integrations.FeedCursor.Read(page["cursor"]!.GetValue<string>())![Fujian].After);
        Assert.Contains(page["events"]!.AsArray(), e => e!["studioId"]!.GetValue<string>() == studio.ToString());
    }
}
