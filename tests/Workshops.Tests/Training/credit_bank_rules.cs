using Workshops.Core.Auth;
using Workshops.Growth;
using Workshops.Training;
using static Workshops.Tests.Support.Given;
using static Workshops.Tests.Teachers.TeacherGiven;

namespace Workshops.Tests.Training;

/// <summary>The credit bank as pure functions: local credits count, outside ones only as a region's rules recognise them.</summary>
public sealed class credit_bank_rules
{
    private static OutsideCredit Outside(string region, TrainingLevel level = TrainingLevel.Municipal, string issuer = "深圳市教育局", string programme = "sz-bzr-2025") =>
        new(Guid.NewGuid(), "班主任专业能力提升研修", CreditCategory.HeadTeacherTraining, level, 24, D("2025-05-10"), new CreditSource(issuer, programme, region),
            null, At, []);

    private static readonly RecognitionRule FromGuangdong = new("guangdong-municipal", true, ["head-teacher-30"], "厦门市学分互认办法 第三条",
        FromRegion: "440000", MinLevel: TrainingLevel.Municipal);

    private static readonly RecognitionRule NotThisIssuer = new("no-commercial", false, [], "厦门市学分互认办法 第五条", Issuers: ["某培训公司"]);

    private static RegionCreditRules Adopted(string region, string from, params RecognitionRule[] rules) =>
        new() { Id = region, Adoptions = [new RecognitionAdoption(D(from), rules, By, At)] };

    [Theory]
    [InlineData("350200", true)]
    [InlineData("350000", true)]
    [InlineData("000000", true)]
    [InlineData("350203", true)]
    [InlineData("350206", false)]
    [InlineData("440300", false)]
    public void a_credit_from_an_authority_covering_the_school_is_local(string source, bool local) =>
        Assert.Equal(local, CreditBank.IsLocal(new CreditSource("某教育局", "p1", source), "350203"));

    [Fact]
    public void a_regions_rule_recognises_an_outside_credit_toward_the_policies_it_names()
    {
        var rules = CreditBank.Resolve([Adopted("350200", "2025-01-01", NotThisIssuer, FromGuangdong)], "350203", D("2026-03-01"));
        var verdict = CreditBank.Decide(rules, Outside("440300"));
        Assert.Equal((true, "guangdong-municipal", "350200"), (verdict.Recognised, verdict.Rule, verdict.RulesRegion));
        Assert.Equal(["head-teacher-30"], verdict.Toward);
    }

    [Fact]
    public void an_outside_credit_no_rule_matches_or_a_refusing_rule_matches_is_refused()
    {
        var rules = CreditBank.Resolve([Adopted("350200", "2025-01-01", NotThisIssuer, FromGuangdong)], "350203", D("2026-03-01"));
        Assert.Equal((false, "credit-bank.no-rule"), CreditBank.Decide(rules, Outside("440305", TrainingLevel.District)) is var a ? (a.Recognised, a.Rule) : default);
        Assert.Equal((false, "no-commercial"), CreditBank.Decide(rules, Outside("440300", issuer: "某培训公司")) is var b ? (b.Recognised, b.Rule) : default);
        Assert.Equal((false, "credit-bank.no-rule"), CreditBank.Decide(CreditBank.Resolve([], "350203", D("2026-03-01")), Outside("440300")) is var c
            ? (c.Recognised, c.Rule) : default);
    }

    [Fact]
    public void the_most_specific_region_with_rules_in_effect_on_the_day_decides()
    {
        var city = Adopted("350200", "2025-01-01", FromGuangdong);
        var district = new RegionCreditRules { Id = "350203", Adoptions = [new RecognitionAdoption(D("2026-01-01"), [NotThisIssuer], By, At.AddDays(1))] };
        Assert.Equal("350200", CreditBank.Resolve([city, district], "350203", D("2025-12-31")).Region);
        Assert.Equal("350203", CreditBank.Resolve([city, district], "350203", D("2026-01-01")).Region);
        Assert.Equal("350200", CreditBank.Resolve([city, district], "350206", D("2026-03-01")).Region);
        // A past view does not see an adoption recorded after it.
        Assert.Equal("350200", CreditBank.Resolve([city, district], "350203", D("2026-03-01"), recordedBy: At.AddHours(1)).Region);
    }

    [Fact]
    public void only_local_and_recognised_credits_count_and_recognised_ones_toward_their_policies()
    {
        var local = Outside("350200");
        var recognised = Outside("440300") with
        {
            Decisions = [new CreditDecision(true, ["head-teacher-30"], "guangdong-municipal", "350200", "互认", D("2026-02-01"), By, At)],
        };
        var refused = Outside("440305") with { Decisions = [new CreditDecision(false, [], "credit-bank.no-rule", "350200", "无规则", D("2026-02-01"), By, At)] };
        var undecided = Outside("110000");
        var retracted = local with { CreditId = Guid.NewGuid(), RetractedAt = At };
        var record = TrainingRecord.Empty(Workshops.Tests.Teachers.TeacherGiven.Stream, Id) with { Credits = [local, recognised, refused, undecided, retracted] };
        var counting = CreditBank.Counting(record, "350203");
        Assert.Equal([local.CreditId.ToString(), recognised.CreditId.ToString()], counting.Select(c => c.Key));
        Assert.Null(counting[0].Toward);
        Assert.Equal(["head-teacher-30"], counting[1].Toward!);
        Assert.Equal([CreditStanding.Local, CreditStanding.Recognised, CreditStanding.Refused, CreditStanding.Undecided, CreditStanding.Retracted],
            record.Credits.Select(c => CreditBank.StandingOf(c, "350203")));
    }

    [Fact]
    public void rules_sent_as_data_are_checked_field_by_field()
    {
        var problems = CreditBank.Problems([FromGuangdong with { Code = "Bad Code", Toward = ["no-such-policy"], FromRegion = "12" }]).Select(p => p.Field).ToList();
        Assert.Equal(["rules[0].code", "rules[0].fromRegion", "rules[0].toward"], problems);
        Assert.Empty(CreditBank.Problems([FromGuangdong, NotThisIssuer]));
    }
}
