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
        Assert.Equal("municipal", studio.Json["level"]!.GetValue<string>());
        Assert.Equal("famous-teacher", studio.Json["mode"]!.GetValue<string>());
        Assert.Equal("350203", studio.Json["region"]!["district"]!.GetValue<string>());
        Assert.Equal(1, studio.Json["version"]!.GetValue<long>());
        Assert.Equal("\"1\"", studio.Header("etag"));

        (await Host.Get($"/api/studios/{id}", School(), ("If-None-Match", "\"1\""))).ShouldBe(304);
        (await Host.Get($"/api/studios/{Guid.NewGuid()}", School())).ShouldBeProblem(404);
    }
}
