using System.Text.Json;
using System.Text.Json.Nodes;
using Workshops.Core;
using Workshops.Core.Auth;

namespace Workshops.Studios;

/// <summary>Who reads a studio view: its own people, or someone outside it.</summary>
public enum StudioAudience { Own, Outside }

/// <summary>
/// The studio view holds each teacher's personal fields (gender, birth year, party membership, rural flag, years of
/// service …). They are for the studio's own people — its host and members — and its school (a school admin covering
/// the studio's region); reviewers and integration clients see each teacher's id, name, school, subject and title.
/// </summary>
public static class StudioAudiences
{
    /// <summary>The teacher fields everyone who may read the studio sees.</summary>
    public static readonly IReadOnlySet<string> PublicTeacherFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "name", "school", "subject", "title",
    };

    public static StudioAudience Of(Caller caller, Guid studioId, Region region) => caller.Role switch
    {
        Role.Host or Role.Member when caller.InStudio(studioId) => StudioAudience.Own,
        Role.School when caller.Covers(region) => StudioAudience.Own,
        _ => StudioAudience.Outside,
    };

    /// <summary>The studio view for the audience: as stored for its own people, without personal fields for others.</summary>
    public static object View(Studio studio, StudioAudience audience)
    {
        if (audience == StudioAudience.Own) return studio;
        var view = JsonSerializer.SerializeToNode(studio, Json.Wire)!.AsObject();
        foreach (var key in new[] { "host", "coordinator" }) Strip(view[key]);
        foreach (var key in new[] { "members", "trainees" })
            foreach (var entry in view[key]?.AsArray() ?? []) Strip(entry);
        foreach (var facts in view["rosterFacts"]?.AsArray() ?? [])
            if (facts is JsonObject o)
                foreach (var field in o.Select(p => p.Key).Where(k => k is not ("teacherId" or "role" or "fromRecord") && !PublicTeacherFields.Contains(k)).ToList())
                    o.Remove(field);
        return view;
    }

    private static void Strip(JsonNode? entry)
    {
        if (entry?["teacher"] is not JsonObject teacher) return;
        foreach (var field in teacher.Select(p => p.Key).Where(k => !PublicTeacherFields.Contains(k)).ToList()) teacher.Remove(field);
    }
}
