using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Http;
using Workshops.Studios;

namespace Workshops.Standards;

/// <summary>
/// What an attestation and a judgement of a checklist item share: the standard they are about (the one named, or the
/// studio's default), the input's shape (the code, the text, a year between the founding and now) and the refusal of
/// an item the standard does not have.
/// </summary>
public static class ItemWrites
{
    public static async Task<Standard?> Standard(Guid studioId, string? standard, IDocumentSession session, CancellationToken ct) =>
        await StudioIdentities.Of(session, studioId, ct) is { } studio ? await StandardsLibrary.For(session, studio.Region, studio.Track, standard, ct) : null;

    public static ProblemDetails Input(string code, string text, string textField, int? year, StudioState studio, Standard? standard, TimeProvider clock)
    {
        var check = new Check().Text(code, "code", 20).Text(text, textField, 2000)
            .When(year is { } y && (y < studio.FoundedOn.Year || y > clock.Today().Year), "year", "must fall between the founding year and this year");
        if (!check.Ok) return check.Result();
        return standard is null ? Problems.Invalid("standard", "is not a known standard") : WolverineContinue.NoProblems;
    }

    /// <summary>The item of the standard with this code, or the refusal (404) named by <paramref name="rule"/>.</summary>
    public static (StandardItem? Item, Refusal? Unknown) Item(Standard standard, string code, string rule) =>
        standard.Items.FirstOrDefault(i => i.Code == code) is { } item
            ? (item, null)
            : (null, Refusal.Unknown(rule, $"{standard.Code} has no item {code}."));
}
