using Workshops.Views;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Studios;

/// <summary>
/// The studio view gives each teacher's personal fields (birth year, party membership, gender, rural flag, years of
/// service …) to the studio's own people and its school only; reviewers and integrations see name, school, subject and
/// title. Both versions are kept, each under its own key.
/// </summary>
public sealed class studio_view_audiences(AppFixture fixture) : ApiTest(fixture)
{
    private static readonly string[] Public = ["id", "name", "school", "subject", "title"];
    private static readonly string[] Personal = ["gender", "birthYear", "partyMember", "rural", "headTeacherSince", "teachingSince"];

    private async Task<Guid> StudioWithPersonalFields()
    {
        Clock.Set(2026, 3, 10);
        var id = await Host.StaffedStudio(School());
        (await Host.Post($"/api/studios/{id}/members", new
        {
            teacher = new
            {
                id = "M4", name = "苏雅", gender = "female", school = "厦门市第一中学", subject = "数学", title = "一级教师",
                headTeacherSince = "2015-09-01", teachingSince = "2012-09-01", servingAsHeadTeacher = true, rural = true,
                birthYear = 1988, partyMember = true,
            },
            on = "2026-03-01",
        }, School())).ShouldBe(200);
        return id;
    }

    private static IEnumerable<JsonObject> Teachers(JsonNode studio) =>
        new[] { studio["host"], studio["coordinator"] }.Concat(studio["members"]!.AsArray()).Concat(studio["trainees"]!.AsArray())
            .Where(e => e is not null).Select(e => e!["teacher"]!.AsObject());

    [Fact]
    public async Task its_own_people_and_its_school_see_personal_fields_others_do_not()
    {
        var id = await StudioWithPersonalFields();
        foreach (var own in new[] { HostOf(id), MemberOf(id), School() })
        {
            var m4 = Teachers((await Host.Get($"/api/studios/{id}", own)).ShouldBe(200).Json).Single(t => t["id"]!.GetValue<string>() == "M4");
            Assert.Equal(1988, m4["birthYear"]!.GetValue<int>());
            Assert.True(m4["partyMember"]!.GetValue<bool>());
        }
        foreach (var other in new[] { Reviewer(), Reviewer("000000"), Token(Role.Integration, "区平台", region: "350203") })
        {
            var view = (await Host.Get($"/api/studios/{id}", other)).ShouldBe(200);
            foreach (var teacher in Teachers(view.Json))
            {
                Assert.Equal(Public.Order(), teacher.Select(p => p.Key).Order());
                Assert.DoesNotContain(Personal, p => teacher.ContainsKey(p));
            }
            Assert.DoesNotContain("1988", view.Text);
            Assert.Equal("苏雅", Teachers(view.Json).Single(t => t["id"]!.GetValue<string>() == "M4")["name"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task a_reviewer_never_gets_the_own_peoples_answer_from_the_kept_views()
    {
        var id = await StudioWithPersonalFields();
        var own = (await Host.Get($"/api/studios/{id}", HostOf(id))).ShouldBe(200);
        Assert.Equal(own.Text, (await Host.Get($"/api/studios/{id}", HostOf(id))).ShouldBe(200).Text);

        // Mark the kept answers: whatever a reviewer is served must not be one computed for the studio's own people.
        var data = Host.Services.GetRequiredService<NpgsqlDataSource>();
        await using (var cmd = data.CreateCommand(
                         $"update {Setup.Schema}.{ViewMemo.Table} set body = convert_to(convert_from(body, 'UTF8') || ' ', 'UTF8') where key like $1"))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = $"studio|{id}|%" });
            Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
        }
        var reviewer = (await Host.Get($"/api/studios/{id}", Reviewer())).ShouldBe(200);
        Assert.NotEqual(own.Text, reviewer.Text);
        Assert.False(reviewer.Text.EndsWith(' '));
        Assert.DoesNotContain("birthYear", reviewer.Text);
        // The reviewer's answer is kept under a key of its own, and served again to the next reviewer.
        Assert.Equal(reviewer.Text, (await Host.Get($"/api/studios/{id}", Reviewer("350000"))).ShouldBe(200).Text);
        await using var count = data.CreateCommand($"select count(*) from {Setup.Schema}.{ViewMemo.Table} where key like $1");
        count.Parameters.Add(new NpgsqlParameter { Value = $"studio|{id}|%" });
        Assert.Equal(2L, (long)(await count.ExecuteScalarAsync())!);
        Assert.EndsWith(" ", (await Host.Get($"/api/studios/{id}", HostOf(id))).ShouldBe(200).Text);
    }
}
