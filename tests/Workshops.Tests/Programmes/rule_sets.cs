using Workshops.Core.Auth;
using Workshops.Programmes;
using Workshops.Roster;
using Workshops.Studios;

namespace Workshops.Tests.Programmes;

/// <summary>Which rule set applies where and when, as a pure function of the editions and the regions' adoptions.</summary>
public sealed class rule_set_resolution
{
    private static readonly Actor By = new("reviewer:test", "评审", Role.Reviewer);
    private static readonly IReadOnlyList<RuleSet> All = RuleSetPresets.All;

    private static RegionRuleSets Adopted(string region, params (Track Track, string RuleSet, string From)[] adoptions) => new()
    {
        Id = region,
        Adoptions = [.. adoptions.Select(a => new RuleSetAdoption(a.Track, a.RuleSet, DateOnly.Parse(a.From), By, DateTimeOffset.UnixEpoch))],
    };

    private static RuleSetChoice Resolve(string region, Track track, string day, params RegionRuleSets[] adoptions) =>
        RuleSetLibrary.Resolve(All, adoptions, region, track, DateOnly.Parse(day));

    [Theory]
    [InlineData("350203", Track.K12, "xiamen-k12-2022")]
    [InlineData("350200", Track.K12, "xiamen-k12-2022")]
    [InlineData("350102", Track.K12, "national-k12-default")]
    [InlineData("110105", Track.K12, "national-k12-default")]
    [InlineData("350203", Track.Vocational, "moe-vocational-2022")]
    [InlineData("440305", Track.Vocational, "moe-vocational-2022")]
    public void an_unadopted_region_takes_the_preset_written_for_it_else_the_national_one(string region, Track track, string expected)
    {
        var choice = Resolve(region, track, "2026-03-01");
        Assert.Equal((expected, ChoiceKind.Default), (choice.RuleSet.Code, choice.Kind));
    }

    [Fact]
    public void the_most_specific_adoption_in_effect_on_the_day_wins()
    {
        var custom = RuleSetPresets.Moe with { Code = "fujian-vocational-2025", Roster = RuleSetPresets.Moe.Roster with { MaxMembers = 8 } };
        var all = All.Append(custom).ToList();
        var province = Adopted("350000", (Track.Vocational, "fujian-vocational-2025", "2025-09-01"));
        RuleSetChoice At(string region, string day, params RegionRuleSets[] a) => RuleSetLibrary.Resolve(all, a, region, Track.Vocational, DateOnly.Parse(day));

        Assert.Equal("moe-vocational-2022", At("350203", "2025-08-31", province).RuleSet.Code);
        var adopted = At("350203", "2025-09-01", province);
        Assert.Equal(("fujian-vocational-2025", ChoiceKind.Adopted, "350000"), (adopted.RuleSet.Code, adopted.Kind, adopted.AdoptedBy));
        var district = Adopted("350203", (Track.Vocational, "moe-vocational-2022", "2026-01-01"));
        Assert.Equal("fujian-vocational-2025", At("350203", "2025-12-31", province, district).RuleSet.Code);
        Assert.Equal(("moe-vocational-2022", "350203"), (At("350203", "2026-01-01", province, district).RuleSet.Code, At("350203", "2026-01-01", province, district).AdoptedBy));
        Assert.Equal("fujian-vocational-2025", At("350206", "2026-01-01", province, district).RuleSet.Code);
        Assert.Equal("xiamen-k12-2022", RuleSetLibrary.Resolve(all, [province], "350203", Track.K12, DateOnly.Parse("2026-01-01")).RuleSet.Code);
    }

    [Fact]
    public void a_later_adoption_replaces_an_earlier_one_from_its_day_and_the_earlier_days_keep_theirs()
    {
        var city = Adopted("350200", (Track.K12, "national-k12-default", "2024-01-01"), (Track.K12, "xiamen-k12-2022", "2026-02-01"));
        Assert.Equal("xiamen-k12-2022", Resolve("350203", Track.K12, "2023-12-31", city).RuleSet.Code);
        Assert.Equal(ChoiceKind.Default, Resolve("350203", Track.K12, "2023-12-31", city).Kind);
        Assert.Equal("national-k12-default", Resolve("350203", Track.K12, "2026-01-31", city).RuleSet.Code);
        Assert.Equal(("xiamen-k12-2022", ChoiceKind.Adopted), (Resolve("350203", Track.K12, "2026-02-01", city).RuleSet.Code, Resolve("350203", Track.K12, "2026-02-01", city).Kind));
    }

    [Fact]
    public void the_chain_runs_from_the_code_to_its_province()
    {
        Assert.Equal(["350203", "350200", "350000"], RuleSetLibrary.Chain("350203"));
        Assert.Equal(["350200", "350000"], RuleSetLibrary.Chain("350200"));
        Assert.Equal(["350000"], RuleSetLibrary.Chain("350000"));
        Assert.Empty(RuleSetLibrary.Chain("000000"));
    }

    [Fact]
    public void the_presets_are_valid_data_and_only_xiamen_has_xiamen_titles_and_targets()
    {
        foreach (var set in All) Assert.Empty(RuleSet.Problems(set));
        Assert.Contains(RuleSetPresets.Xiamen.Ladder, r => r.Title == "厦门市班主任带头人");
        Assert.Contains(RuleSetPresets.Xiamen.Ladder, r => r.Title == "厦门市德育学科带头人");
        Assert.Contains(RuleSetPresets.Xiamen.Ladder, r => r.Title == "厦门市骨干班主任");
        foreach (var set in new[] { RuleSetPresets.Moe, RuleSetPresets.National })
        {
            Assert.DoesNotContain(set.Ladder, r => r.Title.Contains("厦门"));
            Assert.Empty(set.Targets);
        }
        Assert.Equal([("studios", 200), ("leaders", 200), ("backbone", 500), ("experts", 30), ("rural-backbone", 200), ("rural-leaders", 50), ("rural-trained", 100)],
            RuleSetPresets.Xiamen.Targets.Select(t => (t.Code, t.Count)));
    }

    [Fact]
    public void a_custom_edition_with_a_broken_ladder_is_refused_per_field()
    {
        var broken = RuleSetPresets.Xiamen with
        {
            Code = "Bad Code",
            Roster = RuleSetPresets.Xiamen.Roster with { MinMembers = 5, MaxMembers = 4 },
            Ladder = [RuleSetPresets.Xiamen.Ladder[0], RuleSetPresets.Xiamen.Ladder[0] with { Needs = new Requirement(AnyOf: [new Held(Rung: "nope")]) }],
        };
        var fields = RuleSet.Problems(broken).Select(p => p.Field).ToList();
        Assert.Contains("code", fields);
        Assert.Contains("roster.minMembers", fields);
        Assert.Contains("ladder", fields);
        Assert.Contains("ladder[1].needs", fields);
    }
}

/// <summary>The roster limits of each preset: seed 000's hard 2–4, seed 001's 规模适宜 (a warning) and 本校.</summary>
public sealed class roster_limits
{
    private static IReadOnlyList<RosterPerson> Roster(int members, string school = "厦门市第一中学", int fromElsewhere = 0) =>
    [
        new("H1", RosterRole.Host, school),
        .. Enumerable.Range(1, members).Select(i => new RosterPerson($"M{i}", RosterRole.Member, i <= fromElsewhere ? "厦门市第二中学" : school)),
    ];

    [Theory]
    [InlineData(3, null)]
    [InlineData(4, "members.max")]
    public void xiamen_refuses_a_fifth_member(int members, string? rule) =>
        Assert.Equal(rule, RosterLimitRules.AddMember(RuleSetPresets.Xiamen, Roster(members))?.Rule);

    [Fact]
    public void a_vocational_studio_of_five_members_is_warned_not_refused()
    {
        Assert.Null(RosterLimitRules.AddMember(RuleSetPresets.Moe, Roster(4)));
        Assert.Null(RosterLimitRules.AddMember(RuleSetPresets.Moe, Roster(40)));
        Assert.Empty(RosterLimitRules.Warnings(RuleSetPresets.Moe, "厦门市第一中学", Roster(4)));
        var warning = Assert.Single(RosterLimitRules.Warnings(RuleSetPresets.Moe, "厦门市第一中学", Roster(5)));
        Assert.Equal("composition.members-above-advised", warning.Code);
        Assert.Contains("规模适宜", warning.Message);
    }

    [Fact]
    public void the_home_school_must_be_the_core_of_a_vocational_studio()
    {
        Assert.Empty(RosterLimitRules.Warnings(RuleSetPresets.Moe, "厦门市第一中学", Roster(3, fromElsewhere: 1)));
        Assert.Equal("composition.home-school-minority",
            Assert.Single(RosterLimitRules.Warnings(RuleSetPresets.Moe, "厦门市第一中学", Roster(3, fromElsewhere: 2))).Code);
        Assert.Empty(RosterLimitRules.Warnings(RuleSetPresets.Xiamen, "厦门市第一中学", Roster(3, fromElsewhere: 3)));
    }

    [Fact]
    public void below_the_minimum_is_a_warning_and_the_national_default_sets_no_size()
    {
        Assert.Equal("composition.members-below-min", Assert.Single(RosterLimitRules.Warnings(RuleSetPresets.Xiamen, "厦门市第一中学", Roster(1))).Code);
        Assert.Null(RosterLimitRules.AddMember(RuleSetPresets.National, Roster(30)));
        Assert.Empty(RosterLimitRules.Warnings(RuleSetPresets.National, "厦门市第一中学", Roster(30)));
        Assert.Equal("composition.no-host", RosterLimitRules.Warnings(RuleSetPresets.National, "x", []).Single().Code);
    }
}
