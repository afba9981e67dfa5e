using Workshops.Core.Contract;

namespace Workshops.Reference;

/// <summary>The reference data's part of the contract.</summary>
public static class ReferenceDocs
{
    public static readonly ApiDocs Docs = new(
        [new TagDoc("Reference", "Code lists and places, open to anyone: every enumeration the API accepts as a stable ASCII code with its " +
                                 "Chinese label, and the administrative division codes (GB/T 2260) a studio's region is given in.", 13)],
        [
            new("GetReference", "Read every code list", "Every enumeration the API accepts: its name and its codes with their Chinese labels. Send the code, not the label."),
            new("GetRegions", "List administrative divisions",
                "The divisions directly inside `parent` (the cities of a province, the districts of a city); without a parent, or with 000000, the provinces."),
        ],
        []);
}
