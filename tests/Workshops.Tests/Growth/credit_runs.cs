using System.Text.Json;
using System.Text.Json.Nodes;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Growth;
using Workshops.Studios;

namespace Workshops.Tests.Growth;

/// <summary>
/// A credit month stores its credits in runs: consecutive credits of one studio, category, level and recording actor
/// share those once. What is read back is what was written, in the same order.
/// </summary>
public sealed class credit_runs
{
    private static readonly JsonSerializerOptions Options = Stored();

    private static JsonSerializerOptions Stored()
    {
        var o = new JsonSerializerOptions();
        Json.Stored(o);
        return o;
    }

    private static readonly Guid StudioA = Guid.Parse("017c1c65-b500-738f-af4c-4765b38ab561");
    private static readonly Guid StudioB = Guid.Parse("01834ae4-0100-7591-bc5f-82831736e74c");
    private static readonly Actor HostA = new("host:a", "坊主甲", Role.Host);
    private static readonly Actor HostB = new("host:b", "坊主乙", Role.Host);

    private static Credit Activity(Guid studio, Actor by, int day, decimal hours, long version, DateTimeOffset? removed = null)
    {
        var activity = Guid.CreateVersion7();
        var at = new DateTimeOffset(2026, 3, day, 18, 0, 0, TimeSpan.FromHours(8));
        return new Credit(activity.ToString(), studio, CreditCategory.StudioActivity, TrainingLevel.District, hours, new DateOnly(2026, 3, day),
            $"主题班会（第{day}次）", at, removed, activity, new EventRef(Guid.NewGuid(), "activity_logged", version, by, at));
    }

    private static CreditMonth Month(params Credit[] credits) =>
        new() { Id = "M1:2026-03", Credits = credits };

    [Fact]
    public void credits_of_one_studio_and_host_are_one_run_and_read_back_in_order()
    {
        var credits = new[]
        {
            Activity(StudioA, HostA, 2, 1.5m, 10),
            Activity(StudioA, HostA, 3, 2m, 11, removed: new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.FromHours(8))),
            Activity(StudioB, HostB, 3, 1m, 40),
            Activity(StudioA, HostA, 5, 2.5m, 12),
            new Credit(Guid.NewGuid().ToString(), StudioA, CreditCategory.HeadTeacherTraining, TrainingLevel.Provincial, 8m, new DateOnly(2026, 3, 20),
                "3月班主任专题培训", new DateTimeOffset(2026, 3, 21, 10, 0, 0, TimeSpan.FromHours(8)),
                Ref: new EventRef(Guid.NewGuid(), "outside_training_recorded", 13, HostA, new DateTimeOffset(2026, 3, 21, 10, 0, 0, TimeSpan.FromHours(8)))),
        };

        var json = JsonSerializer.Serialize(Month(credits), Options);
        var runs = JsonNode.Parse(json)!["credits"]!.AsArray();

        Assert.Equal([2, 1, 1, 1], runs.Select(r => r!["credits"]!.AsArray().Count));
        Assert.Equal(22, runs[0]!["s"]!.GetValue<string>().Length); // the studio id as base64url of its 16 bytes
        Assert.Equal("host:a", runs[0]!["by"]![0]!.GetValue<string>());
        Assert.Equal("2026-03", runs[0]!["m"]!.GetValue<string>());
        // The usual credit is one array: key, hours, day, title, event id, version, recorded (a removed one adds when).
        Assert.Equal(7, runs[0]!["credits"]![0]!.AsArray().Count);
        Assert.Equal(8, runs[0]!["credits"]![1]!.AsArray().Count);
        Assert.Equal(2, runs[0]!["credits"]![0]![2]!.GetValue<int>());
        var back = JsonSerializer.Deserialize<CreditMonth>(json, Options)!;
        Assert.Equal(credits, back.Credits);
    }

    [Fact]
    public void a_month_stored_as_plain_credits_still_reads()
    {
        var credits = new[] { Activity(StudioA, HostA, 2, 1.5m, 10), Activity(StudioB, HostB, 9, 3m, 41) };
        var plain = new JsonObject
        {
            ["id"] = "M1:2026-03", ["teacherId"] = "M1", ["year"] = 2026, ["month"] = 3,
            ["credits"] = new JsonArray([.. credits.Select(c => JsonNode.Parse(JsonSerializer.Serialize(c, Options)))]),
        };

        var back = JsonSerializer.Deserialize<CreditMonth>(plain.ToJsonString(), Options)!;

        Assert.Equal(credits, back.Credits);
        Assert.Equal(("M1", 2026, 3), (back.TeacherId, back.Year, back.Month));
    }

    [Fact]
    public void the_teacher_year_and_month_are_read_from_the_id_and_not_stored_beside_it()
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(Month(Activity(StudioA, HostA, 2, 1.5m, 10)), Options))!.AsObject();

        Assert.Equal(["id", "credits", "totals"], json.Select(p => p.Key));
        var back = JsonSerializer.Deserialize<CreditMonth>(json.ToJsonString(), Options)!;
        Assert.Equal(("M1", 2026, 3), (back.TeacherId, back.Year, back.Month));
        Assert.Equal(("T:9:0001", 2031, 12), (new CreditMonth { Id = "T:9:0001:2031-12" } is var m ? (m.TeacherId, m.Year, m.Month) : default));
    }

    [Fact]
    public void times_recorded_at_another_offset_are_numbers_at_the_run_s_offset_and_read_back_with_it()
    {
        var credits = new[]
        {
            Activity(StudioA, HostA, 2, 1.5m, 10, removed: new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.FromHours(8))),
            Activity(StudioA, HostA, 3, 2m, 11, removed: new DateTimeOffset(2026, 3, 4, 1, 0, 0, TimeSpan.Zero)),
        };

        var json = JsonSerializer.Serialize(Month(credits), Options);
        var run = JsonNode.Parse(json)!["credits"]![0]!;

        Assert.Equal(480, run["o"]!.GetValue<int>());
        Assert.Equal(JsonValueKind.Number, run["credits"]![0]![6]!.GetValueKind());
        Assert.Equal(JsonValueKind.Number, run["credits"]![0]![7]!.GetValueKind());
        // A time at another offset than the run's stays text, so its offset is kept too.
        Assert.Equal(JsonValueKind.String, run["credits"]![1]![7]!.GetValueKind());
        var back = JsonSerializer.Deserialize<CreditMonth>(json, Options)!.Credits;
        Assert.Equal(credits, back);
        Assert.Equal(credits.Select(c => (c.RecordedAt.Offset, c.RemovedAt!.Value.Offset, c.Ref!.At.Offset)),
            back.Select(c => (c.RecordedAt.Offset, c.RemovedAt!.Value.Offset, c.Ref!.At.Offset)));
    }

    [Fact]
    public async Task a_month_longer_than_one_read_buffer_reads_from_a_stream()
    {
        // A busy teacher's month: hundreds of credits, far past the 16 KB a stream is read in at a time (Marten reads
        // every document from a stream).
        var credits = Enumerable.Range(0, 300).Select(n => Activity(n % 7 == 0 ? StudioB : StudioA, n % 7 == 0 ? HostB : HostA, 1 + n % 28, 1.5m, 100 + n)).ToArray();
        var json = JsonSerializer.SerializeToUtf8Bytes(Month(credits), Options);
        Assert.True(json.Length > 16 * 1024, $"{json.Length} bytes");

        using var stream = new MemoryStream(json);
        var read = await JsonSerializer.DeserializeAsync<CreditMonth>(stream, Options);

        Assert.Equal(credits, read!.Credits);
    }

    [Fact]
    public void a_run_stored_before_rows_with_its_credits_as_objects_still_reads()
    {
        var credits = new[] { Activity(StudioA, HostA, 2, 1.5m, 10), Activity(StudioA, HostA, 9, 3m, 11) };
        // As runs were stored before they named their month: each credit an object without what the run shares.
        var objects = credits.Select(c =>
        {
            var o = JsonNode.Parse(JsonSerializer.Serialize(c, Options))!.AsObject();
            o.Remove("s");
            o.Remove("c");
            o.Remove("l");
            o["e"]!.AsArray().RemoveAt(3);
            return (JsonNode)o;
        });
        var run = new JsonObject
        {
            ["s"] = StudioA, ["c"] = JsonSerializer.SerializeToNode(CreditCategory.StudioActivity, Options),
            ["l"] = JsonSerializer.SerializeToNode(TrainingLevel.District, Options), ["by"] = JsonNode.Parse(JsonSerializer.Serialize(HostA, Options)),
            ["credits"] = new JsonArray([.. objects]),
        };
        var month = new JsonObject { ["id"] = "M1:2026-03", ["teacherId"] = "M1", ["year"] = 2026, ["month"] = 3, ["credits"] = new JsonArray(run) };

        var back = JsonSerializer.Deserialize<CreditMonth>(month.ToJsonString(), Options)!;

        Assert.Equal(credits, back.Credits);
    }

    [Fact]
    public void times_recorded_in_utc_are_stored_as_seconds_and_read_back_to_the_tick()
    {
        var at = new DateTimeOffset(2026, 3, 7, 1, 2, 3, TimeSpan.Zero).AddTicks(1_234_560);
        var activity = Guid.CreateVersion7();
        var credit = new Credit(activity.ToString(), StudioA, CreditCategory.StudioActivity, TrainingLevel.School, 2m, new DateOnly(2026, 3, 7),
            "班级文化建设研讨", at, at.AddDays(2), activity, new EventRef(Guid.NewGuid(), "activity_corrected", 4, HostA, at));

        var json = JsonSerializer.Serialize(Month(credit), Options);
        var row = JsonNode.Parse(json)!["credits"]![0]!["credits"]![0]!.AsArray();

        Assert.Equal("1772845323.123456", row[6]!.ToJsonString());
        Assert.Equal("activity_corrected", row[8]!.GetValue<string>());
        Assert.Equal([credit], JsonSerializer.Deserialize<CreditMonth>(json, Options)!.Credits);
    }

    /// <summary>
    /// The bound on what a credit costs to store: a month of twenty activity credits logged by the studio's host, each
    /// titled with twelve Chinese characters, is this many bytes of JSON per credit, its run's shared members included.
    /// Exact: the count changes only when the stored shape does.
    /// </summary>
    [Fact]
    public void a_usual_activity_credit_is_stored_in_129_bytes()
    {
        var start = new DateTimeOffset(2026, 3, 1, 10, 30, 0, TimeSpan.Zero);
        var credits = Enumerable.Range(1, 20).Select(day =>
        {
            var activity = Guid.CreateVersion7();
            var at = start.AddDays(day - 1).AddTicks(day * 1_234_567);
            return new Credit(activity.ToString(), StudioA, CreditCategory.StudioActivity, TrainingLevel.School, 1.5m, new DateOnly(2026, 3, day),
                "主题班会：班级文化建设研讨", at, null, activity, new EventRef(Guid.CreateVersion7(), "activity_logged", 100 + day, HostA, at));
        }).ToArray();

        var month = Month(credits);
        var bytes = System.Text.Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(month, Options))
                    - System.Text.Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(Month(), Options));

        Assert.Equal(129, bytes / credits.Length);
        Assert.Equal(credits, JsonSerializer.Deserialize<CreditMonth>(JsonSerializer.Serialize(month, Options), Options)!.Credits);
    }
}
