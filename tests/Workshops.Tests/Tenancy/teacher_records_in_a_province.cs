using Workshops.Core.Auth;
using Workshops.Teachers;
using Workshops.Tests.Support;
using static Workshops.Tests.Tenancy.ProvincesFixture;

namespace Workshops.Tests.Tenancy;

/// <summary>
/// A teacher's record with a database per province: registered, read and written in the province of the school admin's
/// region; another province's admin and reviewer find nothing there (their requests read their own database).
/// </summary>
public sealed class teacher_records_in_a_province(ProvincesFixture fixture) : ProvincesTest(fixture)
{
    [Fact]
    public async Task a_record_is_read_and_written_in_its_provinces_database_only()
    {
        const string id = "T22-REC";
        (await Host.Post("/api/teachers", new
        {
            id, name = "林晓燕", gender = "female", school = "厦门市集美区实验学校", region = "350211", subject = "语文", birthYear = 1986,
            teachingSince = "2008-09-01", headTeacherSince = "2012-09-01",
        }, Fixture.JimeiSchool)).ShouldBe(201);
        const string stream = "select count(*) from workshops.mt_streams where id = $1";
        Assert.Equal(1, await Fixture.Count(Fujian, stream, TeacherStreams.IdOf(id)));
        Assert.Equal(0, await Fixture.Count(Beijing, stream, TeacherStreams.IdOf(id)));

        Assert.Equal("林晓燕", (await Host.Get($"/api/teachers/{id}", Fixture.JimeiSchool)).ShouldBe(200).Json["name"]!.GetValue<string>());
        (await Host.Get($"/api/teachers/{id}/facts", Fixture.FujianReviewer)).ShouldBe(200);
        (await Host.Get($"/api/teachers/{id}/history", Fixture.JimeiSchool)).ShouldBe(200);
        (await Host.Get($"/api/teachers/{id}/tiers", Fixture.FujianReviewer)).ShouldBe(200);
        (await Host.Post($"/api/teachers/{id}/titles", new { title = "first", on = "2019-09-01" }, Fixture.JimeiSchool)).ShouldBe(200);

        (await Host.Get($"/api/teachers/{id}", Fixture.ChaoyangSchool)).ShouldBeProblem(404);
        (await Host.Get($"/api/teachers/{id}/facts", Fixture.BeijingReviewer)).ShouldBeProblem(404);
        (await Host.Post($"/api/teachers/{id}/titles", new { title = "senior", on = "2024-09-01" }, Fixture.ChaoyangSchool)).ShouldBeProblem(404);
    }
}
