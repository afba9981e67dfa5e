using Workshops.Activities;
using Workshops.Core.Contract;
using Workshops.Core.Http;
using Workshops.Demo;

namespace Workshops.Plans;

/// <summary>The annual plan's and the task ledger's part of the contract.</summary>
public static class PlansDocs
{
    public static readonly ApiDocs Docs = new(
        [new TagDoc("Plans and ledger", "年度计划 (the annual plan) and 任务台账 (the task ledger): the host drafts the year's goals and tasks, " +
                                        "the school approves the plan and its tasks open in the ledger; each task is progressed, closed off " +
                                        "(销账) with evidence and the activities that did it, carried over to next year, cancelled or reopened.", 3)],
        [
            new("DraftPlan", "Draft the annual plan (年度计划)",
                "The first draft of the year's goals and planned tasks, as a whole document. Since 4.0.0 a drafted plan is revised in the edit " +
                "convention (POST …/plans/{year}/revision: only the changed parts and a reason); writing it again answers `plan.already-drafted`.",
                ["plan.", "task.due-outside-year", "task.owner-not-on-roster"],
                new DraftPlan("落实“一人一案”家校共育，提升青年班主任带班育人能力。",
                [
                    new TaskInput("每月一次主题教研会", "围绕班会课设计开展研讨，形成课例。", DemoData.HostTeacherId, new DateOnly(2026, 12, 31),
                        [ActivityKind.TeachingResearchMeeting]),
                    new TaskInput("编写《班主任工作手册》初稿", OwnerId: DemoData.Members[0].Id, Due: new DateOnly(2026, 11, 30)),
                ])),
            new("RevisePlan", "Revise the annual plan",
                "The edit convention of every edit (activities' corrections, outputs' and tasks' revisions): `changes` holds only the parts that " +
                "change (`goals`, or `tasks`, the plan's whole task list, where a task that keeps its id keeps its identity) and `reason` says why; " +
                "a part left out keeps its value. Null clears an optional field in every edit, but a plan needs both its goals and at least " +
                "one task, so neither can be cleared (400 under `changes.goals` or `changes.tasks`). " +
                "Each revision is kept and listed with its reason (GET …/plans/{year}); once the school approves the plan, tasks change one by one.",
                ["plan.", "task.due-outside-year", "task.owner-not-on-roster"],
                new RevisePlan(new PlanChanges
                {
                    Goals = "落实“一人一案”家校共育，提升青年班主任带班育人能力和家庭教育指导能力。",
                    Tasks =
                    [
                        new TaskInput("每月一次主题教研会", "围绕班会课设计开展研讨，形成课例。", DemoData.HostTeacherId, new DateOnly(2026, 12, 31),
                            [ActivityKind.TeachingResearchMeeting]),
                        new TaskInput("开展一次家庭教育指导专题培训", OwnerId: DemoData.Members[0].Id, Due: new DateOnly(2026, 11, 30)),
                    ],
                }, "按学校德育处意见补充家庭教育指导目标和任务。")),
            new("ReviseTask", "Revise a task",
                "Edits an open task of the ledger in the edit convention: `changes` holds only the fields that change (title, description, " +
                "owner, due date, expected carriers) and `reason` says why. A field left out keeps its value; a field sent as null clears it " +
                "(`{\"changes\": {\"ownerId\": null, \"due\": null}}` leaves the task with no owner and no due date; `expectedKinds: null` empties " +
                "the list); the title can be changed but not cleared (400 under `changes.title`). The task's history keeps the step with its " +
                "reason, and the event the facts before and after. A task of a plan not approved yet is revised in its plan.",
                ["task."], new ReviseTask(new TaskChanges { OwnerId = DemoData.Members[1].Id, Due = new DateOnly(2026, 12, 15) }, "原负责人外出跟岗学习，改由他人负责。")),
            new("ApprovePlan", "Approve the annual plan", "The school approves the year's plan; its tasks open in the ledger.",
                ["plan."], new ApprovePlan("计划目标明确，同意实施。")),
            new("AddTask", "Add a task to the ledger (任务台账)",
                "Registers a task in the ledger outside the plan (of this year unless `year` says otherwise); it is open at once.",
                ["task.", "plan.year-out-of-range"],
                new AddTask("组织一次市级公开课展示", "邀请区内青年班主任观摩。", DemoData.Members[1].Id, new DateOnly(2026, 10, 31), [ActivityKind.DemonstrationLesson])),
            new("ProgressTask", "Note progress on a task", "How an open task is going, in `reason` (before 4.0.0 `note`, which is now refused with where it goes), " +
                "with an optional percentage done (0–100).",
                ["task."], new ProgressTask("已完成前三次教研会，第四次定于下周三。", 40)),
            new("CloseTask", "Close a task off (销账)",
                "Closes an open task with the reason it is done (`reason`; before 4.0.0 `note`), links to evidence and the activities that did the work.",
                ["task."], new CloseTask("全年共开展主题教研会10次，形成课例8篇。", ["https://www.xmyz.xm.cn/gzf/2025/kl.html"])),
            new("CarryOverTask", "Carry a task over to next year", "Moves an open task into next year's ledger, with a reason.",
                ["task."], new CarryOverTask("手册需补充第二学期案例，延至明年完成。")),
            new("CancelTask", "Cancel a task", "Cancels an open task, with a reason; it can be reopened.", ["task."],
                new CancelTask("区教育局统一组织同类活动，本项取消。")),
            new("ReopenTask", "Reopen a task", "Reopens a closed or cancelled task, with a reason.", ["task."], new ReopenTask("公开课需补充录像材料，重新打开。")),
            new("GetPlan", "Read the annual plan of a year",
                "The plan as last drafted: its goals, the planned tasks with their ids, every revision and the school's approval (404 when the year has no plan)."),
            new("ListTasks", "List the tasks of a year",
                "The year's tasks (this year unless `year` says otherwise), each with its title, owner, due date, origin, state and whether it is overdue; " +
                "the ledger has their histories and activities.",
                Parameters: [new ParameterDoc("year", "The calendar year whose tasks are listed. Without it, this year.", RequestGuards.FirstYear, RequestGuards.LastYear)]),
            new("GetTask", "Read a task",
                "One task of the plans or the ledger, with its year, state, history, evidence and the activities linked to it; the `url` the task writes answer with."),
            new("GetLedger", "Read the task ledger of a year",
                "The year's tasks with their state, dates, owners and the activities linked to them; `asOf` gives the ledger as recorded by the end of that day."),
        ],
        [
            new("plan.none", "There is no plan for that year to approve or revise (404).", "The host drafts the plan first (PUT …/plans/{year})."),
            new("plan.already-drafted", "The year's plan is drafted already; a drafted plan changes by revisions.",
                "Revise it with POST …/plans/{year}/revision, sending only the changed parts in `changes` and a `reason`."),
            new("plan.already-approved", "The year's plan is approved already.", "Add tasks to the ledger instead of revising the plan."),
            new("plan.year-out-of-range", "Plans are made from the founding year to next year.", "Choose a year in that range."),
            new("plan.task-not-in-plan", "A task id is not a planned task of that year.", "Leave the id out to add a new task, or use a planned task's id."),
            new("task.unknown", "No such task in this studio's ledgers (404).", "Use a task id from the ledger."),
            new("task.not-open", "The task's plan is not approved yet.", "Wait for the school to approve the plan; until then revise the task in its plan."),
            new("task.closed", "The task is closed (销账).", "Reopen it first, with a reason."),
            new("task.cancelled", "The task is cancelled.", "Reopen it first, with a reason."),
            new("task.carried-over", "The task was carried over to the next year.", "Work on it in next year's ledger."),
            new("task.carry-too-far", "A task is carried only into the year after its own, once that year's ledger can be worked on.", "Carry it later, or close or cancel it."),
            new("task.not-closed", "Only a closed or cancelled task can be reopened.", "Read the task's state first."),
            new("task.due-outside-year", "A revised task's due date lies outside the year of its ledger (a new task's is a 400 under `due`).",
                "Choose a due date within the task's year."),
            new("task.owner-not-on-roster", "A task's owner is not on the roster.", "Choose an owner who is the host, the coordinator or a member."),
            new("task.unknown-activity", "An activity named in closing is not a standing activity of this studio.", "Use ids of the studio's activities that are not void."),
        ]);
}
