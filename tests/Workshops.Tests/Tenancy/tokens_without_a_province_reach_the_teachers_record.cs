using Marten;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Growth;
using Workshops.Teachers;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;
using static Workshops.Tests.Tenancy.ProvincesFixture;

namespace Workshops.Tests.Tenancy;

/// <summary>
/// A host's and a member's token carry no region, and a national one reaches every province: a request of theirs about a
/// teacher's record goes to the province keeping it (the ministry's "served in" index says where to look), not to the
/// ministry's database. Registering a teacher tells the index too, and the index can be re-derived from the events.
/// </summary>
public sealed class tokens_without_a_province_reach_the_teachers_record(ProvincesFixture fixture) : ProvincesTest(fixture)
{
    private static object Record(string id, string region, string school) => new
    {
        id, name = "林晓燕", gender = "female", school, region, subject = "语文", birthYear = 1986,
        teachingSince = "2008-09-01", headTeacherSince = "2012-09-01",
    };

    private const string Stream = "select count(*) from workshops.mt_events where stream_id = $1";
    private const string Line = "select count(*) from workshops.mt_doc_servedin where id = $1";

    /// <summary>Waits until the ministry's index has the line (written through the outbox after the write commits).</summary>
    private async Task Indexed(string teacher, string province)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await Fixture.Count(Ministry, Line, $"{province}:{teacher}") == 1) return;
            await Task.Delay(100);
        }
        Assert.Fail($"The ministry's index has no line for {teacher} in {province}.");
    }

    /// <summary>A Jimei studio with a host and the teacher as a member, the teacher's hours from one activity.</summary>
    private async Task<Guid> JimeiStudio(string teacher, string name)
    {
        var studio = await Host.EstablishStudio(Fixture.JimeiSchool, StudioBody(name, district: "350211"));
        (await Host.Post($"/api/studios/{studio}/host", new { teacher = Teacher($"{teacher}-H", "陈美玲", since: "2008-09-01", teaching: "2005-09-01"), on = "2022-10-16" },
            Fixture.JimeiSchool)).ShouldBe(200);
        (await Host.Post($"/api/studios/{studio}/members", new { teacher = Teacher(teacher, "林晓燕", since: "2012-09-01", teaching: "2008-09-01"), on = "2022-10-16" },
            Fixture.JimeiSchool)).ShouldBe(200);
        await Host.LogActivity(studio, Fixture.HostOf(studio), Activity("lecture", ["learning"], "2026-02-10", 3, [(teacher, 3)]));
        return studio;
    }

    [Fact]
    public async Task a_host_of_a_fujian_studio_registers_reads_and_writes_the_record_kept_in_fujian()
    {
        const string teacher = "T22-HOSTED";
        var studio = await JimeiStudio(teacher, "厦门市集美区第三班主任工作坊");
        var host = Fixture.HostOf(studio);

        // The body's region places the record: the host's token has none.
        (await Host.Post("/api/teachers", Record(teacher, "350211", "厦门市集美区实验学校"), host)).ShouldBe(201);
        Assert.Equal(3, await Fixture.Count(Fujian, Stream, TeacherStreams.IdOf(teacher)));
        Assert.Equal(0, await Fixture.Count(Ministry, Stream, TeacherStreams.IdOf(teacher)));
        await Fixture.Settle();
        await Indexed(teacher, Fujian);

        Assert.Equal("林晓燕", (await Host.Get($"/api/teachers/{teacher}", host)).ShouldBe(200).Json["name"]!.GetValue<string>());
        foreach (var read in new[] { "facts", "history", "tiers", "credits", "certificates", "clocks" })
            (await Host.Get($"/api/teachers/{teacher}/{read}", host)).ShouldBe(200);
        Assert.Equal(teacher, (await Host.Get($"/api/teachers/{teacher}/hours", host)).ShouldBe(200).Json["teacherId"]!.GetValue<string>());
        var file = (await Host.Get($"/api/teachers/{teacher}/growth-file", host)).ShouldBe(200).Json;
        Assert.Equal(studio.ToString(), file["studios"]![0]!["studioId"]!.GetValue<string>());
        Assert.True(file["clocks"]!["fromRecord"]!.GetValue<bool>());

        (await Host.Post($"/api/teachers/{teacher}/titles", new { title = "first", on = "2019-09-01" }, host)).ShouldBe(200);
        Assert.Equal(4, await Fixture.Count(Fujian, Stream, TeacherStreams.IdOf(teacher)));

        // The teacher's own login (a member's token) reads it too; a host of another studio is refused, not sent to 404.
        (await Host.Get($"/api/teachers/{teacher}", Fixture.MemberOf(studio, teacher))).ShouldBe(200);
        (await Host.Get($"/api/teachers/{teacher}/clocks", Fixture.MemberOf(studio, teacher))).ShouldBe(200);
        var other = await Host.EstablishStudio(Fixture.BeijingSchool, BeijingStudio("北京市东城区第九班主任工作坊"));
        (await Host.Get($"/api/teachers/{teacher}", Fixture.HostOf(other))).ShouldBeProblem(403);
        (await Host.Post($"/api/teachers/{teacher}/titles", new { title = "senior", on = "2024-09-01" }, Fixture.HostOf(other))).ShouldBeProblem(403);
    }

    [Fact]
    public async Task a_record_registered_where_the_teacher_was_never_on_a_roster_is_indexed_and_found_from_elsewhere()
    {
        const string teacher = "T22-MOVED";
        (await Host.Post("/api/teachers", Record(teacher, "350211", "厦门市集美区实验学校"), Fixture.JimeiSchool)).ShouldBe(201);
        await Indexed(teacher, Fujian);

        // Then the teacher joins a Beijing studio: the index names both, the record stays in Fujian.
        var beijing = await Host.EstablishStudio(Fixture.ChaoyangSchool, BeijingStudio("北京市朝阳区第三班主任工作坊", district: "110105"));
        (await Host.Post($"/api/studios/{beijing}/members", new { teacher = Teacher(teacher, "林晓燕", since: "2012-09-01", teaching: "2008-09-01"), on = "2025-09-01" },
            Fixture.ChaoyangSchool)).ShouldBe(200);
        await Fixture.Settle();
        await Indexed(teacher, Beijing);

        Assert.Equal("林晓燕", (await Host.Get($"/api/teachers/{teacher}", Fixture.NationalReviewer)).ShouldBe(200).Json["name"]!.GetValue<string>());
        // The Beijing host writes the record kept in Fujian: the roster that allows it is read in Beijing's database.
        (await Host.Post($"/api/teachers/{teacher}/titles", new { title = "first", on = "2020-09-01" }, Fixture.HostOf(beijing))).ShouldBe(200);
        Assert.Equal(4, await Fixture.Count(Fujian, Stream, TeacherStreams.IdOf(teacher)));
        Assert.Equal(0, await Fixture.Count(Beijing, Stream, TeacherStreams.IdOf(teacher)));
        // A province's token still reads its own database only.
        (await Host.Get($"/api/teachers/{teacher}", Fixture.BeijingReviewer)).ShouldBeProblem(404);
    }

    [Fact]
    public async Task the_index_is_rebuilt_from_every_provinces_events()
    {
        const string teacher = "T22-REBUILT";
        await JimeiStudio(teacher, "厦门市集美区第四班主任工作坊");
        (await Host.Post("/api/teachers", Record("T22-REGISTERED", "110105", "北京市朝阳区实验中学"), Fixture.ChaoyangSchool)).ShouldBe(201);
        await Fixture.Settle();
        await Indexed(teacher, Fujian);
        await Indexed("T22-REGISTERED", Beijing);

        // Lines lost, and one that no event supports.
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        await using (var ministry = store.LightweightSession(Ministry))
        {
            ministry.DeleteWhere<ServedIn>(x => x.TeacherId == teacher || x.TeacherId == "T22-REGISTERED");
            ministry.Store(ServedIn.Of(teacher, Beijing));
            await ministry.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var lines = await ServedInIndex.Rebuild(store, Host.Services.GetRequiredService<Tenants>(), TestContext.Current.CancellationToken);

        Assert.Equal([Beijing, Fujian], lines.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(1, await Fixture.Count(Ministry, Line, $"{Fujian}:{teacher}"));
        Assert.Equal(1, await Fixture.Count(Ministry, Line, $"{Fujian}:{teacher}-H"));
        Assert.Equal(0, await Fixture.Count(Ministry, Line, $"{Beijing}:{teacher}"));
        Assert.Equal(1, await Fixture.Count(Ministry, Line, $"{Beijing}:T22-REGISTERED"));
        Assert.Equal(lines.Values.Sum(), await Fixture.Count(Ministry, "select count(*) from workshops.mt_doc_servedin"));
    }
}
