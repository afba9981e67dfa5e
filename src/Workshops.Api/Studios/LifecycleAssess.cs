using Wolverine.Attributes;
using Wolverine.Marten;
using Workshops.Years;

namespace Workshops.Studios;

/// <summary>A term-end assessment: 优秀, 合格 or 不合格; 不合格 needs the rectification's due date.</summary>
public sealed record AssessTerm(AssessmentResult Result, DateOnly? On = null, DateOnly? RectifyBy = null, [Text(2000)] string? Note = null);

/// <summary>
/// POST /api/studios/{id}/term-assessments — a reviewer of the studio's level or above assesses the current term
/// (within its last year or after it ended); 不合格 opens a rectification (整改) due by a date, and a later passing
/// assessment of the same term closes it.
/// </summary>
public static class AssessTermEndpoint
{
    public static ProblemDetails Validate(AssessTerm command, TimeProvider clock)
    {
        var on = command.On ?? clock.Today();
        return new Check()
            .When(command.Result == AssessmentResult.Unqualified && command.RectifyBy is null, "rectifyBy", "is required when the result is unqualified (不合格)")
            .When(command.Result != AssessmentResult.Unqualified && command.RectifyBy is not null, "rectifyBy", "is given only with an unqualified (不合格) result")
            .When(command.RectifyBy is { } due && due <= on, "rectifyBy", "must be after the assessment's day")
            .Text(command.Note, "note", 2000, required: false)
            .Result();
    }

    [WolverineBefore]
    public static ProblemDetails Rules(AssessTerm command, StudioState studio, HttpContext http, Stamp stamp) =>
        Lifecycle.Assess(studio.Lifecycle, Caller.From(http.User).Region, command.On ?? stamp.Today, stamp.Today).OrContinue();

    [WolverinePost("/api/studios/{id}/term-assessments", Name = "AssessTerm"), Authorize(Policy = Policies.StudioReview), Appends]
    [Tags("Studios")]
    public static TermAssessed Post(AssessTerm command, [WriteAggregate("id")] StudioState studio, Stamp stamp) =>
        new(studio.Lifecycle.TermEnds, command.Result, command.Note, command.On ?? stamp.Today, command.RectifyBy, stamp.By, stamp.At);
}
