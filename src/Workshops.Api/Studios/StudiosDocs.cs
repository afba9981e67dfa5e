using Workshops.Core.Contract;
using Workshops.Demo;

namespace Workshops.Studios;

/// <summary>The studios' part of the contract.</summary>
public static class StudiosDocs
{
    public static readonly ApiDocs Docs = new(
        [new TagDoc("Studios", "班主任工作坊/工作室 (head-teacher workshop studios): a school admin or reviewer establishes a school-level " +
                               "studio in their region; district, municipal and provincial studios come from selection (POST /api/applications), " +
                               "or a bureau registers an existing one of its own level with the reason; everyone reads the studios their token covers. The studio view carries the roster, and teachers' " +
                               "personal fields only for the studio's own people and its school. A studio has a term (three years from its " +
                               "founding unless renewed otherwise), a term-end assessment, renewal or dissolution (撤销); every write to a " +
                               "dissolved studio answers 422 `studio.dissolved`, and its reads still answer.", 1)],
        [
            new("EstablishStudio", "Establish a studio",
                "A school admin or reviewer establishes a school-level (校级) studio in their region: name, school, region (province, city, " +
                "district codes from GET /api/reference/regions), level, track (K-12 workshop or vocational studio), rural flag, founding date " +
                "and build mode. A district, municipal or provincial studio comes from selection (遴选) of an application (POST " +
                "/api/applications): asked here by a school admin it answers 422 `studio.level-by-selection`. The one exception is a bureau " +
                "registering a studio it selected before this system: a reviewer of exactly the studio's level (a district's for district " +
                "studios, a city's for municipal, a province's for provincial) with `reason`, which the studio's lifecycle keeps " +
                "(`registeredBecause`).",
                ["studio.level-by-selection", "studio.registration-needs-reason"],
                new EstablishStudio("厦门市第一中学班主任工作坊", "厦门市第一中学", DemoData.Region, StudioLevel.School, Track.K12, false,
                    new DateOnly(2022, 10, 16), BuildMode.FamousTeacher)),
            new("ListStudios", "List the studios the caller may see",
                "Hosts and members see their own studios; school admins, reviewers and integration clients those of their region (narrow it " +
                "with `region`). A page at a time, as summaries: the host and coordinator by name, how many members, trainees and experts, " +
                "where the studio stands today; the roster and history are in the studio view its `url` points to."),
            new("GetStudio", "Read a studio",
                "The studio view with its roster, history and counts; the ETag is the studio's version (for If-Match on writes). " +
                "Kept once computed: an unchanged studio answers If-None-Match with 304."),
            new("NameSupervision", "Name the studio's supervising leader and department",
                "seed 001 二.1: the school names the studio's supervising school leader (主管校领导) and the department responsible for it " +
                "(责任部门), from a day (today unless given); a later naming replaces the earlier one from its day. The Annex 2 table lists them.",
                ["supervision.date-before-founding"], new NameSupervision("陈志明", "德育处", new DateOnly(2023, 9, 1))),
            new("AssessTerm", "Assess the studio's term",
                "A reviewer of the studio's level or above (a district's on school and district studios, a city's also on municipal ones, a " +
                "province's on all) assesses the current term within its last year or after it ended: excellent (优秀), qualified (合格) or " +
                "unqualified (不合格). 不合格 opens a rectification (整改) due by `rectifyBy`; a later passing assessment of the term closes it. " +
                "The studio view's `lifecycle` lists every assessment.",
                ["term.", "studio.level-above-reviewer", "studio.dissolved"],
                new AssessTerm(Years.AssessmentResult.Unqualified, new DateOnly(2025, 9, 20), new DateOnly(2026, 3, 31), "成长档案不完整，限期整改。")),
            new("RenewStudio", "Renew the studio for another term",
                "A reviewer of the studio's level or above renews a term assessed qualified or excellent, for 1-5 years (three unless given), " +
                "from the day after the old term ends, with the reason.",
                ["term.renewal-needs-pass", "studio.level-above-reviewer", "studio.dissolved"],
                new RenewStudio("期满考核合格，续建一个周期。")),
            new("DissolveStudio", "Dissolve the studio",
                "A reviewer of the studio's level or above dissolves (撤销) the studio with the reason. Every later write to the studio is " +
                "refused with `studio.dissolved`; its view, term, assessments and history stay readable.",
                ["term.date-in-future", "term.date-before-founding", "studio.level-above-reviewer", "studio.dissolved"],
                new DissolveStudio("整改期满复评仍不合格，予以撤销。", new DateOnly(2026, 2, 27))),
        ],
        [
            new("supervision.date-before-founding", "The naming's day is before the studio was founded; the detail gives the founding day.",
                "Give a day on or after the studio's founding."),
            new("studio.level-by-selection", "A district, municipal or provincial studio is established by selection from an application, " +
                "not directly; a reviewer registers directly only an existing studio of their own level.",
                "Apply with POST /api/applications (the levels below recommend, the level applied for selects), or establish a school-level studio."),
            new("studio.registration-needs-reason", "A bureau registering an existing studio of its level directly gives the reason.",
                "Give `reason`, e.g. the document that selected the studio."),
            new("studio.dissolved", "The studio was dissolved (撤销); it accepts no writes. Every write to a studio can answer this.",
                "Read the studio; nothing more can be recorded on it."),
            new("studio.level-above-reviewer", "The studio's level is above the reviewer's jurisdiction (e.g. a district's reviewer on a municipal studio).",
                "Ask a reviewer of the studio's level or above."),
            new("term.date-in-future", "The day given is after today.", "Give today or an earlier day."),
            new("term.date-before-founding", "The day given is before the studio was founded.", "Give a day on or after the founding."),
            new("term.not-ending", "The term is assessed within its last year or after it ended; the detail gives the first day.",
                "Assess it from that day on."),
            new("term.renewal-needs-pass", "Only a term assessed qualified (合格) or excellent (优秀) is renewed; it is unassessed or unqualified.",
                "Assess the term (after rectification, reassess it) first."),
        ]);
}
