using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Workshops.Core;
using Workshops.Growth;
using Workshops.Programmes;
using Workshops.Standards;
using Workshops.Teachers;
using Workshops.Training;
using Workshops.Tests.Support;
using Workshops.Views;

namespace Workshops.Tests.Standards;

/// <summary>
/// A kept view that judges people fingerprints one row per roster member instead of every credit month and record they
/// have, and one row for the reference data instead of every policy, standard and rule set: whoever writes, rewrites,
/// removes or truncates a teacher's credit months, growth file, teacher or training records, the teacher's row counts it
/// in the same transaction, and another teacher's row is left alone; any write of the reference data counts in its row.
/// </summary>
public sealed class credit_changes(AppFixture fixture) : ApiTest(fixture)
{
    private async Task<long?> Changes(string key)
    {
        var data = Host.Services.GetRequiredService<NpgsqlDataSource>();
        await using var cmd = data.CreateCommand($"select changes from {Setup.Schema}.{ViewMemoSchema.Changes} where key = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = key });
        return await cmd.ExecuteScalarAsync() as long?;
    }

    private async Task Write(Action<IDocumentSession> change)
    {
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        change(session);
        await session.SaveChangesAsync();
    }

    [Fact]
    public async Task every_write_of_a_teachers_credit_months_is_counted_in_the_teachers_row()
    {
        var teacher = $"T{Guid.NewGuid():N}";
        var other = $"T{Guid.NewGuid():N}";
        var march = CreditMonth.Key(teacher, new DateOnly(2026, 3, 1));
        Assert.Null(await Changes(teacher));

        await Write(s => s.Store(new CreditMonth { Id = march }, new CreditMonth { Id = CreditMonth.Key(teacher, new DateOnly(2026, 4, 1)) }));
        var stored = await Changes(teacher);
        Assert.NotNull(stored);

        await Write(s => s.Store(new CreditMonth { Id = march, Totals = [] }));
        var rewritten = await Changes(teacher);
        Assert.True(rewritten > stored);

        await Write(s => s.Store(new CreditMonth { Id = CreditMonth.Key(other, new DateOnly(2026, 3, 1)) }));
        Assert.Equal(rewritten, await Changes(teacher));

        await Write(s => s.Delete<CreditMonth>(march));
        var removed = await Changes(teacher);
        Assert.True(removed > rewritten);

        // The one-pass rebuild truncates the table before it writes the months again.
        var data = Host.Services.GetRequiredService<NpgsqlDataSource>();
        await using (var truncate = data.CreateCommand($"truncate {Setup.Schema}.mt_doc_creditmonth")) await truncate.ExecuteNonQueryAsync();
        Assert.True(await Changes(teacher) > removed);
    }

    [Fact]
    public async Task every_write_of_a_teachers_growth_file_teacher_or_training_records_is_counted_in_the_teachers_row()
    {
        var teacher = $"T{Guid.NewGuid():N}";
        var other = $"T{Guid.NewGuid():N}";
        var record = new TeacherRecord { Id = Guid.NewGuid(), TeacherId = teacher };
        var training = new TrainingRecord { Id = Guid.NewGuid(), TeacherId = teacher };
        Assert.Null(await Changes(teacher));

        await Write(s => s.Store(new TeacherFile { Id = teacher }));
        var filed = await Changes(teacher);
        Assert.NotNull(filed);

        await Write(s => s.Store(record));
        var recorded = await Changes(teacher);
        Assert.True(recorded > filed);

        await Write(s => s.Store(training));
        var trained = await Changes(teacher);
        Assert.True(trained > recorded);

        await Write(s => s.Store(new TeacherFile { Id = other }, new TeacherFile { Id = other + "-2" }));
        Assert.Equal(trained, await Changes(teacher));

        // A record moved to another teacher counts for both (the rows before an update and after it).
        await Write(s => s.Store(record with { TeacherId = other }));
        var moved = await Changes(teacher);
        Assert.True(moved > trained);

        await Write(s =>
        {
            s.Delete<TeacherFile>(teacher);
            s.Delete<TeacherFile>(other);
            s.Delete<TeacherFile>(other + "-2");
            s.Delete(record);
            s.Delete(training);
        });
        Assert.True(await Changes(teacher) > moved);
    }

    [Fact]
    public async Task every_write_of_a_policy_standard_or_rule_set_is_counted_in_the_reference_row()
    {
        // A statement counts even when it changes no row: deleting documents that are not there leaves the suite's data alone.
        var none = $"none-{Guid.NewGuid():N}";
        foreach (var write in new Action<IDocumentSession>[]
        {
            s => s.Delete<CustomPolicy>(none),
            s => s.Delete<RegionPolicySet>(none),
            s => s.Delete<CustomStandard>(none),
            s => s.Delete<RegionStandards>(none),
            s => s.Delete<CustomRuleSet>(none),
            s => s.Delete<RegionRuleSets>(none),
        })
        {
            var before = await Changes(ViewMemoSchema.Reference) ?? 0;
            await Write(write);
            Assert.True(await Changes(ViewMemoSchema.Reference) > before);
        }
    }
}
