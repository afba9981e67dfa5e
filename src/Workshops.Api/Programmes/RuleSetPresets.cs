using Workshops.Roster;
using Workshops.Studios;
using Workshops.Teachers;

namespace Workshops.Programmes;

/// <summary>
/// The shipped rule sets: Xiamen's K-12 programme (seed 000), the ministry's vocational programme (seed 001) and a
/// national K-12 default. docs/RULES.md lists every rule with its seed and clause.
/// </summary>
public static class RuleSetPresets
{
    public const string XiamenK12 = "xiamen-k12-2022";
    public const string MoeVocational = "moe-vocational-2022";
    public const string NationalK12 = "national-k12-default";

    /// <summary>
    /// Hour policies every programme names (by code; the policies themselves are defined in Growth/HourPolicies.cs): 30 hours for head
    /// teachers (seed 002 二.2(2), which follows the national head-teacher training plan) and the principals' 300 and
    /// 360 hours (seed 004 五, a ministry opinion). The district rules of seeds 002 and 003 are adopted by regions.
    /// </summary>
    public static readonly IReadOnlyList<string> NationalHourPolicies = ["head-teacher-30", "principal-300", "principal-360-per-5-years"];

    private const string XiamenBureau = "厦门市教育局";

    public static readonly RuleSet Xiamen = new(
        XiamenK12, "厦门市新时代中小学班主任培训培养指导意见", "2022", "seed 000 厦教办〔2022〕95号", XiamenBureau, Track.K12, "350200",
        new DateOnly(2022, 10, 16),
        new RosterLimits(2, 4, LimitKind.Hard, false, "seed 000 三.(二).3 每个工作坊由1名坊主、2-4名坊成员和若干名研修人员组成"),
        [
            new("new", "新任班主任", "新任班主任", null, 1, RungPath.Derived,
                new Requirement(HeadTeacherYearsBelow: 2, StillServing: true),
                "seed 000 三.(二) “新任班主任——骨干班主任——班主任带头人——专家型班主任”; 三.(二).1 (新任 until the 2 years the next rung needs)"),
            new("youth-backbone", "青年骨干班主任", "青年骨干班主任", XiamenBureau, 2, RungPath.Grant,
                new Requirement(TeachingYears: 5, HeadTeacherYears: 2, StillServing: true),
                "seed 000 三.(二).2 青年骨干班主任须任教5年及以上，且具有至少2年的班主任工作经历并仍从事班主任工作"),
            new("backbone", "骨干班主任", "厦门市骨干班主任", XiamenBureau, 2, RungPath.Assessment,
                new Requirement(HeadTeacherYears: 2, StillServing: true, Role: RosterRole.Member),
                "seed 000 三.(二).3 工作坊成员具有至少2年班主任工作经历并仍从事班主任工作的认定为厦门市骨干班主任"),
            new("leader", "班主任带头人", "厦门市班主任带头人", XiamenBureau, 3, RungPath.Assessment,
                new Requirement(HeadTeacherYears: 5, StillServing: true, Role: RosterRole.Host),
                "seed 000 三.(二).3 考核合格的工作坊坊主且具有至少5年班主任工作经历并仍从事班主任工作的认定为班主任带头人"),
            new("moral-education-leader", "德育学科带头人", "厦门市德育学科带头人", XiamenBureau, 3, RungPath.Assessment,
                new Requirement(HeadTeacherYears: 5, StillServing: true, Role: RosterRole.Host),
                "seed 000 三.(二).3 （班主任带头人）同时认定为厦门市德育学科带头人"),
            new("expert", "专家型班主任", "厦门市专家型班主任", XiamenBureau, 4, RungPath.Selection,
                new Requirement(AnyOf:
                [
                    new Held(Honour: HonourKind.MoralEducationLeader, MinLevel: HonourLevel.Municipal),
                    new Held(Rung: "moral-education-leader"),
                    new Held(Honour: HonourKind.ExcellentHeadTeacher),
                ]),
                "seed 000 三.(二).4 遴选市德育学科带头人及优秀班主任参加培养……采取“双导师”制"),
            new("expert-teacher", "视同专家型教师", "专家型教师（视同）", XiamenBureau, 4, RungPath.TreatedAs,
                new Requirement(HeadTeacherYears: 8, StillServing: true, AllOf:
                [
                    new Held(Rung: "expert"),
                    new Held(Honour: HonourKind.SubjectLeader, MinLevel: HonourLevel.Municipal, OwnSubject: true),
                ]),
                "seed 000 三.(二).4 已认定为任教学科市学科带头人、且具有至少8年的班主任工作经历并仍从事班主任工作的专家型班主任，视同专家型教师"),
        ],
        [
            new("studios", "班主任工作坊", "studios", 200, 2030, false, false, "seed 000 三.(二).3 到2030年建设200个中小学班主任工作坊"),
            new("leaders", "班主任（德育学科）带头人", "leader", 200, 2030, false, false, "seed 000 三.(二).3 培养200名班主任(德育学科)带头人"),
            new("backbone", "市骨干班主任", "backbone", 500, 2030, false, false, "seed 000 三.(二).2 到2030年培养500名市骨干班主任"),
            new("experts", "专家型班主任", "expert", 30, 2030, false, false, "seed 000 三.(二).4 到2030年培养30名专家型班主任"),
            new("rural-backbone", "农村市级骨干班主任", "backbone", 200, 2030, true, false, "seed 000 三.(三) 在农村学校中培养市级骨干班主任200人"),
            new("rural-leaders", "农村市级班主任（德育学科）带头人", "leader", 50, 2030, true, false, "seed 000 三.(三) 市级班主任(德育学科)带头人50人"),
            new("rural-trained", "农村班主任全员轮训", "trained", 100, 2025, true, true, "seed 000 三.(三) 到2025年对全市农村班主任进行全员轮训"),
        ],
        [.. NationalHourPolicies, "xiamen-new-head-teacher-training", "xiamen-rural-rotation-2025"],
        new EntryDuty(3, 1, true, "seed 000 三.(二).1 青年教师入职3年内，必须承担至少一年的班主任工作，学校应配备班主任导师"));

    public static readonly RuleSet Moe = new(
        MoeVocational, "教育部办公厅关于加强中等职业学校班主任工作室培育建设工作的通知", "2022", "seed 001 教职成厅函〔2022〕14号",
        "教育部办公厅", Track.Vocational, null, new DateOnly(2022, 6, 10),
        // seed 001 gives no number: the advisory 4 is this edition's reminder (a warning, never a refusal); a region
        // adopts an edition with another number, or none, as data.
        new RosterLimits(null, 4, LimitKind.Advisory, true,
            "seed 001 二.2 / 附件1 二.(一).2 规模适宜（无人数上限；建议规模可配置）; 附件1 二.(一).1 以本校班主任教师和作为班主任培育对象的教师为主体"),
        [
            new("qualified", "合格班主任", "合格班主任", null, 1, RungPath.Grant, new Requirement(),
                "seed 001 附件1 四.(二).2 培养一批能够胜任中职班级建设、学生教育管理服务工作的合格班主任"),
            new("excellent", "优秀班主任", "优秀班主任", null, 2, RungPath.Grant, new Requirement(),
                "seed 001 附件1 四.(二).2 培育一批经验丰富、工作扎实、深受学生信任和喜爱的优秀班主任"),
            new("expert", "专家班主任", "专家班主任", null, 3, RungPath.Grant, new Requirement(),
                "seed 001 附件1 四.(二).2 打造若干研究深入、建班育人成效显著，能够发挥示范、引领和带动作用的专家班主任"),
        ],
        [],
        NationalHourPolicies);

    public static readonly RuleSet National = new(
        NationalK12, "全国默认（中小学班主任工作坊）", "2022", "no programme rule: national hour policies only", "教育部", Track.K12, null,
        new DateOnly(2000, 1, 1),
        new RosterLimits(null, null, LimitKind.Advisory, false, "no national number for K-12 workshops"),
        [], [], NationalHourPolicies);

    public static readonly IReadOnlyList<RuleSet> All = [Xiamen, Moe, National];
}
