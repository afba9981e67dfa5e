using Workshops.Applications;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Studios;
using Workshops.Tests.Support;

namespace Workshops.Tests.Applications;

/// <summary>The application's ladder (申报 → 推荐 → 遴选), decided on given events.</summary>
public sealed class application_rules
{
    private static readonly Actor School = new("s1", "厦门工商旅游学校管理员", Role.School);
    private static readonly Guid Id = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Region Huli = new("350000", "350200", "350206");

    private static Application Given(StudioLevel level = StudioLevel.Provincial, Region? region = null, params IApplicationEvent[] events) =>
        events.Prepend(new StudioApplied(Id, "工作室", "学校", region ?? Huli, level, Track.Vocational, false,
                new ConstructionPlan("定位", "成员", BuildMode.Mentorship, "目标"), School, Support.Given.At))
            .Select((e, i) => Support.Given.Wrap(e, i + 1, Id))
            .Aggregate((Application?)null, Application.Fold)!;

    private static PartyApprovalAttested Approved => new(Id, new DateOnly(2026, 3, 1), null, School, Support.Given.At);

    private static ApplicationRecommended Recommended(StudioLevel stage) => new(Id, stage, null, School, Support.Given.At);

    [Fact]
    public void a_provincial_application_climbs_district_city_and_is_selected_by_the_province()
    {
        Assert.Equal([StudioLevel.District, StudioLevel.Municipal, StudioLevel.Provincial], ApplicationRules.Ladder(Huli, StudioLevel.Provincial));
        Assert.Equal([StudioLevel.Municipal], ApplicationRules.Ladder(new Region("350000", "350200"), StudioLevel.Municipal));
        Assert.Equal([StudioLevel.District], ApplicationRules.Ladder(Huli, StudioLevel.District));
        var atCity = Given(StudioLevel.Provincial, null, Approved, Recommended(StudioLevel.District));
        Assert.Equal((ApplicationState.Recommended, StudioLevel.Municipal), (atCity.State, atCity.Awaiting!.Value));
        Assert.Null(ApplicationRules.Decide(atCity, "350200", ApplicationAct.Recommend));
        var atProvince = Given(StudioLevel.Provincial, null, Approved, Recommended(StudioLevel.District), Recommended(StudioLevel.Municipal));
        Assert.Null(ApplicationRules.Decide(atProvince, "350000", ApplicationAct.Select));
        Assert.Equal("application.selection-due", ApplicationRules.Decide(atProvince, "350000", ApplicationAct.Recommend)?.Rule);
    }

    [Fact]
    public void nobody_decides_before_the_party_organisation_approved_the_plan()
    {
        Assert.Equal("application.party-approval-missing", ApplicationRules.Decide(Given(), "350206", ApplicationAct.Recommend)?.Rule);
        Assert.Null(ApplicationRules.Decide(Given(StudioLevel.Provincial, null, Approved), "350206", ApplicationAct.Recommend));
        Assert.Equal("application.party-approval-recorded", ApplicationRules.Attest(Given(StudioLevel.Provincial, null, Approved))?.Rule);
    }

    [Theory]
    [InlineData("350206", ApplicationAct.Select)]
    [InlineData("350200", ApplicationAct.Recommend)]
    [InlineData("350000", ApplicationAct.Select)]
    [InlineData("000000", ApplicationAct.Select)]
    public void a_reviewer_acts_only_at_their_own_levels_turn(string jurisdiction, ApplicationAct act)
    {
        var atDistrict = Given(StudioLevel.Provincial, null, Approved);
        var expected = jurisdiction == "350206" ? "application.recommendation-due" : "application.not-your-turn";
        Assert.Equal(expected, ApplicationRules.Decide(atDistrict, jurisdiction, act)?.Rule);
    }

    [Fact]
    public void a_refused_or_selected_application_is_closed()
    {
        var refused = Given(StudioLevel.Provincial, null, Approved, new ApplicationRefused(Id, StudioLevel.District, "方案不具体", School, Support.Given.At));
        Assert.Equal((ApplicationState.Refused, (StudioLevel?)null), (refused.State, refused.Awaiting));
        Assert.Equal("方案不具体", refused.Steps.Single().Note);
        Assert.Equal("application.closed", ApplicationRules.Decide(refused, "350206", ApplicationAct.Recommend)?.Rule);
        var selected = Given(StudioLevel.District, null, Approved, new ApplicationSelected(Id, Guid.NewGuid(), new DateOnly(2026, 4, 1), null, School, Support.Given.At));
        Assert.Equal("application.closed", ApplicationRules.Decide(selected, "350206", ApplicationAct.Select)?.Rule);
    }

    [Fact]
    public void a_school_level_studio_is_not_applied_for() =>
        Assert.Equal("application.school-level", ApplicationRules.Apply(StudioLevel.School)?.Rule);
}
