using Workshops.Plans;
using Workshops.Tests.Support;
using Workshops.Years;
using static Workshops.Tests.Support.Given;

namespace Workshops.Tests.Plans;

/// <summary>The ledger's state machine and its views, given events.</summary>
public sealed class ledger_rules
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid();

    private static Decided Approved2026(params object[] more) =>
        Decide([Planned(2026, A, B), Given.Approved(2026, A, B), .. more]);

    [Fact]
    public void planned_tasks_wait_for_approval()
    {
        var studio = Decide(Planned(2026, A));
        Assert.Equal("task.not-open", PlanRules.Can(studio.Task(A), A, PlanRules.Move.Progress, Today)?.Rule);
        Assert.Null(PlanRules.Draft(studio.State, 2026, [Spec(A, "改名")], Today));
        Assert.Null(PlanRules.Can(Approved2026().Task(A), A, PlanRules.Move.Progress, Today));
    }

    [Fact]
    public void closed_and_cancelled_tasks_only_reopen()
    {
        var closed = Approved2026(new TaskClosed(2026, A, "完成", [], [], By, At), new TaskCancelled(2026, B, "取消", By, At));
        foreach (var move in new[] { PlanRules.Move.Progress, PlanRules.Move.Close, PlanRules.Move.Cancel, PlanRules.Move.CarryOver })
        {
            Assert.Equal("task.closed", PlanRules.Can(closed.Task(A), A, move, Today)?.Rule);
            Assert.Equal("task.cancelled", PlanRules.Can(closed.Task(B), B, move, Today)?.Rule);
        }
        Assert.Null(PlanRules.Can(closed.Task(A), A, PlanRules.Move.Reopen, Today));
        Assert.Null(PlanRules.Can(closed.Task(B), B, PlanRules.Move.Reopen, Today));
        var reopened = Approved2026(new TaskClosed(2026, A, "完成", [], [], By, At), new TaskReopened(2026, A, "补做", By, At));
        Assert.Null(PlanRules.Can(reopened.Task(A), A, PlanRules.Move.Progress, Today));
        Assert.Equal("task.not-closed", PlanRules.Can(reopened.Task(A), A, PlanRules.Move.Reopen, Today)?.Rule);
    }

    [Fact]
    public void an_approved_plan_is_not_revised_and_unknown_tasks_are_404()
    {
        var studio = Approved2026();
        Assert.Equal("plan.already-approved", PlanRules.Draft(studio.State, 2026, [Spec(A)], Today)?.Rule);
        var other = Guid.NewGuid();
        var unknown = PlanRules.Can(studio.Task(other), other, PlanRules.Move.Close, Today);
        Assert.Equal(("task.unknown", 404), (unknown?.Rule, unknown?.Status));
    }

    [Fact]
    public void a_carried_task_moves_to_next_years_ledger_and_stays_counted_in_its_first()
    {
        var carried = new TaskCarriedOver(2026, A, 2027, "延期", Spec(A), By, At);
        var studio = Approved2026(carried);
        Assert.Equal((2027, Workshops.Plans.TaskStatus.Open), (studio.Task(A)!.Year, studio.Task(A)!.Status));
        var events = new object[] { Established(), Planned(2026, A, B), Given.Approved(2026, A, B), carried }
            .Select((e, i) => Wrap(e, i + 1)).ToList();
        var at = History.Fold(events, Today)!;
        var first = LedgerView.Of(at.Studio, at.Year(2026), Today, []);
        Assert.Equal((2, 1, 1), (first.Counts.Opened, first.Counts.CarriedOver, first.Counts.Open));
        var next = LedgerView.Of(at.Studio, at.Year(2027), Today, []);
        Assert.Equal(TaskOrigin.CarriedIn, Assert.Single(next.Tasks).Origin);
    }

    [Fact]
    public void overdue_means_open_past_its_due_date()
    {
        var due = new DateOnly(2026, 5, 31);
        var events = new object[]
        {
            Established(), new AnnualPlanDrafted(2026, "目标", [Spec(A, due: due), Spec(B, due: due)], 1, By, At), Given.Approved(2026, A, B),
            new TaskClosed(2026, B, "完成", [], [], By, At),
        }.Select((e, i) => Wrap(e, i + 1)).ToList();
        var at = History.Fold(events, Today)!;
        Assert.Equal(1, LedgerView.Of(at.Studio, at.Year(2026), Today, []).Counts.Overdue);
        Assert.Equal(0, LedgerView.Of(at.Studio, at.Year(2026), due, []).Counts.Overdue);
    }
}
