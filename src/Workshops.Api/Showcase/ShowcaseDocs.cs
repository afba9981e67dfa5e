using Workshops.Outputs;
using Workshops.Core.Contract;
using Workshops.Core.Http;

namespace Workshops.Showcase;

/// <summary>The public showcase's part of the contract (seed 001 四: 推介宣传, 共建共研共享).</summary>
public static class ShowcaseDocs
{
    public static readonly ApiDocs Docs = new(
        [new TagDoc("Showcase", "成果展示 (the public showcase, seed 001 四: 推介宣传, 共建共研共享): what studios choose to show the public — " +
                                "their profiles and their approved or recommended outputs — read without a token, a page at a time and " +
                                "searched by Chinese text. Nothing is public until the studio's host publishes it, and nothing personal " +
                                "beyond names is shown.", 20)],
        [
            new("PublishProfile", "Publish or withdraw the studio's public profile",
                "The studio's host shows its profile (name, school, place, level, the host's name, mode and published outputs) to the public, or " +
                "takes it back. A studio is unpublished until its host publishes it.",
                Example: new Publish(true)),
            new("PublishOutput", "Publish or withdraw an output",
                "The studio's host shows one of its outputs in the showcase, or takes it back. Only an approved or recommended output is " +
                "published, and it is shown only while it stays so.",
                ["showcase."], new Publish(true)),
            new("ListPublicOutputs", "Browse the published outputs",
                "Published outputs that are approved or recommended, without a token: searched by any Chinese substring of title, summary or " +
                "body (`q`), by kind, year and region; authors by name only. A page at a time, as summaries (the text is in the output its `url` " +
                "points to), limited per client address like every read.",
                Parameters:
                [
                    new ParameterDoc("kind", "Only outputs of this kind (成果).", Codes: typeof(OutputKind)),
                    new ParameterDoc("year", "Only outputs dated in this calendar year. Without it, outputs of every year.", RequestGuards.FirstYear, RequestGuards.LastYear),
                ]),
            new("GetPublicOutput", "Read a published output",
                "One published output with its full text, without a token; anything unpublished, a draft or a returned output is 404."),
            new("ListPublicStudios", "Browse the published studio profiles",
                "Studio profiles their hosts published, without a token, by name; `q` finds a part of the studio's or the school's name. Each " +
                "profile's published outputs are in the profile its `url` points to."),
            new("GetPublicStudio", "Read a published studio profile",
                "A published profile: name, school, place, level, the host's name, mode and its published outputs; 404 while unpublished."),
        ],
        [
            new("showcase.output-unknown", "The studio has no output with this id (404).", "Use an output of this studio."),
            new("showcase.output-not-approved", "Only approved or recommended outputs are published.", "Have the school approve the output first."),
        ]);
}
