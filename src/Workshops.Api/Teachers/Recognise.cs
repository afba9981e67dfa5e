using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Contract;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Programmes;

namespace Workshops.Teachers;

public sealed record GrantRecognition([Text(50)] string Rung, DateOnly? On = null, [Text(1000)] string? Basis = null);

public sealed record RevokeRecognition([Text(50)] string Rung, [Text(500)] string Reason, DateOnly? On = null);

/// <summary>
/// POST /api/teachers/{teacherId}/recognitions — a reviewer of the teacher's region recognises a rung of the rule set
/// in effect for the teacher's school on the day (青年骨干班主任 when its conditions hold; the expert rung after
/// selection and training). Idempotent: a rung already held is answered without appending. Rungs conferred by a
/// workshop's assessment, derived (新任) or 视同 are refused with their own rule.
/// </summary>
public static class GrantRecognitionEndpoint
{
    public static Task<TeacherStream> LoadAsync(string teacherId, GrantRecognition command, IDocumentSession session, TimeProvider clock,
        CancellationToken ct) => TeacherStream.LoadJudging(session, teacherId, command.On ?? clock.Today(), ct);

    public static ProblemDetails Validate(GrantRecognition command, TeacherStream teacher, HttpContext http,
        TimeProvider clock)
    {
        var today = clock.Today();
        var input = new Check().Day(command.On, "on", today);
        return teacher.Check(http, input,
            r => TierRules.MayGrant(teacher.RuleSet!.RuleSet, command.Rung, TeacherFacts.AsOfDay(r, command.On ?? today)));
    }

    [WolverinePost("/api/teachers/{teacherId}/recognitions", Name = "GrantRecognition"), Authorize(Policy = Policies.TeacherRecognise)]
    [Tags("Teachers")]
    public static TeacherWritten Post(GrantRecognition command, TeacherStream teacher, HttpContext http, TimeProvider clock)
    {
        var on = command.On ?? clock.Today();
        var facts = TeacherFacts.AsOfDay(teacher.Record!, on);
        if (TierRules.Holds(facts, command.Rung)) return teacher.Append(http);
        var set = teacher.RuleSet!.RuleSet;
        var rung = set.RungOf(command.Rung)!;
        var basis = command.Basis?.Trim() ?? (rung.Path == RungPath.Selection
            ? $"{facts.ExpertCandidateSince:yyyy-MM-dd}遴选为培养对象，{facts.ExpertTrainedOn:yyyy-MM-dd}培养结业。"
            : TierRules.Check(set, rung, facts).Reason);
        return teacher.Append(http, new RecognitionConferred(teacher.TeacherId, set.Code, rung.Code, rung.Title, rung.Issuer, rung.Path,
            TierRules.RuleOf(set, rung), basis, on, null, http.Actor(), clock.GetUtcNow()));
    }
}

/// <summary>POST /api/teachers/{teacherId}/recognitions/revocations — a recognition withdrawn from a day, with the reason (e.g. a 不合格 assessment).</summary>
public static class RevokeRecognitionEndpoint
{
    public static Task<TeacherStream> LoadAsync(string teacherId, IDocumentSession session, CancellationToken ct) => TeacherStream.Load(session, teacherId, ct);

    public static ProblemDetails Validate(RevokeRecognition command, TeacherStream teacher, HttpContext http,
        TimeProvider clock)
    {
        var today = clock.Today();
        var input = new Check().Day(command.On, "on", today);
        return teacher.Check(http, input,
            r => TierRules.MayRevoke(TeacherFacts.AsOfDay(r, command.On ?? today), command.Rung));
    }

    [WolverinePost("/api/teachers/{teacherId}/recognitions/revocations", Name = "RevokeRecognition"), Authorize(Policy = Policies.TeacherRecognise)]
    [Tags("Teachers")]
    public static TeacherWritten Post(RevokeRecognition command, TeacherStream teacher, HttpContext http, TimeProvider clock)
    {
        var on = command.On ?? clock.Today();
        var held = TeacherFacts.AsOfDay(teacher.Record!, on).Recognitions.First(r => r.Rung == command.Rung);
        return teacher.Append(http, new RecognitionRevoked(teacher.TeacherId, held.RuleSet, command.Rung, command.Reason.Trim(), on, http.Actor(),
            clock.GetUtcNow()));
    }
}
