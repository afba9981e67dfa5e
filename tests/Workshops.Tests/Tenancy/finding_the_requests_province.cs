using Microsoft.AspNetCore.Http;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Tests.Support;
using static Workshops.Tests.Tenancy.ProvincesFixture;

namespace Workshops.Tests.Tenancy;

/// <summary>
/// Only a studio's route makes the provinces look for a studio; an id found nowhere is remembered briefly; a national
/// read that no province answered is unavailable, not empty.
/// </summary>
public sealed class finding_the_requests_province(ProvincesFixture fixture) : ProvincesTest(fixture)
{
    [Theory]
    [InlineData("/api/studios/{0}", "id", true)]
    [InlineData("/api/studios/{0}/activities", "id", true)]
    [InlineData("/api/showcase/studios/{0}", "id", true)]
    [InlineData("/api/anything/{0}/outputs", "studioId", true)]
    [InlineData("/api/applications/{0}", "id", false)]
    [InlineData("/api/webhooks/{0}", "id", false)]
    public void only_a_studios_route_names_a_studio(string path, string key, bool studio)
    {
        var id = Guid.NewGuid();
        var http = new DefaultHttpContext();
        http.Request.Path = string.Format(path, id);
        http.Request.RouteValues[key] = id.ToString();

        Assert.Equal(studio ? id : null, StudioRoute.IdOf(http));
    }

    [Fact]
    public async Task an_id_found_in_no_province_is_remembered_briefly_as_unknown()
    {
        var unknown = Guid.NewGuid();
        (await Host.Get($"/api/studios/{unknown}", Fixture.NationalReviewer)).ShouldBeProblem(404);
        await Fixture.Close(Beijing);
        try
        {
            // Remembered: no province is asked again, so Beijing being closed does not matter yet.
            (await Host.Get($"/api/studios/{unknown}", Fixture.NationalReviewer)).ShouldBeProblem(404);
            Fixture.Clock.Advance(Workshops.Studios.StudioRegions.MissKept + TimeSpan.FromSeconds(1));
            // Forgotten: asked again, and the studio might be in Beijing, which does not answer.
            (await Host.Get($"/api/studios/{unknown}", Fixture.NationalReviewer)).ShouldBeProblem(503);
        }
        finally
        {
            await Fixture.Reopen(Beijing);
        }
    }

    [Fact]
    public void a_national_read_no_province_answered_is_unavailable_not_empty()
    {
        var down = new Npgsql.NpgsqlException("Failed to connect");
        var none = new Legs<int>([new Leg<int>(Beijing, 0, down), new Leg<int>(Fujian, 0, new TimeoutException())]);
        var some = new Legs<int>([new Leg<int>(Beijing, 0, down), new Leg<int>(Fujian, 3, null)]);

        Assert.Same(down, Assert.Throws<Npgsql.NpgsqlException>(() => none.Incomplete(new DefaultHttpContext(), complete: null)));
        var http = new DefaultHttpContext();
        Assert.Null(some.Incomplete(http, complete: null));
        Assert.Equal(Beijing, http.Response.Headers[Legs<int>.MissingHeader].ToString());
    }
}
