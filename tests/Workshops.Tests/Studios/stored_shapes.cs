using System.Text.Json;
using System.Text.Json.Nodes;
using Workshops.Core.Auth;
using Workshops.Growth;
using Workshops.Studios;
using Workshops.Years;

namespace Workshops.Tests.Studios;

/// <summary>
/// The values documents repeat most are stored as arrays: event references, example activities, credit totals. What is
/// read back is what was written, objects stored before still read, and the wire keeps the objects.
/// </summary>
public sealed class stored_shapes
{
    private static readonly JsonSerializerOptions Stored = Make(Json.Stored);
    private static readonly JsonSerializerOptions Earlier = Make(Json.Shape);

    private static JsonSerializerOptions Make(Action<JsonSerializerOptions> shape)
    {
        var o = new JsonSerializerOptions();
        o.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        shape(o);
        return o;
    }

    private static readonly EventRef Ref = new(Guid.Parse("0195a000-3502-7030-8000-000000000042"), "task_progressed", 17,
        new Actor("host:0001", "王晓红", Role.Host), new DateTimeOffset(2026, 4, 2, 9, 30, 15, TimeSpan.Zero).AddTicks(1234567));

    [Fact]
    public void an_event_reference_is_stored_as_one_array_of_99_bytes_and_reads_back()
    {
        var json = JsonSerializer.Serialize(Ref, Stored);

        // The event id as base64url of its 16 bytes, the time in UTC as seconds since 1970 to the tick.
        Assert.Equal("""["AKCVAQI1MHCAAAAAAAAAQg","task_progressed",17,["host:0001","王晓红","Host"],1775122215.1234567]""", json);
        Assert.Equal(99, System.Text.Encoding.UTF8.GetByteCount(json));
        var back = JsonSerializer.Deserialize<EventRef>(json, Stored)!;
        Assert.Equal(Ref, back);
        Assert.Equal(TimeSpan.Zero, back.At.Offset);
    }

    [Fact]
    public void an_event_reference_stored_with_its_whole_id_and_a_time_as_text_still_reads()
    {
        var local = Ref with { At = new DateTimeOffset(2026, 4, 2, 17, 30, 15, TimeSpan.FromHours(8)) };
        const string earlier = """["0195a000-3502-7030-8000-000000000042","task_progressed",17,["host:0001","王晓红","Host"],"2026-04-02T17:30:15+08:00"]""";

        var back = JsonSerializer.Deserialize<EventRef>(earlier, Stored)!;

        Assert.Equal(local, back);
        Assert.Equal(TimeSpan.FromHours(8), back.At.Offset);
        // A time at another offset than UTC stays text, so its offset is kept.
        Assert.Equal(JsonValueKind.String, JsonNode.Parse(JsonSerializer.Serialize(local, Stored))![4]!.GetValueKind());
        Assert.Equal(TimeSpan.FromHours(8), JsonSerializer.Deserialize<EventRef>(JsonSerializer.Serialize(local, Stored), Stored)!.At.Offset);
    }

    [Fact]
    public void an_event_reference_stored_as_an_object_still_reads()
    {
        var step = new TaskStep("progressed", "完成一半", 50, Ref);

        var earlier = JsonSerializer.Serialize(step, Earlier);

        Assert.IsType<JsonObject>(JsonNode.Parse(earlier)!["ref"]);
        Assert.Equal(step, JsonSerializer.Deserialize<TaskStep>(earlier, Stored));
    }

    [Fact]
    public void the_wire_keeps_the_object()
    {
        Assert.IsType<JsonObject>(JsonNode.Parse(JsonSerializer.Serialize(Ref, Json.Wire)));
    }

    [Fact]
    public void an_example_activity_is_stored_as_an_array_and_objects_stored_before_still_read()
    {
        var example = new ActivityRef(Guid.CreateVersion7(), Guid.CreateVersion7(), "activity_corrected", Ref.At);
        var usual = example with { Type = "activity_logged" };

        var json = JsonSerializer.Serialize(example, Stored);

        Assert.Equal(4, JsonNode.Parse(json)!.AsArray().Count);
        // The usual type is left out: activity id, event id and time, 22 + 22 + 18 characters and the punctuation.
        Assert.Equal(3, JsonNode.Parse(JsonSerializer.Serialize(usual, Stored))!.AsArray().Count);
        Assert.Equal(70, System.Text.Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(usual, Stored)));
        Assert.Equal(example, JsonSerializer.Deserialize<ActivityRef>(json, Stored));
        Assert.Equal(usual, JsonSerializer.Deserialize<ActivityRef>(JsonSerializer.Serialize(usual, Stored), Stored));
        Assert.Equal(example, JsonSerializer.Deserialize<ActivityRef>(JsonSerializer.Serialize(example, Earlier), Stored));
        // As stored before: [activity id, event id, type, at], whole ids and the time as text.
        var before = $"""["{example.ActivityId}","{example.EventId}","activity_corrected","2026-04-02T09:30:15.1234567+00:00"]""";
        Assert.Equal(example, JsonSerializer.Deserialize<ActivityRef>(before, Stored));
    }

    [Fact]
    public void an_attendee_is_stored_as_an_array_and_objects_stored_before_still_read()
    {
        var member = new Workshops.Activities.Attended("T-0001", 2.5m);
        var guest = new Workshops.Activities.Attended("guest:1", 1m, Guest: true);

        Assert.Equal("""["T-0001",2.5]""", JsonSerializer.Serialize(member, Stored));
        Assert.Equal("""["guest:1",1,true]""", JsonSerializer.Serialize(guest, Stored));
        Assert.Equal(member, JsonSerializer.Deserialize<Workshops.Activities.Attended>("""["T-0001",2.5]""", Stored));
        Assert.Equal(guest, JsonSerializer.Deserialize<Workshops.Activities.Attended>(JsonSerializer.Serialize(guest, Stored), Stored));
        Assert.Equal(member, JsonSerializer.Deserialize<Workshops.Activities.Attended>("""{"hours":2.5,"teacherId":"T-0001"}""", Stored));
        Assert.Equal(guest, JsonSerializer.Deserialize<Workshops.Activities.Attended>("""{"guest":true,"hours":1,"teacherId":"guest:1"}""", Stored));
        Assert.Equal(("""[["T-0001"]]""", """[{"teacherId":"T-0001"}]"""), Workshops.Activities.StoredAttended.Containing("T-0001"));
    }

    [Fact]
    public void a_count_with_hours_is_stored_as_an_array_and_objects_stored_before_still_read()
    {
        var counts = new CountHours(4, 7.5m);

        Assert.Equal("[4,7.5]", JsonSerializer.Serialize(counts, Stored));
        Assert.Equal(counts, JsonSerializer.Deserialize<CountHours>("[4,7.5]", Stored));
        Assert.Equal(counts, JsonSerializer.Deserialize<CountHours>("""{"count":4,"hours":7.5}""", Stored));
        Assert.IsType<JsonObject>(JsonNode.Parse(JsonSerializer.Serialize(counts, Json.Wire)));
    }

    [Fact]
    public void a_ledger_task_leaves_its_nulls_and_its_computed_id_out_of_the_store_and_answers_the_same()
    {
        var spec = new Workshops.Plans.TaskSpec(Guid.CreateVersion7(), "主题班会：班级文化建设", null, "T-0001", null, []);
        var task = new LedgerTask(spec, Workshops.Plans.TaskOrigin.Plan, Workshops.Plans.TaskStatus.Open, null,
            [new TaskStep("planned", null, null, Ref), new TaskStep("progressed", "完成一半", 50, Ref)], [], []);

        var json = JsonSerializer.Serialize(task, Stored);
        var stored = JsonNode.Parse(json)!.AsObject();

        Assert.Equal(["spec", "origin", "status", "history", "closingActivities", "evidence"], stored.Select(p => p.Key));
        Assert.Equal(["step", "ref"], stored["history"]![0]!.AsObject().Select(p => p.Key));
        // The event's own shapes keep their nulls: a task's spec is what the plan's event carried.
        Assert.Contains("description", stored["spec"]!.AsObject().Select(p => p.Key));
        var back = JsonSerializer.Deserialize<LedgerTask>(json, Stored)!;
        Assert.Equal(JsonSerializer.Serialize(task, Json.Wire), JsonSerializer.Serialize(back, Json.Wire));
        Assert.Contains("\"taskId\"", JsonSerializer.Serialize(back, Json.Wire));
        Assert.Contains("\"carriedTo\":null", JsonSerializer.Serialize(back, Json.Wire));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void a_credit_total_is_stored_as_an_array_and_reads_back_through_the_totals_column(bool placed)
    {
        var total = placed
            ? new CreditTotal(CreditCategory.StudioActivity, TrainingLevel.District, 4, 7.5m, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 28), Guid.CreateVersion7())
            : new CreditTotal(CreditCategory.HeadTeacherTraining, TrainingLevel.Provincial, 1, 8m);

        var json = JsonSerializer.Serialize(total, Stored);

        Assert.Equal(7, JsonNode.Parse(json)!.AsArray().Count);
        Assert.Equal(total, JsonSerializer.Deserialize<CreditTotal>(json, Stored));
        Assert.Equal(total, JsonSerializer.Deserialize<CreditTotal>(json, CreditTotal.ColumnRow));
        Assert.Equal(total, JsonSerializer.Deserialize<CreditTotal>(JsonSerializer.Serialize(total, Earlier), CreditTotal.ColumnRow));
        Assert.Equal(total, JsonSerializer.Deserialize<CreditTotal>(JsonSerializer.Serialize(total, Earlier), Stored));
    }
}
