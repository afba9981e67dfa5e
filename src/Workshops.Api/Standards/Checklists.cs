using Marten;
using Npgsql;
using Workshops.Core;
using Workshops.Core.Http;
using Workshops.Growth;
using Workshops.Studios;
using Workshops.Training;
using Workshops.Years;
using Workshops.Views;

namespace Workshops.Standards;

/// <summary>
/// One item of a checklist. <see cref="Verdict"/> is what the rule (or, for an attested item, the attestation) found and
/// <see cref="Reason"/> says why; <see cref="Attestation"/> is the latest attestation of the item, if any; <see cref="Review"/> is
/// the latest reviewer's judgement, if any. <see cref="Status"/> is what counts: the reviewer's judgement where there is one.
/// </summary>
public sealed record ItemResult(
    string Code,
    string Level1,
    string Level2,
    string Title,
    string Wording,
    bool Attestable,
    ItemStatus Status,
    string Reason,
    IReadOnlyList<Evidence> Evidence,
    ItemStatus Verdict,
    AttestationNote? Attestation = null,
    ReviewerJudgement? Review = null);

/// <summary>An attestation as the checklist shows it: met or not, the note, who and when.</summary>
public sealed record AttestationNote(bool Met, string Note, string By, DateTimeOffset At, Guid EventId);

/// <summary>A reviewer's judgement as the checklist shows it: the result, the reason, who and when.</summary>
public sealed record ReviewerJudgement(JudgementResult Result, string Reason, string By, DateTimeOffset At, Guid EventId);

public sealed record Tally(int Met, int PartlyMet, int NotMet, int AwaitingAttestation, int Total);

public sealed record LevelTally(string Level1, Tally Tally);

/// <summary>A studio's checklist for a standard: one row per item, a summary per first-level indicator and overall.</summary>
public sealed record Checklist(
    Guid StudioId,
    string StudioName,
    string Standard,
    string Title,
    string Edition,
    int Year,
    DateOnly AsOf,
    Tally Summary,
    IReadOnlyList<LevelTally> ByLevel,
    IReadOnlyList<ItemResult> Items)
{
    public static Checklist Of(Standard standard, ChecklistFacts facts)
    {
        var items = standard.Items.Select(item =>
        {
            var attested = ChecklistRules.LatestAttestation(facts, standard.Code, item.Code);
            var verdict = ChecklistRules.Evaluate(item, facts, attested);
            var judged = ItemJudgements.Latest(facts.ThisYear.Judgements, standard.Code, item.Code);
            return new ItemResult(item.Code, item.Level1, item.Level2, item.Title, item.Wording, ChecklistRules.Attestable(item),
                ItemJudgements.Standing(verdict.Status, judged), verdict.Reason, verdict.Evidence, verdict.Status,
                attested is null ? null : new AttestationNote(attested.Met, attested.Note, attested.Ref.By.Name, attested.Ref.At, attested.Ref.EventId),
                judged is null ? null : new ReviewerJudgement(judged.Result, judged.Reason, judged.Ref.By.Name, judged.Ref.At, judged.Ref.EventId));
        }).ToList();
        return new Checklist(facts.Studio.Id, facts.Studio.Name, standard.Code, standard.Title, standard.Edition, facts.Year, facts.AsOf,
            Count(items), [.. items.GroupBy(i => i.Level1).Select(g => new LevelTally(g.Key, Count([.. g])))], items);
    }

    /// <summary>
    /// The checklist as reviewers open it: one row per item with the rule's verdict, the attestation and the reviewer's
    /// judgement side by side, and the standing that counts.
    /// </summary>
    public IReadOnlyList<Reports.Table> Tables() =>
    [
        new("达标情况", ["指标", "一级指标", "二级指标", "三级指标", "规则判定", "判定说明", "认定", "认定说明", "认定人", "评审判定", "评审理由", "评审人", "结论"],
            Reports.Exports.Of(Items, i => [
                i.Code, i.Level1, i.Level2, i.Title, i.Verdict.Label(), i.Reason,
                i.Attestation is { } a ? (a.Met ? "达标" : "未达标") : null, i.Attestation?.Note, i.Attestation?.By,
                i.Review?.Result.Label(), i.Review?.Reason, i.Review?.By, i.Status.Label(),
            ]),
            new Dictionary<string, double> { ["判定说明"] = 40, ["认定说明"] = 30, ["评审理由"] = 30 }),
        new("汇总", ["一级指标", "达标", "部分达标", "未达标", "待认定", "合计"],
            Reports.Exports.Of(ByLevel.Append(new LevelTally("合计", Summary)), l =>
                [l.Level1, l.Tally.Met, l.Tally.PartlyMet, l.Tally.NotMet, l.Tally.AwaitingAttestation, l.Tally.Total])),
    ];

    /// <summary>Why an item stands as it does: the reviewer's reason where a reviewer judged it, else the rule's.</summary>
    public static string ReasonOf(ItemResult item) => item.Review is { } r ? $"评审判定（{r.By}）：{r.Reason}" : item.Reason;

    public static Tally Count(IReadOnlyList<ItemResult> items) => new(
        items.Count(i => i.Status == ItemStatus.Met),
        items.Count(i => i.Status == ItemStatus.PartlyMet),
        items.Count(i => i.Status == ItemStatus.NotMet),
        items.Count(i => i.Status == ItemStatus.AwaitingAttestation),
        items.Count);
}

/// <summary>Gathers the facts for a checklist: now from the projections, a past day from the events recorded by then.</summary>
public static class ChecklistFactsLoader
{
    /// <param name="itemized">Whether the year's training credits are listed one by one (as evidence).</param>
    /// <param name="judgedOn">The day "now" facts are judged on when not today (an annual report of a past year: its last day).</param>
    /// <param name="reading">
    /// Told what is about to be read (the studio's stream version, the roster, the regions) before anything but the
    /// stream is read: a kept view takes its fingerprint there (see <see cref="ViewMemo"/>).
    /// </param>
    public static async Task<ChecklistFacts?> Load(IQuerySession session, Guid studioId, int year, DateOnly? asOf, DateOnly today,
        CancellationToken ct, bool itemized = false, DateOnly? judgedOn = null, Func<ViewMemo.Inputs, Task>? reading = null)
    {
        StudioAt? at;
        var day = asOf ?? today;
        string[] ids;
        if (asOf is { } past && past < today)
        {
            at = History.Fold(await session.Events.FetchStreamAsync(studioId, token: ct), past);
            if (at is null) return null;
            ids = Roster(at.Studio);
            if (reading is not null) await reading(Inputs(at.Studio, at.StreamVersion, ids));
        }
        else
        {
            // The studio and its years up to the one judged (earlier years' outputs count), as of the stream's last event.
            if (await StudioIdentities.Of(session, studioId, ct) is not { } identity) return null;
            var years = Enumerable.Range(Math.Min(identity.FoundedOn.Year, year), Math.Max(1, year - identity.FoundedOn.Year + 1)).ToList();
            at = await History.Load(session, studioId, null, today, years, ct);
            if (at is null) return null;
            ids = Roster(at.Studio);
            if (reading is not null) await reading(Inputs(at.Studio, at.StreamVersion, ids));
        }

        var moment = History.EndOf(day);
        var policies = await PolicyCatalog.For(session, [.. at.Studio.Region.Codes().Reverse()], ct);
        // Every credit up to the day: the hour clocks' windows (rolling three years, a five-year cycle, a career total)
        // do not follow the months that summaries are kept by.
        var files = await TeacherFiles.Load(session, ids, ct, upToYear: day.Year);
        var judged = judgedOn ?? day;
        var recorded = asOf is { } then && then < today ? then : (DateOnly?)null;
        var clocks = await TrainingHours.ClocksOf(session, at.Studio.Region, at.Studio.Track, judged, TrainingReads.Moment(recorded, today), ct);
        var (facts, trainings) = await TrainingHours.RecordsOf(session, ids, judged, recorded, today, ct);
        // People are judged on their teacher records as of the day judged (a past asOf: as recorded by its end), under
        // the studio's rule set on that day.
        var records = await Workshops.Roster.RosterJudging.Records(session, ids, ct, TrainingReads.Moment(recorded, today));
        var set = (await Programmes.RuleSetLibrary.For(session, at.Studio.Region.Code, at.Studio.Track, judged, ct)).RuleSet;
        return new ChecklistFacts(at.Studio, at.Years, year, judged, files.ToDictionary(f => f.Id, f => f.AsOf(moment)), policies.Policies,
            new RosterHours(clocks, facts, trainings), records, set);
    }

    private static string[] Roster(Studio studio) => [.. studio.CurrentRoster().Select(r => r.Teacher.Id).Distinct()];

    private static ViewMemo.Inputs Inputs(Studio studio, long version, string[] teachers) =>
        new(studio.Id, version, teachers, [.. studio.Region.Codes()], People: true);

    /// <summary>
    /// Fills in the event store's sequence of every piece of evidence, in one query. Evidence comes from the studio's
    /// stream and, for training hours, from the streams of the studios its people were in; the search is kept to those
    /// streams, which the stream index serves (the event id itself is not indexed).
    /// </summary>
    public static async Task<Checklist> WithSequences(Checklist checklist, ChecklistFacts facts, IQuerySession session, CancellationToken ct)
    {
        var ids = checklist.Items.SelectMany(i => i.Evidence).Select(e => e.EventId).Distinct().ToArray();
        if (ids.Length == 0) return checklist;
        var streams = facts.Teachers.Values.SelectMany(t => t.StudioIds).Append(facts.Studio.Id).Distinct().ToArray();
        var sequences = new Dictionary<Guid, long>();
        // The studio's own database (its province's, with a database per province).
        await using var connection = session.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using (var cmd = new NpgsqlCommand($"select id, seq_id from {Setup.Schema}.mt_events where stream_id = any($1) and id = any($2)", connection))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = streams });
            cmd.Parameters.Add(new NpgsqlParameter { Value = ids });
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) sequences[reader.GetGuid(0)] = reader.GetInt64(1);
        }
        return checklist with
        {
            Items = [.. checklist.Items.Select(i => i with
            {
                Evidence = [.. i.Evidence.Select(e => e with { Sequence = sequences.TryGetValue(e.EventId, out var s) ? s : null })],
            })],
        };
    }
}
