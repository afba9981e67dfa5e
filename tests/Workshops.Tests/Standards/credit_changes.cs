using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Workshops.Core;
using Workshops.Growth;
using Workshops.Tests.Support;
using Workshops.Views;

namespace Workshops.Tests.Standards;

/// <summary>
/// A kept view that judges people fingerprints one row per roster member instead of every credit month they have:
/// whoever writes, rewrites, removes or truncates a teacher's credit months, the teacher's row counts it in the same
/// transaction, and another teacher's row is left alone.
/// </summary>
public sealed class credit_changes(AppFixture fixture) : ApiTest(fixture)
{
    private async Task<long?> Changes(string teacher)
    {
        var data = Host.Services.GetRequiredService<NpgsqlDataSource>();
        await using var cmd = data.CreateCommand($"select changes from {Setup.Schema}.{ViewMemoSchema.CreditChanges} where teacher_id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = teacher });
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
}
