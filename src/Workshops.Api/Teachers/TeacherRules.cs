using Workshops.Core;

namespace Workshops.Teachers;

/// <summary>The three kinds of period on a record, each with its rule prefix and fact kinds.</summary>
public sealed record PeriodKind(string Rule, string Label, FactKind Start, FactKind End, Func<TeacherRecord, IReadOnlyList<Period>> Of)
{
    public static readonly PeriodKind HeadTeacher = new("head-teacher", "担任班主任", FactKind.HeadTeacherStart, FactKind.HeadTeacherEnd, r => r.HeadTeacher);
    public static readonly PeriodKind Rural = new("rural-posting", "农村任教", FactKind.RuralStart, FactKind.RuralEnd, r => r.RuralPostings);
    public static readonly PeriodKind Principal = new("principal", "担任校长", FactKind.PrincipalStart, FactKind.PrincipalEnd, r => r.Principal);
}

/// <summary>
/// The rules of a teacher's record as pure functions: each answers null (allowed) or the refusal. Periods of one kind
/// never overlap (gaps are allowed); a correction names a live fact of the same kind; a single fact (教龄 start) is
/// corrected, not recorded twice.
/// </summary>
public static class TeacherRules
{
    // A day's shape (not before 1950, not after today) is Check.Day, shared with the growth files.

    /// <summary>A correction or retraction needs a reason; a correction names the fact it replaces.</summary>
    public static Check Reasoned(this Check check, Guid? corrects, string? reason) =>
        check.When(corrects is not null && string.IsNullOrWhiteSpace(reason), "reason", "is required when correcting a fact");

    /// <summary>The fact a correction replaces must be live and of one of the kinds.</summary>
    public static Refusal? Corrects(TeacherRecord r, Guid? corrects, params FactKind[] kinds)
    {
        if (corrects is not { } id) return null;
        return r.KindOf(id) switch
        {
            null => Refusal.Unknown("teacher.fact-unknown", $"No live fact {id} on this record (it may have been corrected or retracted)."),
            var kind when !kinds.Contains(kind.Value) =>
                new("teacher.fact-kind", $"Fact {id} is a {kind.Value.Code()} ({kind.Value.Label()}); it cannot be corrected by this kind of fact."),
            _ => null,
        };
    }

    private static bool Overlaps(DateOnly from, DateOnly? to, IEnumerable<Period> others) =>
        others.Any(q => from <= (q.To ?? DateOnly.MaxValue) && q.From <= (to ?? DateOnly.MaxValue));

    /// <summary>A period begins (open, or closed in one go when <paramref name="to"/> is given), or its start is corrected.</summary>
    public static Refusal? StartPeriod(TeacherRecord r, PeriodKind kind, DateOnly from, DateOnly? to, Guid? corrects)
    {
        if (Corrects(r, corrects, kind.Start) is { } wrong) return wrong;
        var periods = kind.Of(r);
        if (corrects is { } replaced)
        {
            var period = periods.Single(p => p.StartFact == replaced);
            if (period.To is { } end && from > end)
                return new($"{kind.Rule}.start-after-end", $"The period ends on {end:yyyy-MM-dd}; it cannot start after that.");
            return Overlaps(from, period.To, periods.Where(p => p != period))
                ? new($"{kind.Rule}.overlap", $"{kind.Label} from {from:yyyy-MM-dd} would overlap another period.")
                : null;
        }
        if (to is null && periods.FirstOrDefault(p => p.To is null) is { } open)
            return new($"{kind.Rule}.open", $"A period of {kind.Label} is open since {open.From:yyyy-MM-dd}; end it first.");
        if (to < from) return new($"{kind.Rule}.end-before-start", $"The period cannot end ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).");
        return Overlaps(from, to, periods)
            ? new($"{kind.Rule}.overlap", $"{kind.Label} from {from:yyyy-MM-dd} would overlap another period; periods may have gaps, not overlaps.")
            : null;
    }

    /// <summary>The period an end applies to: the open one, or the one whose end is corrected.</summary>
    public static Period? Ending(TeacherRecord r, PeriodKind kind, Guid? corrects) =>
        corrects is { } replaced ? kind.Of(r).FirstOrDefault(p => p.EndFact == replaced) : kind.Of(r).FirstOrDefault(p => p.To is null);

    public static Refusal? EndPeriod(TeacherRecord r, PeriodKind kind, DateOnly on, Guid? corrects)
    {
        if (Corrects(r, corrects, kind.End) is { } wrong) return wrong;
        if (Ending(r, kind, corrects) is not { } period)
            return new($"{kind.Rule}.none-open", $"No period of {kind.Label} is open.");
        if (on < period.From)
            return new($"{kind.Rule}.end-before-start", $"The period began on {period.From:yyyy-MM-dd}; it cannot end before that.");
        return Overlaps(period.From, on, kind.Of(r).Where(p => p != period))
            ? new($"{kind.Rule}.overlap", $"Ending on {on:yyyy-MM-dd} would overlap the next period.")
            : null;
    }

    public static Refusal? TeachingStart(TeacherRecord r, Guid? corrects) =>
        Corrects(r, corrects, FactKind.TeachingStart)
        ?? (corrects is null && r.TeachingSince is { } since
            ? new("teaching.recorded", $"Teaching years already count from {since.On:yyyy-MM-dd} (fact {since.FactId}); correct that fact instead.")
            : null);

    public static Refusal? Title(TeacherRecord r, ProfessionalTitle title, DateOnly on, Guid? corrects) =>
        Corrects(r, corrects, FactKind.Title)
        ?? (corrects is null && r.Titles.LastOrDefault(t => t.On <= on) is { } held && held.Title == title
            ? new("title.unchanged", $"The title on {on:yyyy-MM-dd} is already {title.Label()} (since {held.On:yyyy-MM-dd}).")
            : null);

    public static Refusal? Honour(TeacherRecord r, HonourKind honour, HonourLevel level, DateOnly on, Guid? corrects) =>
        Corrects(r, corrects, FactKind.Honour)
        ?? (corrects is null && r.Honours.Any(h => h.Honour == honour && h.Level == level && h.On == on)
            ? new("honour.duplicate", $"{level.Label()}{honour.Label()} of {on:yyyy-MM-dd} is already recorded.")
            : null);

    public static Refusal? SchoolMove(TeacherRecord r, string school, DateOnly on, Guid? corrects)
    {
        if (Corrects(r, corrects, FactKind.SchoolMove) is { } wrong) return wrong;
        var others = r.Schools.Where(s => corrects is null || s.FactId != corrects).ToList();
        if (others.Any(s => s.From == on)) return new("school.same-day", $"A move on {on:yyyy-MM-dd} is already recorded; correct it instead.");
        var before = others.LastOrDefault(s => s.From is null || s.From < on);
        return before is not null && before.School == school.Trim()
            ? new("school.unchanged", $"The teacher is already at {school} on {on:yyyy-MM-dd}.")
            : null;
    }

    public static Refusal? Mentor(TeacherRecord r, string mentorId, Guid? corrects) =>
        Corrects(r, corrects, FactKind.Mentor)
        ?? (mentorId == r.TeacherId ? new("mentor.self", "A teacher cannot be their own mentor.") : null);

    /// <summary>Retracting a fact must leave the record whole: reopening an ended period must not overlap a later one.</summary>
    public static Refusal? Retract(TeacherRecord r, Guid factId)
    {
        if (Corrects(r, factId, Enum.GetValues<FactKind>()) is { } unknown) return unknown;
        foreach (var kind in new[] { PeriodKind.HeadTeacher, PeriodKind.Rural, PeriodKind.Principal })
        {
            var periods = kind.Of(r);
            if (periods.FirstOrDefault(p => p.EndFact == factId) is { } period && Overlaps(period.From, null, periods.Where(p => p != period)))
                return new("teacher.retraction-overlaps", $"Withdrawing this end would reopen {kind.Label} from {period.From:yyyy-MM-dd} across a later period.");
        }
        return null;
    }

    public static Refusal? ExpertTraining(TeacherRecord r, DateOnly on) => r.Expert switch
    {
        null => new("expert.not-candidate", "The teacher was not selected as a candidate for expert training."),
        { TrainedOn: { } trained } => new("expert.already-trained", $"The training was completed on {trained:yyyy-MM-dd}."),
        { On: var selected } when on < selected => new("expert.trained-before-selection", $"The candidate was selected on {selected:yyyy-MM-dd}."),
        _ => null,
    };
}
