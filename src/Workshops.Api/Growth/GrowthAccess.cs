using Microsoft.AspNetCore.Mvc;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Roster;
using Workshops.Studios;

namespace Workshops.Growth;

/// <summary>Who may add to a teacher's growth file in a studio, and of whom.</summary>
public static class GrowthAccess
{
    /// <summary>
    /// The host records for anyone on the roster; a member records their own entries, and a mentor their notes and
    /// ratings of a mentee (seed 001 三.(三).2: members keep their own growth files).
    /// </summary>
    public static ProblemDetails? Check(HttpContext http, StudioState studio, string teacherId, bool asMentor = false)
    {
        var caller = Caller.From(http.User);
        if (studio.Roster.Holding(teacherId) is null)
            return Problems.Rule("growth.not-on-roster", $"{teacherId} is not on this studio's roster.");
        if (caller.Role == Role.Host) return null;
        var mentors = RosterRules.ActiveMentorships(studio.Roster).Where(m => m.MenteeId == teacherId).Select(m => m.MentorId);
        var allowed = asMentor ? mentors.Contains(caller.TeacherId) : caller.TeacherId == teacherId;
        return allowed ? null : Problems.Forbidden(asMentor
            ? "Only the host or the teacher's mentor may add mentor entries."
            : "A member may add entries to their own growth file only.");
    }
}

/// <summary>Where a teacher has been, from their growth file: who may read it.</summary>
public sealed class TeacherScopes : ITeacherScopes
{
    /// <summary>
    /// Read in the request's database: with a database per province, the request's province (the ministry's for a
    /// national token or a host's, where a national read then judges the merged file again), on a session of its own —
    /// the container's session knows no tenant there.
    /// </summary>
    public Task<TeacherScope?> Of(HttpContext http, string teacherId, CancellationToken ct) =>
        Tenants.OnRequestTenant(http, session => Of(session, teacherId, ct));

    private static async Task<TeacherScope?> Of(Marten.IQuerySession session, string teacherId, CancellationToken ct)
    {
        var found = await Marten.QueryableExtensions.FirstOrDefaultAsync(
            session.Query<TeacherFile>().Where(f => f.Id == teacherId).Select(f => new { f.StudioIds, f.RegionCodes }), ct);
        return found is null ? null : new TeacherScope(found.StudioIds, found.RegionCodes);
    }
}
