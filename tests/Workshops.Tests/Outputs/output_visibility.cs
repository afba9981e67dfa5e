using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Outputs;
using Workshops.Studios;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Outputs;

/// <summary>Who sees an output in which state, as a pure function.</summary>
public sealed class output_visibility_rules
{
    private static readonly Guid Studio = Guid.NewGuid();
    private static readonly Region Xiamen = new("350000", "350200", "350203");
    private static Caller Who(Role role, string? region = null, Guid? studio = null) =>
        new("x", "x", role, studio is { } s ? new HashSet<Guid> { s } : [], region, null);

    private static readonly OutputState[] Every = Enum.GetValues<OutputState>();
    private static readonly OutputState[] FromSubmission = [OutputState.Submitted, OutputState.Approved, OutputState.Recommended];
    private static readonly OutputState[] FromApproval = [OutputState.Approved, OutputState.Recommended];

    [Fact]
    public void the_studios_own_people_see_every_state() 
    {
        Assert.Equal(Every, OutputRules.VisibleStates(Who(Role.Host, studio: Studio), Studio, Xiamen));
        Assert.Equal(Every, OutputRules.VisibleStates(Who(Role.Member, studio: Studio), Studio, Xiamen));
    }

    [Fact]
    public void the_school_sees_an_output_once_it_is_submitted() =>
        Assert.Equal(FromSubmission, OutputRules.VisibleStates(Who(Role.School, "350203"), Studio, Xiamen));

    [Theory]
    [InlineData(Role.Reviewer, "350200")]
    [InlineData(Role.Reviewer, "000000")]
    [InlineData(Role.Integration, "350203")]
    public void reviewers_and_integrations_covering_the_region_see_it_once_approved(Role role, string region) =>
        Assert.Equal(FromApproval, OutputRules.VisibleStates(Who(role, region), Studio, Xiamen));

    [Theory]
    [InlineData(Role.Host, null)]
    [InlineData(Role.School, "350206")]
    [InlineData(Role.Reviewer, "350100")]
    [InlineData(Role.Integration, "440000")]
    public void others_see_nothing(Role role, string? region) =>
        Assert.Empty(OutputRules.VisibleStates(Who(role, region, role == Role.Host ? Guid.NewGuid() : null), Studio, Xiamen));
}

/// <summary>
/// Until submitted an output is the studio's own; after submission the school sees it, after approval the reviewers and
/// integrations of the region. GET one output answers 404 for one the caller may not see; lists leave it out.
/// </summary>
public sealed class output_visibility(AppFixture fixture) : ApiTest(fixture)
{
    private async Task<(Guid Studio, Dictionary<string, string> Outputs)> FiveStates()
    {
        Clock.Set(2026, 5, 1);
        var studio = await Host.StaffedStudio(School());
        var host = HostOf(studio);
        async Task<string> Draft(string title) => (await Host.Post($"/api/studios/{studio}/outputs", new
        {
            kind = "brand", title, authors = new[] { "M1" }, date = "2026-04-01", body = "正文",
        }, host)).ShouldBe(201).Json["outputId"]!.GetValue<string>();
        async Task Step(string output, string step, string token, object? body = null) =>
            (await Host.Post($"/api/studios/{studio}/outputs/{output}/{step}", body ?? new { }, token)).ShouldBe(200);

        var outputs = new Dictionary<string, string>
        {
            ["draft"] = await Draft("草稿成果"), ["submitted"] = await Draft("已提交成果"), ["returned"] = await Draft("已退回成果"),
            ["approved"] = await Draft("已审核成果"), ["recommended"] = await Draft("已推荐成果"),
        };
        foreach (var state in new[] { "submitted", "returned", "approved", "recommended" }) await Step(outputs[state], "submit", host);
        await Step(outputs["returned"], "return", School(), new { reason = "请补充材料" });
        await Step(outputs["approved"], "approve", School());
        await Step(outputs["recommended"], "approve", School());
        await Step(outputs["recommended"], "recommend", Reviewer("350203"), new { level = "city" });
        await Settle();
        return (studio, outputs);
    }

    public static TheoryData<string, string[]> Audiences => new()
    {
        { "host", ["draft", "submitted", "returned", "approved", "recommended"] },
        { "member", ["draft", "submitted", "returned", "approved", "recommended"] },
        { "school", ["submitted", "approved", "recommended"] },
        { "reviewer", ["approved", "recommended"] },
        { "integration", ["approved", "recommended"] },
    };

    private string TokenOf(string audience, Guid studio) => audience switch
    {
        "host" => HostOf(studio),
        "member" => MemberOf(studio, "M2"),
        "school" => School(),
        "reviewer" => Reviewer(),
        _ => Token(Role.Integration, "区平台", region: "350203"),
    };

    [Theory]
    [MemberData(nameof(Audiences))]
    public async Task each_audience_reads_exactly_the_states_it_may(string audience, string[] visible)
    {
        var (studio, outputs) = await FiveStates();
        var token = TokenOf(audience, studio);
        foreach (var (state, output) in outputs)
        {
            var reply = await Host.Get($"/api/studios/{studio}/outputs/{output}", token);
            if (visible.Contains(state)) reply.ShouldBe(200);
            else reply.ShouldBeProblem(404);
        }
        var listed = (await Host.Get($"/api/studios/{studio}/outputs", token)).ShouldBe(200).Json["items"]!.AsArray()
            .Select(o => o!["state"]!.GetValue<string>()).Order().ToArray();
        Assert.Equal(visible.Order().ToArray(), listed);
        foreach (var state in outputs.Keys)
        {
            var page = (await Host.Get($"/api/studios/{studio}/outputs?state={state}", token)).ShouldBe(200).Json;
            Assert.Equal(visible.Contains(state) ? 1 : 0, page["total"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task reviewer_searches_show_approved_outputs_only()
    {
        var (_, outputs) = await FiveStates();
        foreach (var token in new[] { Reviewer(), Reviewer("000000"), School() })
        {
            var found = (await Host.Get("/api/reviews/outputs?region=350203", token)).ShouldBe(200).Json["items"]!.AsArray()
                .Select(o => o!["outputId"]!.GetValue<string>()).Order().ToArray();
            Assert.Equal(new[] { outputs["approved"], outputs["recommended"] }.Order().ToArray(), found);
        }
    }
}
