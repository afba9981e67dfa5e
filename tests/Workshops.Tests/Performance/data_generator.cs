extern alias bench;
using System.Text.Json;
using Workshops.Activities;
using bench::Workshops.Bench;
using Workshops.Core;
using Workshops.Plans;
using Workshops.Programmes;
using Workshops.Roster;
using Workshops.Studios;
using Workshops.Tests.Support;

namespace Workshops.Tests.Performance;

/// <summary>
/// The benchmark's data generator: deterministic from its seed, and every studio it writes is one the API itself would
/// have accepted, fact by fact (roster rules, activity rules), so the figures are measured on data the system could hold.
/// </summary>
public sealed class data_generator
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static List<GeneratedStream> Streams(int seed) => [.. new Generator(seed).Streams(12, 30)];

    private static string Text(IEnumerable<GeneratedStream> streams) =>
        JsonSerializer.Serialize(streams.Select(s => new { s.Studio.Id, Events = s.Events.Select(e => new { Type = e.GetType().Name, Data = (object)e }) }),
            Json.Wire);

    [Fact]
    public void the_same_seed_writes_the_same_events_identifiers_included_and_another_seed_does_not()
    {
        var first = Streams(7);
        var again = Streams(7);
        Assert.Equal(Text(first), Text(again));
        Assert.NotEqual(Text(first), Text(Streams(8)));
        // Twelve studios, then the small and the large one the reads are measured on.
        Assert.Equal(14, first.Count);
        Assert.Equal(first.Count, first.Select(s => s.Studio.Id).Distinct().Count());
        Assert.All(first, s => Assert.Equal(s.Events.Count, s.Studio.Events));
        Assert.InRange(first[^2].Studio.Events, 30, 200);
        Assert.InRange(first[^1].Studio.Events, 4_000, 7_000);
        // Identifiers are time-ordered (version 7), stamped with the day they were made.
        var established = (StudioEstablished)first[0].Events[0];
        Assert.Equal(7, established.StudioId.Version);
        Assert.Equal(established.At.ToUnixTimeMilliseconds(), MillisecondsOf(established.StudioId));
    }

    private static long MillisecondsOf(Guid id)
    {
        var bytes = id.ToByteArray(bigEndian: true);
        return bytes[..6].Aggregate(0L, (ms, b) => (ms << 8) | b);
    }

    [Fact]
    public void every_generated_fact_passes_the_rules_the_api_applies_to_it()
    {
        var activities = 0;
        foreach (var (generated, events) in Streams(20261127))
        {
            StudioState? studio = null;
            Studio? view = null;
            var records = new Dictionary<Guid, ActivityEntry>();
            var tasks = new Dictionary<Guid, TaskStanding>();
            var version = 0L;
            foreach (var data in events)
            {
                if (data is StudioEstablished established) Assert.Empty(Region.Problems(established.Region));
                var refusal = data switch
                {
                    HostAppointed x => RosterRules.AppointHost(studio!, x.Teacher, x.On, Today),
                    MemberJoined x => RosterRules.AddMember(studio!, x.Teacher, RuleSetPresets.Xiamen, x.On, Today),
                    TraineeEnrolled x => RosterRules.EnrollTrainee(studio!, x.Teacher, x.On, Today),
                    MentorshipFormed x => RosterRules.FormMentorship(studio!, x.MentorId, x.MenteeId, x.On, Today),
                    ActivityLogged x => ActivityRules.Check(studio!, SameDay(records, x.Facts.Date), x.Facts, tasks: [.. tasks.Values]),
                    ActivityCorrected x => ActivityRules.Check(studio!, SameDay(records, x.After.Date), x.After, x.ActivityId, [.. tasks.Values]),
                    _ => null,
                };
                Assert.True(refusal is null, $"{generated.Id}: {data.GetType().Name} would be refused: {refusal?.Rule} {refusal?.Detail}");
                if (data is ActivityLogged) activities++;

                var e = Given.Wrap(data, ++version, generated.Id);
                studio = StudioState.Fold(studio, e);
                view = Studio.Fold(view, e);
                foreach (var id in TaskStanding.Keys(data))
                    if (TaskStanding.Fold(tasks.GetValueOrDefault(id), id, e) is { } task) tasks[id] = task;
                if (data is IActivityEvent a) records[a.ActivityId] = ActivityEntry.Fold(records.GetValueOrDefault(a.ActivityId), e)!;
            }
            Assert.NotNull(view);
            Assert.Empty(view.Warnings);
            Assert.InRange(view.Members.Count, RosterRules.MinMembers, RosterRules.MaxMembers);
            Assert.NotEmpty(view.Trainees);
        }
        Assert.True(activities > 5_000, $"{activities} activities");
    }

    private static IReadOnlyList<ActivityEntry> SameDay(Dictionary<Guid, ActivityEntry> records, DateOnly date) =>
        [.. records.Values.Where(r => r.Date == date && !r.Voided)];
}
