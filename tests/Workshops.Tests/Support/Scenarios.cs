using System.Text.Json.Nodes;

namespace Workshops.Tests.Support;

/// <summary>Builds state through the public API, the way a school admin and a host would.</summary>
public static class Scenarios
{
    public static object StudioBody(string name = "厦门市第一中学班主任工作坊", string district = "350203", string city = "350200",
        string province = "350000", string founded = "2022-10-16", string track = "k12", bool rural = false) => new
    {
        name,
        school = "厦门市第一中学",
        region = new { province, city, district },
        level = "municipal",
        track,
        rural,
        foundedOn = founded,
        mode = "famous-teacher",
    };

    public static object Teacher(string id, string name, string gender = "female", string since = "2019-09-01",
        string teaching = "2015-09-01", bool serving = true, bool rural = false, string subject = "语文",
        string title = "一级教师", string school = "厦门市第一中学") => new
    {
        id,
        name,
        gender,
        school,
        subject,
        title,
        headTeacherSince = since,
        teachingSince = teaching,
        servingAsHeadTeacher = serving,
        rural,
    };

    public static async Task<Guid> EstablishStudio(this IAlbaHost host, string schoolToken, object? body = null)
    {
        var reply = (await host.Post("/api/studios", body ?? StudioBody(), schoolToken)).ShouldBe(201);
        return Guid.Parse(reply.Json["id"]!.GetValue<string>());
    }

    public static async Task<JsonNode> AddMember(this IAlbaHost host, Guid studio, string token, object teacher) =>
        (await host.Post($"/api/studios/{studio}/members", new { teacher }, token)).ShouldBe(200).Json;
}
