using Workshops.Core.Contract;
using Workshops.Demo;

namespace Workshops.Studios;

/// <summary>The studios' part of the contract.</summary>
public static class StudiosDocs
{
    public static readonly ApiDocs Docs = new(
        [new TagDoc("Studios", "班主任工作坊/工作室 (head-teacher workshop studios): a school admin or reviewer establishes a studio in their " +
                               "region; everyone reads the studios their token covers. The studio view carries the roster, and teachers' " +
                               "personal fields only for the studio's own people and its school.", 1)],
        [
            new("EstablishStudio", "Establish a studio",
                "A school admin or reviewer establishes a studio in their region: name, school, region (province, city, district codes " +
                "from GET /api/reference/regions), level, track (K-12 workshop or vocational studio), rural flag, founding date and build mode.",
                [],
                new EstablishStudio("厦门市第一中学班主任工作坊", "厦门市第一中学", DemoData.Region, StudioLevel.Municipal, Track.K12, false,
                    new DateOnly(2022, 10, 16), BuildMode.FamousTeacher)),
            new("ListStudios", "List the studios the caller may see",
                "Hosts and members see their own studios; school admins, reviewers and integration clients those of their region (narrow it " +
                "with `region`). A page at a time, as summaries."),
            new("GetStudio", "Read a studio",
                "The studio view with its roster, history and counts; the ETag is the studio's version (for If-Match on writes). " +
                "Kept once computed: an unchanged studio answers If-None-Match with 304."),
            new("NameSupervision", "Name the studio's supervising leader and department",
                "seed 001 二.1: the school names the studio's supervising school leader (主管校领导) and the department responsible for it " +
                "(责任部门), from a day (today unless given); a later naming replaces the earlier one from its day. The Annex 2 table lists them.",
                ["supervision.date-before-founding"], new NameSupervision("陈志明", "德育处", new DateOnly(2023, 9, 1))),
        ],
        [
            new("supervision.date-before-founding", "The naming's day is before the studio was founded; the detail gives the founding day.",
                "Give a day on or after the studio's founding."),
        ]);
}
