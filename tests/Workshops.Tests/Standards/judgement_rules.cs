using Workshops.Standards;
using Workshops.Studios;
using Workshops.Years;
using static Workshops.Tests.Support.Given;

namespace Workshops.Tests.Standards;

/// <summary>A reviewer's judgement beside the rule's verdict and the attestation, given events.</summary>
public sealed class judgement_rules
{
    private static readonly Workshops.Core.Auth.Actor Reviewer = new("reviewer:市评审", "王评审", Workshops.Core.Auth.Role.Reviewer);

    private static Checklist Checklist(DateOnly asOf, params object[] events)
    {
        var wrapped = new object[] { Established() }.Concat(events).Select((e, i) => Wrap(e, i + 1)).ToList();
        var at = History.Fold(wrapped, asOf)!;
        var facts = new ChecklistFacts(at.Studio, at.Years, asOf.Year, asOf, new Dictionary<string, Workshops.Growth.TeacherFile>(),
            Workshops.Growth.HourPolicies.Presets);
        return Workshops.Standards.Checklist.Of(StandardCatalog.Moe, facts);
    }

    private static ChecklistItemJudged Judged(string code, JudgementResult result, string reason = "评审意见", int year = 2026, DateTimeOffset? at = null) =>
        new(Guid.NewGuid(), StandardCatalog.Moe2022, code, year, result, reason, Reviewer, at ?? At);

    private static ItemResult Item(Checklist c, string code) => c.Items.Single(i => i.Code == code);

    [Fact]
    public void without_a_judgement_the_rules_verdict_counts()
    {
        var item = Item(Checklist(new(2026, 5, 1)), "1.3.1");
        Assert.Equal(ItemStatus.NotMet, item.Verdict);
        Assert.Equal(ItemStatus.NotMet, item.Status);
        Assert.Null(item.Review);
    }

    [Fact]
    public void a_judgement_of_a_rule_evaluated_item_stands_beside_the_verdict_and_counts_in_the_summary()
    {
        var before = Checklist(new(2026, 5, 1));
        var after = Checklist(new(2026, 5, 1), Judged("1.3.1", JudgementResult.Met, "建设方案纸质稿已经学校党委会审定，系统未录入。"));
        var item = Item(after, "1.3.1");
        Assert.Equal(ItemStatus.NotMet, item.Verdict);
        Assert.Equal(ItemStatus.Met, item.Status);
        Assert.Equal("建设方案纸质稿已经学校党委会审定，系统未录入。", item.Review!.Reason);
        Assert.Equal("王评审", item.Review.By);
        Assert.Equal(before.Summary.Met + 1, after.Summary.Met);
        Assert.Equal(before.Summary.NotMet - 1, after.Summary.NotMet);
        Assert.Contains("王评审", Workshops.Standards.Checklist.ReasonOf(item));
    }

    [Fact]
    public void a_judgement_of_an_attested_item_stands_beside_the_attestation()
    {
        var attested = new AttestationRecorded(Guid.NewGuid(), StandardCatalog.Moe2022, "2.2.1", 2026, true, "师德考核优秀", By, At);
        var item = Item(Checklist(new(2026, 5, 1), attested, Judged("2.2.1", JudgementResult.PartlyMet, "一名成员师德考核材料缺失")), "2.2.1");
        Assert.Equal(ItemStatus.Met, item.Verdict);
        Assert.True(item.Attestation!.Met);
        Assert.Equal("师德考核优秀", item.Attestation.Note);
        Assert.Equal(JudgementResult.PartlyMet, item.Review!.Result);
        Assert.Equal(ItemStatus.PartlyMet, item.Status);
    }

    [Fact]
    public void a_later_judgement_supersedes_an_earlier_one()
    {
        var item = Item(Checklist(new(2026, 5, 1), Judged("3.2.1", JudgementResult.NotMet, "初评"), Judged("3.2.1", JudgementResult.Met, "复核")), "3.2.1");
        Assert.Equal(ItemStatus.Met, item.Status);
        Assert.Equal("复核", item.Review!.Reason);
    }

    [Fact]
    public void a_judgement_counts_only_for_its_year_and_standard()
    {
        var checklist = Checklist(new(2026, 5, 1), Judged("1.3.1", JudgementResult.Met, year: 2025),
            Judged("1.3.1", JudgementResult.Met) with { Standard = StandardCatalog.K12Workshop });
        Assert.Null(Item(checklist, "1.3.1").Review);
        Assert.Equal(ItemStatus.NotMet, Item(checklist, "1.3.1").Status);
    }

    [Fact]
    public void a_past_day_shows_only_the_judgements_made_by_then()
    {
        var later = new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(8));
        var judged = Judged("1.3.1", JudgementResult.Met, at: later);
        Assert.Null(Item(Checklist(new(2026, 5, 31), judged), "1.3.1").Review);
        Assert.Equal(ItemStatus.Met, Item(Checklist(new(2026, 6, 1), judged), "1.3.1").Status);
    }

    [Fact]
    public void any_item_of_the_standard_may_be_judged_and_no_other()
    {
        Assert.Null(ItemJudgements.Judge(StandardCatalog.Moe, "1.1.1"));
        Assert.Null(ItemJudgements.Judge(StandardCatalog.Moe, "2.2.1"));
        var refusal = ItemJudgements.Judge(StandardCatalog.Moe, "9.9.9")!;
        Assert.Equal("judgement.unknown-item", refusal.Rule);
        Assert.Equal(404, refusal.Status);
    }
}
