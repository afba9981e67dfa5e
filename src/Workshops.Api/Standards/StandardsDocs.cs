using Workshops.Core.Contract;
using Workshops.Core.Http;

namespace Workshops.Standards;

/// <summary>The standards' and checklists' part of the contract.</summary>
public static class StandardsDocs
{
    public static readonly ApiDocs Docs = new(
        [new TagDoc("Standards", "建设标准 (construction standards) as data — the Ministry's vocational studio standard (seed 001) and the K-12 " +
                                 "workshop standard — and each studio's checklist against one: every item met (达标), partly met, not met or " +
                                 "awaiting a person's attestation, with a one-line reason in Chinese and the records behind it.", 9)],
        [
            new("GetChecklist", "Read a studio's checklist",
                "One row per item of the standard (the region's default unless `standard` says otherwise): the rule's verdict with its reason and " +
                "evidence, the latest attestation and the latest reviewer's judgement side by side, and the status that counts (the reviewer's " +
                "judgement where there is one); `asOf` judges a past day. As JSON, CSV or XLSX. Kept once computed: an unchanged checklist answers " +
                "If-None-Match with 304.",
                Parameters: [new ParameterDoc("year", "A calendar year from 2000 to this year (a later year is refused): the year whose activities and " +
                    "outputs are judged. Without it, the year of `asOf` when that is given, else this year.", RequestGuards.FirstYear)]),
            new("RecordAttestation", "Attest an item",
                "A school admin or reviewer judges an item only a person can judge (for example 2.2.1, 师德): met or not met, with a note that is the evidence.",
                ["attestation."], new RecordAttestation("2.2.1", AttestationResult.Met, "经学校师德考核，工作室成员均无师德失范行为。", StandardCatalog.Moe2022, 2025)),
            new("JudgeItem", "Judge a checklist item",
                "A reviewer whose region covers the studio judges any item, whether a rule or a person evaluates it: met (达标), partly met (部分达标) " +
                "or not met (未达标), with a reason. The checklist shows it beside the rule's verdict and the attestation, and counts it in the " +
                "summary; a later judgement of the item supersedes it; a past day's checklist shows the judgements made by then.",
                ["judgement."], new JudgeItem("3.2.1", JudgementResult.PartlyMet, "活动记录齐全，但研究类活动仅1次，未体现交流、学习、研究、实践、评价的全面开展。", StandardCatalog.Moe2022, 2025)),
            new("ReviewChecklists", "Review the checklists of a region",
                "One row per studio in the caller's region: its checklist summary and the items not met (a reviewer's judgement counts where there is one), " +
                "a page at a time in a stable order.",
                Parameters: [new ParameterDoc("year", "The calendar year whose checklists are summed up. Without it, this year.", RequestGuards.FirstYear, RequestGuards.LastYear)]),
            new("ListStandards", "List the standards", "Every standard and edition with its items, wording and rule codes."),
            new("GetStandard", "Read a standard", "One standard edition by its code (`standard`), with its items, wording and rule codes; where adding one points."),
            new("AddStandard", "Add a standard edition", "A reviewer adds a later edition as data, under a new code; its items use the existing rule codes.",
                ["standard."], StandardCatalog.Moe with { Code = "moe-2025", Edition = "2025", Items = [.. StandardCatalog.Moe.Items.Take(2)] }),
            new("AdoptStandards", "Adopt standards for a region", "A reviewer adopts editions for their region; the first is the region's default.",
                ["standard."], new AdoptStandards([StandardCatalog.Moe2022, StandardCatalog.K12Workshop])),
        ],
        [
            new("standard.exists", "A standard with this code exists; editions are not redefined.", "Add the new edition under a new code."),
            new("standard.unknown", "A standard code is not a known standard.", "Use codes from GET /api/standards."),
            new("attestation.unknown-item", "The standard has no item with this code (404).", "Use an item code of the standard."),
            new("judgement.unknown-item", "The standard has no item with this code (404).", "Use an item code of the standard."),
            new("attestation.not-needed", "This item is judged from the studio's records, not by attestation.", "Record what the item asks for instead."),
        ]);
}
