using Workshops.Core.Contract;
using Workshops.Core.Http;
using Workshops.Demo;

namespace Workshops.Activities;

/// <summary>The activities' part of the contract: what each operation does, a real request, and the rules it can name.</summary>
public static class ActivitiesDocs
{
    public static readonly ApiDocs Docs = new(
        [new TagDoc("Activities", "工作载体 (work carriers): what a studio did — 教研会 research meetings, 示范课 demonstration lessons, " +
                                  "沙龙 salons and the rest — each with its date, hours, attendance and the ledger tasks it served. " +
                                  "Attendance credits each teacher's hours (学时).", 4)],
        [
            new("LogActivity", "Log an activity (工作载体)",
                "Records what the studio did on one day: the kind of carrier, the domains it covers (交流、学习、研究、实践、成长), a title, " +
                "the hours (or start and end), who attended and for how long, and the tasks of the ledger it served. Attending teachers " +
                "are credited the hours they attended. The host and the studio's members may log. Hours out of range (an activity more than 0 and " +
                "at most 24 hours, an attendee more than 0 and at most the activity's hours) and a teacher listed twice are told with every other " +
                "problem of the body in one 400, each under its JSON path.",
                ["activity.", "attendance."],
                new LogActivity(ActivityKind.ThematicSeminar, [Domain.Research, Domain.Exchange], "班级常规管理中的师生沟通专题研讨",
                    new DateOnly(2025, 3, 12), 2.5m, Place: "厦门市第一中学行政楼三楼会议室",
                    Attendees: [new Attendance(DemoData.HostTeacherId, 2.5m), new Attendance(DemoData.Members[0].Id, 2.5m),
                        new Attendance(DemoData.Trainees[0].Id, 2m)],
                    Summary: "围绕“班会课如何让学生说真话”交流三个案例，形成共识与改进清单。")),
            new("CorrectActivity", "Correct an activity",
                "Changes some facts of a logged activity, with a reason: send only the fields that change in `changes`. A field sent as " +
                "null clears it: the start and end (together), the place, the summary, or the attendees, tasks or evidence (an empty list); " +
                "the kind, domains, title, date and hours can be changed but not cleared (400 under `changes.<field>`). The activity " +
                "keeps its id and history; attendance credits follow the corrected facts.",
                ["activity."],
                new CorrectActivity(new ActivityChanges { Hours = 3m, Attendees = [new Attendance(DemoData.HostTeacherId, 3m)] }, "活动实际延长半小时，按签到表更正学时")),
            new("VoidActivity", "Void an activity",
                "Marks a logged activity as void (作废), with a reason: it no longer counts anywhere and its credits are withdrawn. " +
                "Nothing is deleted; the history keeps it.",
                ["activity."], new VoidActivity("重复登记，保留3月12日的记录")),
            new("ListActivities", "List a studio's activities",
                "The studio's activities, newest first, a page at a time; filter by year, kind, domain and attendee. Each item is a summary " +
                "(kind, domains, title, date, hours, place, attendees by name, tasks, how often corrected, whether voided) with the `url` " +
                "of the whole activity: read it for its other facts, evidence and history.",
                Parameters:
                [
                    new ParameterDoc("year", "Only activities dated in this calendar year. Without it, activities of every year.", RequestGuards.FirstYear, RequestGuards.LastYear),
                    new ParameterDoc("kind", "Only activities of this kind (工作载体).", Codes: typeof(ActivityKind)),
                    new ParameterDoc("domain", "Only activities covering this domain.", Codes: typeof(Domain)),
                    new ParameterDoc("teacherId", "Only activities this teacher attended."),
                    new ParameterDoc("includeVoided", "true also lists voided (作废) activities; they are left out unless asked."),
                ]),
            new("GetActivity", "Read one activity", "One activity with its facts, attendance, the tasks it served and its corrections."),
        ],
        [
            new("activity.date-before-founding", "The activity's date is before the studio was founded.", "Check the date; only the studio's own activities are logged."),
            new("activity.unknown-task", "A task id is not a task of this studio's ledgers.", "Use task ids from the studio's ledger (GET …/ledger/{year})."),
            new("activity.task-cancelled", "The activity names a cancelled task.", "Leave the task out, or reopen it first."),
            new("activity.unknown", "No such activity in this studio (404).", "Use an activity id from the studio's list."),
            new("activity.voided", "The activity is void; it cannot be changed.", "Log a new activity instead."),
            new("attendance.not-on-roster", "An attendee was not on the roster that day (nor an invited expert).", "Mark outside people as guests (`guest: true` with a name)."),
            new("attendance.day-over-24", "With this activity a teacher would attend more than 24 hours on one day.", "Check the hours of the teacher's other activities that day."),
        ]);
}
