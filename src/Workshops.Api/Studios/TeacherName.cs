namespace Workshops.Studios;

/// <summary>
/// A teacher's id with their name beside it, as the studio's roster (current or former roles, invited experts) has it
/// on the day read: a view as of a past day names them as they were then. Null when the studio never had them.
/// </summary>
public sealed record TeacherName(string Id, string? Name)
{
    public static TeacherName Of(Studio studio, string id) => new(id, Years.YearView.NameOf(studio, id));

    public static IReadOnlyList<TeacherName> Of(Studio? studio, IEnumerable<string> ids) =>
        [.. ids.Select(id => studio is null ? new TeacherName(id, null) : Of(studio, id))];
}
