using System.Text.Json;
using System.Text.Json.Serialization;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Workshops.Activities;
using Workshops.Roster;
using Workshops.Studios;
using Workshops.Years;
using Workshops.Core;

namespace Workshops.Growth;

[StoredWithoutNulls]
public sealed record Membership(Guid StudioId, string StudioName, Region Region, RosterRole Role, DateOnly From, DateOnly? To);

/// <summary>
/// Training hours credited to a teacher. A credit is never edited: a correction or void marks it removed at that
/// moment and adds the new one, so hours can be asked as of any past day. Stored compactly (<see cref="CreditJson"/>):
/// credits are most of what the store keeps about people.
/// </summary>
[JsonConverter(typeof(CreditJson))]
public sealed record Credit(
    string Key,
    Guid StudioId,
    CreditCategory Category,
    TrainingLevel Level,
    decimal Hours,
    DateOnly Date,
    string Title,
    DateTimeOffset RecordedAt,
    DateTimeOffset? RemovedAt = null,
    Guid? ActivityId = null,
    EventRef? Ref = null,
    int Count = 1)
{
    public bool StandsAt(DateTimeOffset moment) => RecordedAt < moment && (RemovedAt is null || RemovedAt >= moment);
}

/// <summary>
/// A credit as stored: short member names, and nothing stored twice — its event is recorded at the credit's time, and an
/// activity's credit is keyed by the activity's id. Credits are never sent over the wire as they are (answers carry
/// <see cref="CountedCredit"/>). Inside a <see cref="CreditRunsJson">run</see>, the studio, category, level and the
/// recording actor are the run's and are not repeated.
/// </summary>
public sealed class CreditJson : JsonConverter<Credit>
{
    public override Credit Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Read(ref reader, options, null);

    public override void Write(Utf8JsonWriter writer, Credit value, JsonSerializerOptions options) => Write(writer, value, options, null);

    /// <summary>
    /// What the credits of one run share: their studio, category, level, month ("yyyy-MM"), the UTC offset their times
    /// were recorded at and, when each credit's event is compact, who recorded it. Runs stored before the month was shared
    /// have none; their credits carry whole dates. Runs stored before the offset was shared have none: their numeric
    /// times are UTC.
    /// </summary>
    internal sealed record Run(Guid StudioId, CreditCategory Category, TrainingLevel Level, Core.Auth.Actor? By, string? Month = null,
        TimeSpan Offset = default)
    {
        public static Run Of(Credit c) => new(c.StudioId, c.Category, c.Level, Compact(c) ? c.Ref!.By : null,
            c.Date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), c.RecordedAt.Offset);
    }

    /// <summary>Whether the credit's event was recorded at the credit's time (always, as projected): written as a short array.</summary>
    private static bool Compact(Credit c) => c.Ref is { } at && at.At == c.RecordedAt;

    internal static Credit Read(ref Utf8JsonReader reader, JsonSerializerOptions options, Run? run)
    {
        if (reader.TokenType == JsonTokenType.StartArray && run is { By: { } runBy, Month: { } runMonth }) return ReadRow(ref reader, run, runBy, runMonth);
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException();
        string key = "", title = "";
        var studio = run?.StudioId ?? default;
        Guid? activity = null;
        var category = run?.Category ?? default;
        var level = run?.Level ?? default;
        decimal hours = 0;
        DateOnly date = default;
        DateTimeOffset? recorded = null, removed = null;
        EventRef? at = null;
        var count = 1;
        var named = false;
        var compact = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "k": key = reader.GetString()!; break;
                case "s": studio = reader.GetGuid(); break;
                case "c": category = JsonSerializer.Deserialize<CreditCategory>(ref reader, options); break;
                case "l": level = JsonSerializer.Deserialize<TrainingLevel>(ref reader, options); break;
                case "h": hours = reader.GetDecimal(); break;
                case "d": date = JsonSerializer.Deserialize<DateOnly>(ref reader, options); break;
                case "t": title = reader.GetString()!; break;
                case "r": at = JsonSerializer.Deserialize<EventRef>(ref reader, options); break;
                case "e":
                    // The event behind the credit, compact: id, type, version and who recorded it (when: the time
                    // recorded; who: the run's, when the array stops after the version).
                    reader.Read();
                    var eventId = reader.GetGuid();
                    reader.Read();
                    var type = reader.GetString()!;
                    reader.Read();
                    var version = reader.GetInt64();
                    reader.Read();
                    var by = run?.By;
                    if (reader.TokenType != JsonTokenType.EndArray)
                    {
                        by = JsonSerializer.Deserialize<Core.Auth.Actor>(ref reader, options)!;
                        reader.Read();
                    }
                    at = new EventRef(eventId, type, version, by ?? throw new JsonException("a credit's event without who recorded it"), default);
                    compact = true;
                    break;
                case "a": recorded = reader.GetDateTimeOffset(); break;
                case "x": removed = reader.GetDateTimeOffset(); break;
                case "n": count = reader.GetInt32(); break;
                case "i":
                    named = true;
                    activity = reader.TokenType == JsonTokenType.Null ? null : reader.GetGuid();
                    break;
                default: Json.Pass(ref reader); break;
            }
        }
        if (!named) activity = category == CreditCategory.StudioActivity && Guid.TryParse(key, out var id) ? id : null;
        if (compact && at is not null) at = at with { At = recorded ?? default };
        return new Credit(key, studio, category, level, hours, date, title, recorded ?? default, removed, activity, at, count);
    }

    /// <summary>
    /// The usual credit, inside a run that names its month and recorder, as one array:
    /// [key, hours, day of the month, title, event id, event version, recorded, removed?, event type?]. Ids are written
    /// as base64url of their 16 bytes; times recorded in UTC as seconds since 1970 with up to seven decimals (exact to
    /// the tick), other times as text; the event type only when it is not the category's usual one.
    /// </summary>
    private static bool AsRow(Credit c, Run? run) =>
        run is { By: not null, Month: not null } && Compact(c) && c.Count == 1 && Guid.TryParse(c.Key, out var key) && key.ToString() == c.Key &&
        c.ActivityId == (c.Category == CreditCategory.StudioActivity ? key : null);

    private static string UsualType(CreditCategory category) =>
        category == CreditCategory.StudioActivity ? "activity_logged" : "outside_training_recorded";

    private static void WriteRow(Utf8JsonWriter writer, Credit c)
    {
        var at = c.Ref!;
        var usual = at.Type == UsualType(c.Category);
        writer.WriteStartArray();
        WriteId(writer, Guid.Parse(c.Key));
        writer.WriteNumberValue(c.Hours);
        writer.WriteNumberValue(c.Date.Day);
        writer.WriteStringValue(c.Title);
        WriteId(writer, at.EventId);
        writer.WriteNumberValue(at.Version);
        WriteTime(writer, c.RecordedAt, c.RecordedAt.Offset);
        if (c.RemovedAt is { } removed) WriteTime(writer, removed, c.RecordedAt.Offset);
        else if (!usual) writer.WriteNullValue();
        if (!usual) writer.WriteStringValue(at.Type);
        writer.WriteEndArray();
    }

    private static Credit ReadRow(ref Utf8JsonReader reader, Run run, Core.Auth.Actor by, string month)
    {
        reader.Read();
        var key = ReadId(ref reader);
        reader.Read();
        var hours = reader.GetDecimal();
        reader.Read();
        var date = DateOnly.ParseExact($"{month}-{reader.GetInt32():00}", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        reader.Read();
        var title = reader.GetString()!;
        reader.Read();
        var eventId = ReadId(ref reader);
        reader.Read();
        var version = reader.GetInt64();
        reader.Read();
        var recorded = ReadTime(ref reader, run.Offset);
        DateTimeOffset? removed = null;
        var type = UsualType(run.Category);
        if (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Null) removed = ReadTime(ref reader, run.Offset);
            if (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                type = reader.GetString()!;
                reader.Read();
            }
        }
        if (reader.TokenType != JsonTokenType.EndArray) throw new JsonException("a credit row longer than its nine members");
        return new Credit(key.ToString(), run.StudioId, run.Category, run.Level, hours, date, title, recorded, removed,
            run.Category == CreditCategory.StudioActivity ? key : null, new EventRef(eventId, type, version, by, recorded));
    }

    private static void WriteId(Utf8JsonWriter writer, Guid id) => Json.WriteId(writer, id);

    private static Guid ReadId(ref Utf8JsonReader reader) => Json.ReadId(ref reader);

    /// <summary>A time at the run's offset as seconds since 1970; any other as text (<see cref="Json.WriteTime"/>).</summary>
    private static void WriteTime(Utf8JsonWriter writer, DateTimeOffset time, TimeSpan offset) => Json.WriteTime(writer, time, offset);

    private static DateTimeOffset ReadTime(ref Utf8JsonReader reader, TimeSpan offset) => Json.ReadTime(ref reader, offset);

    internal static void Write(Utf8JsonWriter writer, Credit value, JsonSerializerOptions options, Run? run)
    {
        if (AsRow(value, run))
        {
            WriteRow(writer, value);
            return;
        }
        writer.WriteStartObject();
        writer.WriteString("k", value.Key);
        if (run is null)
        {
            writer.WriteString("s", value.StudioId);
            writer.WritePropertyName("c");
            JsonSerializer.Serialize(writer, value.Category, options);
            writer.WritePropertyName("l");
            JsonSerializer.Serialize(writer, value.Level, options);
        }
        writer.WriteNumber("h", value.Hours);
        writer.WritePropertyName("d");
        JsonSerializer.Serialize(writer, value.Date, options);
        writer.WriteString("t", value.Title);
        if (Compact(value))
        {
            var at = value.Ref!;
            writer.WriteStartArray("e");
            writer.WriteStringValue(at.EventId);
            writer.WriteStringValue(at.Type);
            writer.WriteNumberValue(at.Version);
            if (run?.By is null) JsonSerializer.Serialize(writer, at.By, options);
            writer.WriteEndArray();
        }
        else if (value.Ref is { } other)
        {
            writer.WritePropertyName("r");
            JsonSerializer.Serialize(writer, other, options);
        }
        writer.WriteString("a", value.RecordedAt);
        if (value.RemovedAt is { } removed) writer.WriteString("x", removed);
        if (value.Count != 1) writer.WriteNumber("n", value.Count);
        var implied = value.Category == CreditCategory.StudioActivity && Guid.TryParse(value.Key, out var id) ? id : (Guid?)null;
        if (value.ActivityId != implied)
        {
            if (value.ActivityId is { } activity) writer.WriteString("i", activity);
            else writer.WriteNull("i");
        }
        writer.WriteEndObject();
    }
}

/// <summary>
/// A month's credits as stored: consecutive credits of the same studio, category, level and recording actor are one
/// run, {"s", "c", "l", "by", "m", "credits"}, so what they share is written once (most months are one run: one studio's
/// activities logged by its host), and each usual credit is one array (<see cref="CreditJson"/>). The order of the
/// credits is kept. Reads what was stored before too: plain credits (months written before runs) and runs without a
/// month whose credits are objects.
/// </summary>
public sealed class CreditRunsJson : JsonConverter<IReadOnlyList<Credit>>
{
    public override IReadOnlyList<Credit> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException();
        var credits = new List<Credit>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            // A run names its credits under "credits"; the members it shares may come after them (jsonb orders keys), so
            // the credits are read once the run's object is read through (the whole value is buffered for a converter).
            var start = reader;
            Guid studio = default;
            CreditCategory category = default;
            TrainingLevel level = default;
            Core.Auth.Actor? by = null;
            string? month = null;
            var offset = TimeSpan.Zero;
            var list = reader;
            var inRun = false;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "credits":
                        list = reader;
                        inRun = true;
                        Json.Pass(ref reader);
                        break;
                    case "s": studio = Json.ReadId(ref reader); break;
                    case "c": category = JsonSerializer.Deserialize<CreditCategory>(ref reader, options); break;
                    case "l": level = JsonSerializer.Deserialize<TrainingLevel>(ref reader, options); break;
                    case "by": by = ReadActor(ref reader, options); break;
                    case "m": month = reader.GetString(); break;
                    case "o": offset = TimeSpan.FromMinutes(reader.GetInt32()); break;
                    default: Json.Pass(ref reader); break;
                }
            }
            if (!inRun)
            {
                credits.Add(CreditJson.Read(ref start, options, null));
                continue;
            }
            var run = new CreditJson.Run(studio, category, level, by, month, offset);
            while (list.Read() && list.TokenType != JsonTokenType.EndArray) credits.Add(CreditJson.Read(ref list, options, run));
        }
        return credits;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<Credit> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        for (var i = 0; i < value.Count;)
        {
            var run = CreditJson.Run.Of(value[i]);
            writer.WriteStartObject();
            writer.WritePropertyName("s");
            Json.WriteId(writer, run.StudioId);
            writer.WritePropertyName("c");
            JsonSerializer.Serialize(writer, run.Category, options);
            writer.WritePropertyName("l");
            JsonSerializer.Serialize(writer, run.Level, options);
            if (run.By is { } by)
            {
                writer.WriteStartArray("by");
                writer.WriteStringValue(by.Id);
                writer.WriteStringValue(by.Name);
                JsonSerializer.Serialize(writer, by.Role, options);
                writer.WriteEndArray();
            }
            writer.WriteString("m", run.Month);
            if (run.Offset != TimeSpan.Zero) writer.WriteNumber("o", (int)run.Offset.TotalMinutes);
            writer.WriteStartArray("credits");
            for (; i < value.Count && CreditJson.Run.Of(value[i]) == run; i++) CreditJson.Write(writer, value[i], options, run);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    /// <summary>Who recorded a run's credits: [id, name, role], or an object (stored so before).</summary>
    private static Core.Auth.Actor ReadActor(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartObject) return JsonSerializer.Deserialize<Core.Auth.Actor>(ref reader, options)!;
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("a run's recorder is an array or an object");
        reader.Read();
        var id = reader.GetString()!;
        reader.Read();
        var name = reader.GetString()!;
        reader.Read();
        var role = JsonSerializer.Deserialize<Core.Auth.Role>(ref reader, options);
        reader.Read();
        if (reader.TokenType != JsonTokenType.EndArray) throw new JsonException("a run's recorder has three members");
        return new Core.Auth.Actor(id, name, role);
    }
}

public sealed record ProfileRevision(int Revision, Guid StudioId, GrowthProfile Profile, EventRef Ref);

[StoredWithoutNulls]
public sealed record Award(Guid EntryId, AwardKind Kind, string Title, TrainingLevel Level, DateOnly Date, string? Rank, EventRef Ref);

[StoredWithoutNulls]
public sealed record Rating(Guid EntryId, Rater Rater, string RaterId, DateOnly Date, IReadOnlyDictionary<Ability, int> Ratings, string? Note, EventRef Ref);

[StoredWithoutNulls]
public sealed record Note(Guid EntryId, string Kind, string? AuthorId, DateOnly Date, string Text, EventRef Ref);

public sealed record TierStep(Tier Tier, string Rule, string Basis, DateOnly On, Guid StudioId, EventRef Ref);

public sealed record Recognised(RecognitionTitle Title, int Year, string Rule, string Basis, DateOnly On, Guid StudioId, EventRef Ref);

/// <summary>
/// One teacher's growth file (成长档案) across every studio they were ever in: a multi-stream projection keyed by
/// teacher id, kept by the async daemon. Training credits are kept apart, one <see cref="CreditMonth"/> per teacher and
/// year, so a busy teacher's file stays small; <see cref="TeacherFiles.Load"/> joins them in as <see cref="Credits"/>.
/// </summary>
public sealed record TeacherFile
{
    public string Id { get; init; } = "";
    public TeacherInfo? Teacher { get; init; }
    public IReadOnlyList<Membership> Studios { get; init; } = [];
    public IReadOnlyList<ProfileRevision> Profiles { get; init; } = [];
    /// <summary>Credits joined in from the teacher's <see cref="CreditMonth"/> documents when loaded; not stored in the file.</summary>
    [JsonIgnore] public IReadOnlyList<Credit> Credits { get; init; } = [];
    public IReadOnlyList<Award> Awards { get; init; } = [];
    public IReadOnlyList<Rating> Ratings { get; init; } = [];
    public IReadOnlyList<Note> Notes { get; init; } = [];
    public IReadOnlyList<TierStep> Tiers { get; init; } = [];
    public IReadOnlyList<Recognised> Recognitions { get; init; } = [];
    /// <summary>Region codes of every studio the teacher was in: who may read the file.</summary>
    public IReadOnlyList<string> RegionCodes { get; init; } = [];
    public IReadOnlyList<Guid> StudioIds { get; init; } = [];

    /// <summary>The teachers whose file an event changes (activities change only their credit years).</summary>
    public static IEnumerable<string> Teachers(object data) => data switch
    {
        HostAppointed x => [x.Teacher.Id],
        CoordinatorNamed x => [x.Teacher.Id],
        MemberJoined x => [x.Teacher.Id],
        TraineeEnrolled x => [x.Teacher.Id],
        HostSteppedDown x => [x.TeacherId],
        CoordinatorSteppedDown x => [x.TeacherId],
        MemberLeft x => [x.TeacherId],
        TraineeCompleted x => [x.TeacherId],
        OutsideTrainingRecorded => [],
        IGrowthEvent x => [x.TeacherId],
        _ => [],
    };

    public static TrainingLevel LevelOf(StudioLevel level) => level switch
    {
        StudioLevel.School => TrainingLevel.School,
        StudioLevel.District => TrainingLevel.District,
        StudioLevel.Municipal => TrainingLevel.Municipal,
        _ => TrainingLevel.Provincial,
    };

    /// <summary>Folds one event into the file; <paramref name="studio"/> is the studio of the event's stream.</summary>
    public static TeacherFile Fold(TeacherFile? file, string teacherId, IEvent e, Studio? studio)
    {
        var doc = file ?? new TeacherFile { Id = teacherId };
        var at = EventRef.Of(e);
        var studioId = e.StreamId;
        return e.Data switch
        {
            HostAppointed x => doc.Joined(x.Teacher, studio, studioId, RosterRole.Host, x.On),
            CoordinatorNamed x => doc.Joined(x.Teacher, studio, studioId, RosterRole.Coordinator, x.On),
            MemberJoined x => doc.Joined(x.Teacher, studio, studioId, RosterRole.Member, x.On),
            TraineeEnrolled x => doc.Joined(x.Teacher, studio, studioId, RosterRole.Trainee, x.On),
            HostSteppedDown x => doc.Left(studioId, x.On),
            CoordinatorSteppedDown x => doc.Left(studioId, x.On),
            MemberLeft x => doc.Left(studioId, x.On),
            TraineeCompleted x => doc.Left(studioId, x.On),
            GrowthProfileRecorded x => doc with { Profiles = [.. doc.Profiles, new ProfileRevision(x.Revision, studioId, x.Profile, at)] },
            AwardRecorded x => doc with { Awards = [.. doc.Awards, new Award(x.EntryId, x.Kind, x.Title, x.Level, x.Date, x.Rank, at)] },
            AbilitiesRated x => doc with { Ratings = [.. doc.Ratings, new Rating(x.EntryId, x.Rater, x.RaterId, x.Date, x.Ratings, x.Note, at)] },
            MentorNoteAdded x => doc with { Notes = [.. doc.Notes, new Note(x.EntryId, "mentor-note", x.MentorId, x.Date, x.Text, at)] },
            GrowthReflectionAdded x => doc with { Notes = [.. doc.Notes, new Note(x.EntryId, "reflection", x.TeacherId, x.Date, x.Text, at)] },
            TierGranted x => doc with { Tiers = [.. doc.Tiers, new TierStep(x.Tier, x.Rule, x.Basis, x.On, studioId, at)] },
            RecognitionGranted x => doc with
            {
                Recognitions = [.. doc.Recognitions, new Recognised(x.Title, x.Year, x.Rule, x.Basis, x.On, studioId, at)],
            },
            _ => doc,
        };
    }

    private TeacherFile Joined(TeacherInfo teacher, Studio? studio, Guid studioId, RosterRole role, DateOnly on)
    {
        var region = studio?.Region ?? new Region("", "");
        var studios = Studios.Append(new Membership(studioId, studio?.Name ?? "", region, role, on, null)).ToList();
        return this with
        {
            Teacher = teacher,
            Studios = studios,
            StudioIds = [.. studios.Select(s => s.StudioId).Distinct()],
            RegionCodes = [.. studios.SelectMany(s => s.Region.Codes()).Where(c => c.Length > 0).Distinct()],
        };
    }

    private TeacherFile Left(Guid studioId, DateOnly on) => this with
    {
        Studios = [.. Studios.Select(s => s.StudioId == studioId && s.To is null ? s with { To = on } : s)],
    };

    /// <summary>The file as it was known at a moment: entries recorded later are left out (credits keep their own times).</summary>
    public TeacherFile AsOf(DateTimeOffset moment) => this with
    {
        Profiles = [.. Profiles.Where(x => x.Ref.At < moment)],
        Awards = [.. Awards.Where(x => x.Ref.At < moment)],
        Ratings = [.. Ratings.Where(x => x.Ref.At < moment)],
        Notes = [.. Notes.Where(x => x.Ref.At < moment)],
        Tiers = [.. Tiers.Where(x => x.Ref.At < moment)],
        Recognitions = [.. Recognitions.Where(x => x.Ref.At < moment)],
    };

    /// <summary>The credits standing at a moment, dated on or before a day.</summary>
    public IEnumerable<Credit> CreditsAt(DateTimeOffset moment, DateOnly day) =>
        Credits.Where(c => c.StandsAt(moment) && c.Date <= day);
}

/// <summary>One growth file per teacher, across every studio they were in.</summary>
public partial class TeacherFileProjection() : AcrossStudiosProjection<TeacherFile>(TeacherFile.Teachers)
{
    protected override TeacherFile Fold(TeacherFile? snapshot, string key, IEvent e, Studio? studio) => TeacherFile.Fold(snapshot, key, e, studio);

    /// <summary>
    /// With a database per province, a teacher joining a studio tells the ministry's "served in" index that this province
    /// holds facts about them (through the outbox, committed with the projection's progress). Marten runs side effects
    /// in continuous projection only, not in rebuilds: the index lines written before stay.
    /// </summary>
    public override ValueTask RaiseSideEffects(IDocumentOperations operations, IEventSlice<TeacherFile> slice)
    {
        // A province's database is registered under its tenant id, which is the database's identifier; its newer Id
        // (server and database name) does not name the tenant.
#pragma warning disable CS0618
        var database = operations.Database.Identifier;
#pragma warning restore CS0618
        if (ServedInIndex.Province(database) is { } province && slice.Snapshot is { } file &&
            slice.Events().Any(e => ServedInIndex.Joins(e.Data)))
            slice.PublishMessage(new TeacherServedIn(file.Id, province));
        return ValueTask.CompletedTask;
    }
}
