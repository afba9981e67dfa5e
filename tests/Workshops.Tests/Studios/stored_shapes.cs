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
    public void an_event_reference_is_stored_as_one_array_of_130_bytes_and_reads_back()
    {
        var json = JsonSerializer.Serialize(Ref, Stored);

        Assert.Equal("""["0195a000-3502-7030-8000-000000000042","task_progressed",17,["host:0001","王晓红","Host"],"2026-04-02T09:30:15.1234567+00:00"]""", json);
        Assert.Equal(130, System.Text.Encoding.UTF8.GetByteCount(json));
        Assert.Equal(Ref, JsonSerializer.Deserialize<EventRef>(json, Stored));
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

        var json = JsonSerializer.Serialize(example, Stored);

        Assert.Equal(4, JsonNode.Parse(json)!.AsArray().Count);
        Assert.Equal(example, JsonSerializer.Deserialize<ActivityRef>(json, Stored));
        Assert.Equal(example, JsonSerializer.Deserialize<ActivityRef>(JsonSerializer.Serialize(example, Earlier), Stored));
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
