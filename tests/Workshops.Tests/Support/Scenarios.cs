using System.Text.Json.Nodes;

namespace Workshops.Tests.Support;

/// <summary>Builds state through the public API, the way a school admin and a host would.</summary>
public static class Scenarios
{
    /// <summary>
    /// A studio's body: school-level (校级) unless asked, as a school establishes it directly; a district, municipal or
    /// provincial one is registered directly only by a reviewer of that level, with a reason.
    /// </summary>
    public static object StudioBody(string name = "厦门市第一中学班主任工作坊", string district = "350203", string city = "350200",
        string province = "350000", string founded = "2022-10-16", string track = "k12", bool rural = false, string level = "school",
        string? reason = null)
    {
        var body = new
        {
            name,
            school = "厦门市第一中学",
            region = new { province, city, district },
            level,
            track,
            rural,
            foundedOn = founded,
            mode = "famous-teacher",
        };
        return reason is null ? body : new { body.name, body.school, body.region, body.level, body.track, body.rural, body.foundedOn, body.mode, reason };
    }

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

    /// <summary>A studio founded 2022-10-16 with host H1, members M1–M3 and trainee S1, as the school admin sets it up.</summary>
    public static async Task<Guid> StaffedStudio(this IAlbaHost host, string schoolToken, object? body = null)
    {
        var id = await host.EstablishStudio(schoolToken, body);
        (await host.Post($"/api/studios/{id}/host", new { teacher = Teacher("H1", "陈美玲", since: "2008-09-01", teaching: "2005-09-01"), on = "2022-10-16" }, schoolToken)).ShouldBe(200);
        (await host.Post($"/api/studios/{id}/members", new { teacher = Teacher("M1", "林晓燕", since: "2019-09-01"), on = "2022-10-16" }, schoolToken)).ShouldBe(200);
        (await host.Post($"/api/studios/{id}/members", new { teacher = Teacher("M2", "黄志强", "male", since: "2016-09-01"), on = "2022-10-16" }, schoolToken)).ShouldBe(200);
        (await host.Post($"/api/studios/{id}/members", new { teacher = Teacher("M3", "郑雅琴", since: "2021-09-01"), on = "2022-10-16" }, schoolToken)).ShouldBe(200);
        (await host.Post($"/api/studios/{id}/trainees", new { teacher = Teacher("S1", "吴思远", "male", since: "2023-09-01", teaching: "2023-08-20", rural: true), on = "2023-09-01" }, schoolToken)).ShouldBe(200);
        return id;
    }

    public static object Activity(string kind, string[] domains, string date, decimal hours, (string Id, decimal Hours)[] attendees,
        Guid[]? tasks = null, string title = "班主任工作坊活动") => new
    {
        kind,
        domains,
        title,
        date,
        hours,
        place = "厦门市第一中学",
        attendees = attendees.Select(a => new { teacherId = a.Id, hours = a.Hours }).ToArray(),
        taskIds = tasks ?? [],
        summary = "围绕家校共育开展研讨，形成活动记录。",
        evidence = new[] { "https://example.org/evidence/1" },
    };

    public static async Task<Guid> LogActivity(this IAlbaHost host, Guid studio, string token, object activity)
    {
        var reply = (await host.Post($"/api/studios/{studio}/activities", activity, token)).ShouldBe(201);
        return Guid.Parse(reply.Json["activityId"]!.GetValue<string>());
    }

    public static async Task<JsonNode> AddMember(this IAlbaHost host, Guid studio, string token, object teacher) =>
        (await host.Post($"/api/studios/{studio}/members", new { teacher }, token)).ShouldBe(200).Json;
}
