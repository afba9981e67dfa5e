using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Auth;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Security;

/// <summary>
/// Every endpoint × every role × own / other studio or region, against the outcome declared once in the table below.
/// Allowed means neither 401 nor 403 (the request may still be invalid); refused means 403. An endpoint added without
/// an entry fails the test, and so does an entry whose endpoint is gone (OWASP API1, API3, API5).
/// </summary>
public sealed class authorization_matrix(AppFixture fixture) : ApiTest(fixture)
{
    private const Role H = Role.Host, M = Role.Member, S = Role.School, R = Role.Reviewer, I = Role.Integration;
    private static readonly Role[] Everyone = [H, M, S, R, I];
    private static readonly Role[] Nobody = [];

    private sealed record Rule(Role[] Own, Role[] Other, bool Anonymous = false);

    private static Rule Own(params Role[] roles) => new(roles, Nobody);
    private static Rule Both(params Role[] roles) => new(roles, roles);

    /// <summary>The table: for each endpoint, who may act on their own studio/region, and who on another one.</summary>
    private static readonly Dictionary<string, Rule> Table = new()
    {
        ["GET /api/reference"] = new(Everyone, Everyone, Anonymous: true),
        ["GET /api/reference/regions"] = new(Everyone, Everyone, Anonymous: true),
        ["POST /api/dev/tokens"] = new(Everyone, Everyone, Anonymous: true),
        ["GET /api/studios"] = Both(Everyone),
        // The public showcase: read without a token (only what studios published).
        ["GET /api/showcase/outputs"] = new(Everyone, Everyone, Anonymous: true),
        ["GET /api/showcase/outputs/{outputId}"] = new(Everyone, Everyone, Anonymous: true),
        ["GET /api/showcase/studios"] = new(Everyone, Everyone, Anonymous: true),
        ["GET /api/showcase/studios/{id}"] = new(Everyone, Everyone, Anonymous: true),
        ["POST /api/studios/{id}/showcase"] = Own(H),
        ["POST /api/studios/{id}/showcase/outputs/{outputId}"] = Own(H),
        ["GET /api/hour-policies"] = Both(Everyone),
        ["GET /api/standards"] = Both(Everyone),
        ["GET /api/standards/{standard}"] = Both(Everyone),
        ["GET /api/hour-policies/{policy}"] = Both(Everyone),
        ["GET /api/rule-sets/{ruleSet}"] = Both(Everyone),
        ["GET /api/regions/{code}/hour-policies"] = Both(Everyone),
        ["POST /api/studios"] = Own(S, R),
        ["GET /api/studios/{id}"] = Own(H, M, S, R, I),
        ["GET /api/studios/{id}/activities"] = Own(H, M, S, R, I),
        ["GET /api/studios/{id}/activities/{activityId}"] = Own(H, M, S, R, I),
        ["GET /api/studios/{id}/outputs"] = Own(H, M, S, R, I),
        ["GET /api/studios/{id}/outputs/{outputId}"] = Own(H, M, S, R, I),
        ["GET /api/studios/{id}/years/{year}"] = Own(H, M, S, R, I),
        ["GET /api/studios/{id}/years/{year}/reflections/{reflectionId}"] = Own(H, M, S, R, I),
        ["GET /api/studios/{id}/ledger/{year}"] = Own(H, M, S, R, I),
        ["GET /api/studios/{id}/plans/{year}"] = Own(H, M, S, R, I),
        ["GET /api/studios/{id}/tasks"] = Own(H, M, S, R, I),
        ["GET /api/studios/{id}/tasks/{taskId}"] = Own(H, M, S, R, I),
        ["GET /api/studios/{id}/checklist"] = Own(H, M, S, R, I),
        ["GET /api/studios/{id}/recognitions/{year}"] = Own(H, M, S, R, I),
        ["GET /api/studios/{id}/reports/annual/{year}"] = Own(H, M, S, R, I),
        ["POST /api/studios/{id}/host"] = Own(H, S),
        ["POST /api/studios/{id}/host/step-down"] = Own(H, S),
        ["POST /api/studios/{id}/coordinator"] = Own(H, S),
        ["POST /api/studios/{id}/supervision"] = Own(S),
        ["POST /api/studios/{id}/coordinator/step-down"] = Own(H, S),
        ["POST /api/studios/{id}/members"] = Own(H, S),
        ["POST /api/studios/{id}/members/{teacherId}/leave"] = Own(H, S),
        ["POST /api/studios/{id}/trainees"] = Own(H, S),
        ["POST /api/studios/{id}/trainees/{teacherId}/complete"] = Own(H, S),
        ["POST /api/studios/{id}/mentorships"] = Own(H, S),
        ["POST /api/studios/{id}/experts"] = Own(H, S),
        ["PUT /api/studios/{id}/plans/{year}"] = Own(H),
        ["POST /api/studios/{id}/plans/{year}/revision"] = Own(H),
        ["POST /api/studios/{id}/plans/{year}/approval"] = Own(S),
        ["POST /api/studios/{id}/tasks"] = Own(H),
        ["POST /api/studios/{id}/tasks/{taskId}/revision"] = Own(H),
        ["POST /api/studios/{id}/tasks/{taskId}/progress"] = Own(H),
        ["POST /api/studios/{id}/tasks/{taskId}/close"] = Own(H),
        ["POST /api/studios/{id}/tasks/{taskId}/carry-over"] = Own(H),
        ["POST /api/studios/{id}/tasks/{taskId}/cancel"] = Own(H),
        ["POST /api/studios/{id}/tasks/{taskId}/reopen"] = Own(H),
        ["POST /api/studios/{id}/activities"] = Own(H, M),
        ["POST /api/studios/{id}/activities/{activityId}/corrections"] = Own(H),
        ["POST /api/studios/{id}/activities/{activityId}/void"] = Own(H),
        ["POST /api/studios/{id}/outputs"] = Own(H, M),
        ["POST /api/studios/{id}/outputs/{outputId}/revision"] = Own(H),
        ["POST /api/studios/{id}/outputs/{outputId}/submit"] = Own(H),
        ["POST /api/studios/{id}/outputs/{outputId}/approve"] = Own(S),
        ["POST /api/studios/{id}/outputs/{outputId}/return"] = Own(S),
        ["POST /api/studios/{id}/outputs/{outputId}/recommend"] = Own(R),
        ["POST /api/studios/{id}/years/{year}/summary"] = Own(H),
        ["POST /api/studios/{id}/reflections"] = Own(H, M),
        ["POST /api/studios/{id}/leadership-hearings"] = Own(S),
        ["POST /api/studios/{id}/assessments/{year}"] = Own(R),
        ["POST /api/studios/{id}/attestations"] = Own(S, R),
        ["POST /api/studios/{id}/judgements"] = Own(R),
        ["POST /api/studios/{id}/growth/{teacherId}/profile"] = Own(H, M),
        ["POST /api/studios/{id}/growth/{teacherId}/trainings"] = Own(H, M),
        ["POST /api/studios/{id}/growth/{teacherId}/awards"] = Own(H, M),
        ["POST /api/studios/{id}/growth/{teacherId}/ratings"] = Own(H, M),
        ["POST /api/studios/{id}/growth/{teacherId}/mentor-notes"] = Own(H),
        ["POST /api/studios/{id}/growth/{teacherId}/reflections"] = Own(H, M),
        ["POST /api/studios/{id}/growth/{teacherId}/expert-tier"] = Own(R),
        ["GET /api/teachers/{teacherId}/growth-file"] = Own(H, M, S, R),
        ["GET /api/teachers/{teacherId}/hours"] = Own(H, M, S, R),
        ["POST /api/hour-policies"] = Both(R),
        ["PUT /api/regions/{code}/hour-policies"] = Own(R),
        ["POST /api/standards"] = Both(R),
        ["PUT /api/regions/{code}/standards"] = Own(R),
        ["GET /api/reviews/checklists"] = Own(S, R),
        ["GET /api/reviews/studios"] = Own(S, R),
        ["GET /api/reviews/workshops"] = Own(S, R),
        ["GET /api/reviews/cases"] = Own(S, R),
        ["GET /api/reviews/workshop-cases"] = Own(S, R),
        ["GET /api/reviews/cases/{outputId}"] = Own(S, R),
        ["GET /api/reviews/outputs"] = Own(S, R),
        ["GET /api/regions/{code}/dashboard"] = Own(S, R),
        ["GET /api/rule-sets"] = Both(Everyone),
        ["POST /api/rule-sets"] = Both(R),
        ["GET /api/regions/{code}/rule-sets"] = Both(Everyone),
        ["PUT /api/regions/{code}/rule-sets"] = Own(R),
        ["GET /api/studios/{id}/rule-set"] = Own(H, M, S, R, I),
        ["POST /api/teachers"] = Own(H, S),
        ["GET /api/teachers/{teacherId}"] = Own(H, M, S, R),
        ["GET /api/teachers/{teacherId}/facts"] = Own(H, M, S, R),
        ["GET /api/teachers/{teacherId}/history"] = Own(H, M, S, R),
        ["GET /api/teachers/{teacherId}/tiers"] = Own(H, M, S, R),
        ["POST /api/teachers/{teacherId}/details"] = Own(H, S),
        ["POST /api/teachers/{teacherId}/head-teacher-service"] = Own(H, S),
        ["POST /api/teachers/{teacherId}/head-teacher-service/end"] = Own(H, S),
        ["POST /api/teachers/{teacherId}/rural-postings"] = Own(H, S),
        ["POST /api/teachers/{teacherId}/rural-postings/end"] = Own(H, S),
        ["POST /api/teachers/{teacherId}/principal-service"] = Own(H, S),
        ["POST /api/teachers/{teacherId}/principal-service/end"] = Own(H, S),
        ["POST /api/teachers/{teacherId}/teaching-start"] = Own(H, S),
        ["POST /api/teachers/{teacherId}/titles"] = Own(H, S),
        ["POST /api/teachers/{teacherId}/honours"] = Own(H, S),
        ["POST /api/teachers/{teacherId}/school-moves"] = Own(H, S),
        ["POST /api/teachers/{teacherId}/mentors"] = Own(H, S),
        ["POST /api/teachers/{teacherId}/retractions"] = Own(H, S),
        ["POST /api/teachers/{teacherId}/recognitions"] = Own(R),
        ["POST /api/teachers/{teacherId}/recognitions/revocations"] = Own(R),
        ["POST /api/teachers/{teacherId}/expert-candidacy"] = Own(R),
        ["POST /api/teachers/{teacherId}/expert-candidacy/training"] = Own(R),
        ["POST /api/teachers/{teacherId}/credits"] = Own(H, S),
        ["POST /api/teachers/{teacherId}/credits/{creditId}/retraction"] = Own(H, S),
        ["POST /api/teachers/{teacherId}/credits/{creditId}/recognition"] = Own(R),
        ["GET /api/teachers/{teacherId}/credits"] = Own(H, M, S, R),
        ["POST /api/teachers/{teacherId}/certificates"] = Own(R),
        ["POST /api/teachers/{teacherId}/certificates/{certificateId}/withdrawal"] = Own(R),
        ["GET /api/teachers/{teacherId}/certificates"] = Own(H, M, S, R),
        ["GET /api/teachers/{teacherId}/clocks"] = Own(H, M, S, R),
        ["POST /api/teachers/{teacherId}/head-teacher-honour"] = Own(R),
        ["GET /api/regions/{code}/head-teacher-honours"] = Own(S, R),
        ["GET /api/studios/{id}/certificates"] = Own(H, S, R),
        ["PUT /api/regions/{code}/credit-recognition"] = Own(R),
        ["GET /api/regions/{code}/credit-recognition"] = Both(Everyone),
        ["POST /api/studios/{id}/activities/{activityId}/evaluations"] = Own(M),
        ["GET /api/studios/{id}/activities/{activityId}/evaluations"] = Own(H, M, S, R, I),
        ["GET /api/studios/{id}/evaluations/{year}"] = Own(H, M, S, R, I),
        // A teacher's own login evaluates a training they took: whether they took it is a rule (422), not a role.
        ["POST /api/regions/{code}/trainings/{programme}/evaluations"] = Both(H, M),
        ["GET /api/regions/{code}/trainings/{programme}/evaluations"] = Own(S, R),
        // A province's package: reviewers whose region covers the code (the endpoint then wants a province code and,
        // to write, the province's own reviewer; receipt, a national one: submission_rules and provincial_submission).
        ["POST /api/regions/{code}/submissions/{year}"] = Own(R),
        ["GET /api/regions/{code}/submissions/{year}"] = Own(R),
        ["PUT /api/regions/{code}/submissions/{year}/summary"] = Own(R),
        ["POST /api/regions/{code}/submissions/{year}/cases"] = Own(R),
        ["DELETE /api/regions/{code}/submissions/{year}/cases/{outputId}"] = Own(R),
        ["POST /api/regions/{code}/submissions/{year}/submit"] = Own(R),
        ["POST /api/regions/{code}/submissions/{year}/receipt"] = Own(R),
        // Applications: the role is the policy's (403); an application outside the caller's region is not found (404, in
        // applying_and_selecting), so the other region's school and reviewers pass the role check here.
        ["POST /api/applications"] = Both(S),
        ["GET /api/applications"] = Both(S, R),
        ["GET /api/applications/{id}"] = Both(S, R),
        ["POST /api/applications/{id}/party-approval"] = Both(S),
        ["POST /api/applications/{id}/recommendation"] = Both(R),
        ["POST /api/applications/{id}/selection"] = Both(R),
        ["POST /api/applications/{id}/refusal"] = Both(R),
        ["POST /api/studios/{id}/term-assessments"] = Own(R),
        ["POST /api/studios/{id}/renewal"] = Own(R),
        ["POST /api/studios/{id}/dissolution"] = Own(R),
        ["GET /api/feed"] = Both(I),
        ["GET /api/xapi/statements"] = Both(I),
        ["POST /api/webhooks"] = Own(I),
        ["GET /api/webhooks"] = Both(I),
        ["GET /api/webhooks/{id}/deliveries"] = Own(I),
        ["POST /api/webhooks/{id}/deliveries/{deliveryId}/replay"] = Own(I),
        ["GET /api/webhooks/{id}"] = Own(I),
        ["PATCH /api/webhooks/{id}"] = Own(I),
        ["POST /api/webhooks/{id}/secret"] = Own(I),
        // Last: the owner's call removes the webhook the rows above use.
        ["DELETE /api/webhooks/{id}"] = Own(I),
    };

    private static object TeacherRecord(string id) => new
    {
        id, name = "林晓燕", gender = "female", school = "厦门市第一中学", region = "350203", subject = "语文", headTeacherSince = "2019-09-01",
    };

    private IEnumerable<string> Endpoints() =>
        Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Distinct();

    [Fact]
    public void every_endpoint_has_an_entry_and_every_entry_an_endpoint()
    {
        var endpoints = Endpoints().ToHashSet();
        Assert.Empty(endpoints.Except(Table.Keys));
        Assert.Empty(Table.Keys.Except(endpoints));
    }

    [Fact]
    public async Task each_role_gets_exactly_what_the_table_says()
    {
        Clock.Set(2026, 5, 1);
        var studio = await Host.StaffedStudio(School());
        var host = HostOf(studio);
        var activity = await Host.LogActivity(studio, host, Activity("lecture", ["learning"], "2026-04-20", 2, [("M1", 2)]));
        var task = (await Host.Post($"/api/studios/{studio}/tasks", new { title = "任务" }, host)).ShouldBe(201).Json["taskId"]!.GetValue<string>();
        var output = (await Host.Post($"/api/studios/{studio}/outputs", new
        {
            kind = "typical-case", category = "class-culture", title = "案例", authors = new[] { "H1" }, date = "2026-04-01", body = "正文",
        }, host)).ShouldBe(201).Json["outputId"]!.GetValue<string>();
        (await Host.Post($"/api/studios/{studio}/outputs/{output}/submit", new { }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{studio}/outputs/{output}/approve", new { }, School())).ShouldBe(200);
        (await Host.Post($"/api/studios/{studio}/outputs/{output}/recommend", new { level = "city" }, Reviewer("350203"))).ShouldBe(200);
        var ownClient = Token(Role.Integration, "本区平台", region: "350203");
        var webhook = (await Host.Post("/api/webhooks", new
        {
            url = "http://127.0.0.1:9/none", eventTypes = new[] { "task.closed" }, region = "350203", secret = "sixteen-characters-secret",
        }, ownClient)).ShouldBe(201).Json["id"]!.GetValue<string>();
        var other = await Host.EstablishStudio(School("350206"), StudioBody(name: "湖里区工作坊", district: "350206"));
        var application = (await Host.Post("/api/applications", Applications.applying_and_selecting.Application(district: "350203"), School()))
            .ShouldBe(201).Json["id"]!.GetValue<string>();
        (await Host.Post("/api/teachers", TeacherRecord("M1"), School())).ShouldBe(201);
        await Settle();

        string TokenFor(Role role, bool own) => role switch
        {
            Role.Host => Token(Role.Host, "坊主", [own ? studio : other], teacher: "H1"),
            Role.Member => Token(Role.Member, "成员", [own ? studio : other], teacher: own ? "M1" : "X9"),
            Role.Integration => own ? ownClient : Token(Role.Integration, "外区平台", region: "350206"),
            _ => Token(role, $"{role}", region: own ? "350203" : "350206"),
        };

        var failures = new List<string>();
        foreach (var (endpoint, rule) in Table)
        {
            var method = endpoint[..endpoint.IndexOf(' ')];
            var route = endpoint[(endpoint.IndexOf(' ') + 1)..];
            var url = route.Replace("{id}", route.StartsWith("/api/webhooks/") ? webhook : route.StartsWith("/api/applications/") ? application : studio.ToString())
                .Replace("{year}", "2026").Replace("{taskId}", task).Replace("{activityId}", activity.ToString())
                .Replace("{outputId}", output).Replace("{code}", "350203").Replace("{deliveryId}", "none")
                .Replace("{creditId}", Guid.NewGuid().ToString()).Replace("{certificateId}", Guid.NewGuid().ToString()).Replace("{programme}", "xm-bzr-2026")
                .Replace("{teacherId}", route.Contains("/leave") || route.Contains("/complete") ? "NOPE" : "M1");
            if (route.StartsWith("/api/reviews/") && !route.Contains("{")) url += "?region=350203";
            // Where the region to judge is in the body, the body must be valid for the judgement to be reached.
            object body = route switch
            {
                "/api/studios" => StudioBody(),
                "/api/webhooks" => new { url = "http://127.0.0.1:9/x", eventTypes = new[] { "task.closed" }, region = "350203", secret = "sixteen-characters-secret" },
                "/api/webhooks/{id}/secret" => new { secret = "another-sixteen-characters" },
                "/api/teachers" => TeacherRecord("M2"),
                _ => new { },
            };
            foreach (var role in Everyone)
            foreach (var own in new[] { false, true })
            {
                var allowed = (own ? rule.Own : rule.Other).Contains(role);
                var reply = await Host.Send(method, url, method == "GET" ? null : body, TokenFor(role, own));
                var refused = reply.Status is 401 or 403;
                if (allowed == refused || (!allowed && reply.Status != 403))
                    failures.Add($"{endpoint} as {role} ({(own ? "own" : "other")}): expected {(allowed ? "allowed" : "403")}, got {reply.Status}");
            }
            if (!rule.Anonymous)
            {
                var anonymous = await Host.Send(method, url, method == "GET" ? null : body, null);
                if (anonymous.Status != 401) failures.Add($"{endpoint} without a token: expected 401, got {anonymous.Status}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Who reads an output in each state: 200, 404 (not yet theirs to see) or 403 (not their studio or region).</summary>
    private static readonly Dictionary<string, Dictionary<Role, (int Own, int Other)>> OutputsByState = new()
    {
        ["draft"] = new() { [H] = (200, 403), [M] = (200, 403), [S] = (404, 403), [R] = (404, 403), [I] = (404, 403) },
        ["submitted"] = new() { [H] = (200, 403), [M] = (200, 403), [S] = (200, 403), [R] = (404, 403), [I] = (404, 403) },
        ["returned"] = new() { [H] = (200, 403), [M] = (200, 403), [S] = (404, 403), [R] = (404, 403), [I] = (404, 403) },
        ["approved"] = new() { [H] = (200, 403), [M] = (200, 403), [S] = (200, 403), [R] = (200, 403), [I] = (200, 403) },
        ["recommended"] = new() { [H] = (200, 403), [M] = (200, 403), [S] = (200, 403), [R] = (200, 403), [I] = (200, 403) },
    };

    [Fact]
    public async Task each_role_reads_outputs_in_exactly_the_states_the_table_says()
    {
        Clock.Set(2026, 5, 1);
        var studio = await Host.StaffedStudio(School());
        var other = await Host.EstablishStudio(School("350206"), StudioBody(name: "湖里区工作坊", district: "350206"));
        var application = (await Host.Post("/api/applications", Applications.applying_and_selecting.Application(district: "350203"), School()))
            .ShouldBe(201).Json["id"]!.GetValue<string>();
        var host = HostOf(studio);
        var outputs = new Dictionary<string, string>();
        foreach (var state in OutputsByState.Keys)
        {
            var id = (await Host.Post($"/api/studios/{studio}/outputs", new { kind = "brand", title = $"{state}成果", authors = new[] { "H1" }, date = "2026-04-01" }, host))
                .ShouldBe(201).Json["outputId"]!.GetValue<string>();
            outputs[state] = id;
            if (state == "draft") continue;
            (await Host.Post($"/api/studios/{studio}/outputs/{id}/submit", new { }, host)).ShouldBe(200);
            if (state == "returned") (await Host.Post($"/api/studios/{studio}/outputs/{id}/return", new { reason = "补充" }, School())).ShouldBe(200);
            if (state is "approved" or "recommended") (await Host.Post($"/api/studios/{studio}/outputs/{id}/approve", new { }, School())).ShouldBe(200);
            if (state == "recommended")
                (await Host.Post($"/api/studios/{studio}/outputs/{id}/recommend", new { level = "city" }, Reviewer("350203"))).ShouldBe(200);
        }
        await Settle();
        string TokenFor(Role role, bool own) => role switch
        {
            Role.Host => Token(Role.Host, "坊主", [own ? studio : other]),
            Role.Member => Token(Role.Member, "成员", [own ? studio : other]),
            _ => Token(role, $"{role}", region: own ? "350203" : "350206"),
        };

        var failures = new List<string>();
        foreach (var (state, expected) in OutputsByState)
        foreach (var (role, (ownStatus, otherStatus)) in expected)
        foreach (var own in new[] { true, false })
        {
            var status = (await Host.Get($"/api/studios/{studio}/outputs/{outputs[state]}", TokenFor(role, own))).Status;
            var want = own ? ownStatus : otherStatus;
            if (status != want) failures.Add($"a {state} output as {role} ({(own ? "own" : "other")}): expected {want}, got {status}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Claims in combinations a role does not grant: the teacher claim outside host and member tokens, the national region.</summary>
    [Fact]
    public async Task claims_count_only_for_the_roles_that_carry_them()
    {
        Clock.Set(2026, 5, 1);
        var studio = await Host.StaffedStudio(School());
        var other = await Host.EstablishStudio(School("350206"), StudioBody(name: "湖里区工作坊", district: "350206"));
        var application = (await Host.Post("/api/applications", Applications.applying_and_selecting.Application(district: "350203"), School()))
            .ShouldBe(201).Json["id"]!.GetValue<string>();
        (await Host.Post($"/api/studios/{studio}/growth/M1/reflections", new { text = "反思" }, MemberOf(studio, "M1"))).ShouldBe(200);
        await Settle();
        var file = "/api/teachers/M1/growth-file";
        var rows = new (string Who, string Token, string Method, string Url, int Status)[]
        {
            ("host of another studio, teacher=M1", Token(Role.Host, "本人", [other], teacher: "M1"), "GET", file, 200),
            ("member of another studio, teacher=M1", Token(Role.Member, "本人", [other], teacher: "M1"), "GET", file, 200),
            ("member of the studio, teacher=M2", Token(Role.Member, "同坊成员", [studio], teacher: "M2"), "GET", file, 403),
            ("school of another region, teacher=M1", Token(Role.School, "外区学校", region: "350206", teacher: "M1"), "GET", file, 403),
            ("reviewer of another city, teacher=M1", Token(Role.Reviewer, "外市评审", region: "350100", teacher: "M1"), "GET", file, 403),
            ("integration of the region, teacher=M1", Token(Role.Integration, "本区平台", region: "350203", teacher: "M1"), "GET", "/api/teachers/M1/hours", 403),
            ("national reviewer", Token(Role.Reviewer, "教育部评审", region: "000000"), "GET", $"/api/studios/{studio}", 200),
            ("national reviewer", Token(Role.Reviewer, "教育部评审", region: "000000"), "GET", "/api/reviews/studios?region=350203", 200),
            ("national school admin", Token(Role.School, "全国学校", region: "000000"), "POST", "/api/studios", 401),
            ("national school admin", Token(Role.School, "全国学校", region: "000000"), "GET", $"/api/studios/{other}", 401),
            ("national host", Token(Role.Host, "全国坊主", [studio], region: "000000"), "GET", $"/api/studios/{studio}", 401),
            ("national member", Token(Role.Member, "全国成员", [studio], region: "000000"), "GET", $"/api/studios/{studio}", 401),
            ("unlisted national integration", Token(Role.Integration, "全国平台", region: "000000"), "GET", "/api/feed", 401),
        };
        var failures = new List<string>();
        foreach (var (who, token, method, url, status) in rows)
        {
            var reply = await Host.Send(method, url, method == "GET" ? null : StudioBody(name: "北京市朝阳区工作坊", district: "110105", city: "110100", province: "110000"), token);
            if (reply.Status != status) failures.Add($"{method} {url} as {who}: expected {status}, got {reply.Status}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}

