using System.Data.Common;
using Marten;
using Weasel.Core;
using Weasel.Core.Migrations;
using DbCommandBuilder = Weasel.Core.DbCommandBuilder;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Workshops.Views;

/// <summary>
/// What kept views need of the database besides their tables. (1) A count of changes per thing a view that judges
/// people depends on, in <see cref="Changes"/>: one row per teacher, whose count goes up whenever any of the teacher's
/// credit months, growth file, teacher records or training records is written or removed, and one row
/// (<see cref="Reference"/>) for the reference data, which changes rarely: the custom and regional hour policies,
/// standards and rule sets and their adoptions. Statement triggers raise them in the same transaction as the write,
/// whoever writes (the daemon, an endpoint, the one-pass rebuild's COPY, a truncate). A kept view's fingerprint reads
/// these few rows instead of every credit month, record and policy it read, which grow with history and with the
/// province's library. (2) Kept bodies stored uncompressed (STORAGE EXTERNAL): a large answer (the large studio's year
/// view is ~375 KB) is read as it is sent, not decompressed on every read.
/// </summary>
public sealed class ViewMemoSchema : ISchemaObject
{
    public const string Changes = "ws_changes";

    /// <summary>The key of the reference data's row (never a teacher's id).</summary>
    public const string Reference = "*";

    private const string Function = "ws_changed";

    /// <summary>Written as the function's comment; a database whose comment differs has all of this written again.</summary>
    private const string Revision = "kept views 2";

    /// <summary>
    /// The tables a kept view that judges people reads, each with the column naming the teacher a row belongs to, or
    /// null for the reference data (one count for all of it).
    /// </summary>
    private static readonly (Type Document, string? Teacher)[] Watched =
    [
        (typeof(Growth.CreditMonth), "teacher_id"),
        (typeof(Growth.TeacherFile), "id"),
        (typeof(Teachers.TeacherRecord), "teacher_id"),
        (typeof(Training.TrainingRecord), "teacher_id"),
        (typeof(Growth.CustomPolicy), null),
        (typeof(Growth.RegionPolicySet), null),
        (typeof(Standards.CustomStandard), null),
        (typeof(Standards.RegionStandards), null),
        (typeof(Programmes.CustomRuleSet), null),
        (typeof(Programmes.RegionRuleSets), null),
    ];

    private readonly string _schema;

    private ViewMemoSchema(string schema)
    {
        _schema = schema;
        Identifier = new PostgresqlObjectName(schema, Function, SchemaUtils.IdentifierUsage.General);
    }

    public DbObjectName Identifier { get; }

    public static void AddSchema(StoreOptions opts)
    {
        var table = new Table(new PostgresqlObjectName(opts.DatabaseSchemaName, Changes, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("key").AsPrimaryKey();
        table.AddColumn<long>("changes").NotNull().DefaultValueByExpression("1");
        opts.Storage.ExtendedSchemaObjects.Add(table);
        // A feature of its own, applied after the document tables (the triggers are on them); Marten applies extended
        // schema objects before them.
        opts.Storage.Add(new Feature(new ViewMemoSchema(opts.DatabaseSchemaName), opts.Advanced.Migrator));
    }

    private sealed class Feature(ViewMemoSchema schema, Migrator migrator) : FeatureSchemaBase("kept views", migrator)
    {
        public override IEnumerable<Type> DependentTypes() => Watched.Select(w => w.Document);
        protected override IEnumerable<ISchemaObject> schemaObjects() => [schema];
    }

    /// <summary>Marten's table for a document type (its default naming).</summary>
    private static string TableOf(Type document) => $"mt_doc_{document.Name.ToLowerInvariant()}";

    public void WriteCreateStatement(Migrator migrator, TextWriter writer)
    {
        // A teacher's table names the rows its statement touched "changed" (and an update the rows before it "gone"), so
        // a COPY of thousands of months bumps each of their teachers once; the teachers in order, so two statements
        // bumping the same teachers wait for each other instead of deadlocking. The reference tables bump one row.
        writer.WriteLine(
            $"""
             create or replace function {_schema}.{Function}() returns trigger language plpgsql as $body$
             begin
               if tg_nargs = 0 then
                 insert into {_schema}.{Changes} as c (key) values ('{Reference}')
                 on conflict (key) do update set changes = c.changes + 1;
               elsif tg_op = 'TRUNCATE' then
                 update {_schema}.{Changes} set changes = changes + 1 where key <> '{Reference}';
               elsif tg_argv[0] = 'id' and tg_op = 'UPDATE' then
                 insert into {_schema}.{Changes} as c (key)
                   select id from changed where id is not null union select id from gone where id is not null order by 1
                 on conflict (key) do update set changes = c.changes + 1;
               elsif tg_argv[0] = 'id' then
                 insert into {_schema}.{Changes} as c (key)
                   select distinct id from changed where id is not null order by 1
                 on conflict (key) do update set changes = c.changes + 1;
               elsif tg_op = 'UPDATE' then
                 insert into {_schema}.{Changes} as c (key)
                   select teacher_id from changed where teacher_id is not null union select teacher_id from gone where teacher_id is not null order by 1
                 on conflict (key) do update set changes = c.changes + 1;
               else
                 insert into {_schema}.{Changes} as c (key)
                   select distinct teacher_id from changed where teacher_id is not null order by 1
                 on conflict (key) do update set changes = c.changes + 1;
               end if;
               return null;
             end
             $body$;
             comment on function {_schema}.{Function}() is '{Revision}';
             """);
        writer.WriteLine($"alter table {_schema}.{ViewMemo.Table} alter column body set storage external;");
        WriteDropStatement(migrator, writer);
        foreach (var (document, teacher) in Watched)
        foreach (var (name, on, tables) in Triggers)
        {
            var referencing = teacher is null || tables is null ? "" : $" referencing {tables}";
            var argument = teacher is null ? "" : $"'{teacher}'";
            writer.WriteLine($"create trigger {name} after {on} on {_schema}.{TableOf(document)}{referencing} " +
                             $"for each statement execute function {_schema}.{Function}({argument});");
        }
    }

    private static readonly (string Name, string On, string? Tables)[] Triggers =
    [
        ("ws_changed_insert", "insert", "new table as changed"),
        ("ws_changed_update", "update", "old table as gone new table as changed"),
        ("ws_changed_delete", "delete", "old table as changed"),
        ("ws_changed_truncate", "truncate", null),
    ];

    /// <summary>What the first revision wrote: the credit months' counts alone.</summary>
    private static readonly string[] FirstRevision = ["ws_credits_inserted", "ws_credits_updated", "ws_credits_deleted", "ws_credits_truncated"];

    public void WriteDropStatement(Migrator rules, TextWriter writer)
    {
        var months = $"{_schema}.{TableOf(typeof(Growth.CreditMonth))}";
        foreach (var name in FirstRevision) writer.WriteLine($"drop trigger if exists {name} on {months};");
        writer.WriteLine($"drop function if exists {_schema}.ws_credits_changed();");
        writer.WriteLine($"drop table if exists {_schema}.ws_credit_changes;");
        foreach (var (document, _) in Watched)
        foreach (var (name, _, _) in Triggers)
            writer.WriteLine($"drop trigger if exists {name} on {_schema}.{TableOf(document)};");
    }

    public void ConfigureQueryCommand(DbCommandBuilder builder) =>
        builder.Append(
            $"""
             select coalesce(obj_description(to_regproc('{_schema}.{Function}'), 'pg_proc'), '') || '/' ||
               coalesce((select cast(a.attstorage as text) from pg_attribute a where a.attrelid = to_regclass('{_schema}.{ViewMemo.Table}') and a.attname = 'body'), '') || '/' ||
               cast((select count(*) from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = '{_schema}' and c.relname in ({string.Join(", ", Watched.Select(w => $"'{TableOf(w.Document)}'"))})
                  and t.tgname like 'ws\_changed\_%' and not t.tgisinternal) as text);
             """);

    public async Task<ISchemaObjectDelta> CreateDeltaAsync(DbDataReader reader, CancellationToken ct)
    {
        var found = await reader.ReadAsync(ct) ? await reader.GetFieldValueAsync<string>(0, ct) : "";
        return new Delta(this, found == $"{Revision}/e/{Watched.Length * Triggers.Length}" ? SchemaPatchDifference.None
            : found.StartsWith('/') ? SchemaPatchDifference.Create : SchemaPatchDifference.Update);
    }

    public IEnumerable<DbObjectName> AllNames()
    {
        yield return Identifier;
    }

    private sealed class Delta(ViewMemoSchema changes, SchemaPatchDifference difference) : ISchemaObjectDelta
    {
        public ISchemaObject SchemaObject => changes;
        public SchemaPatchDifference Difference => difference;
        public void WriteUpdate(Migrator rules, TextWriter writer) => changes.WriteCreateStatement(rules, writer);
        public void WriteRollback(Migrator rules, TextWriter writer) => changes.WriteDropStatement(rules, writer);
        public void WriteRestorationOfPreviousState(Migrator rules, TextWriter writer) => changes.WriteDropStatement(rules, writer);
    }
}
