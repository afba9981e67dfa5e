using System.Data.Common;
using Marten;
using Weasel.Core;
using Weasel.Core.Migrations;
using DbCommandBuilder = Weasel.Core.DbCommandBuilder;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Workshops.Views;

/// <summary>
/// What kept views need of the database besides their tables. (1) One row per teacher in <see cref="CreditChanges"/>,
/// whose count of changes goes up whenever any of the teacher's credit months is written or removed, in the same
/// transaction: statement triggers on the credit months' table, whoever writes them (the daemon, the one-pass rebuild's
/// COPY, a truncate). A kept view that judges people fingerprints these few rows instead of every credit month of its
/// roster, which grows with their history. (2) Kept bodies stored uncompressed (STORAGE EXTERNAL): a large answer
/// (the large studio's year view is ~375 KB) is read as it is sent, not decompressed on every read.
/// </summary>
public sealed class ViewMemoSchema : ISchemaObject
{
    public const string CreditChanges = "ws_credit_changes";
    private const string Function = "ws_credits_changed";

    /// <summary>Written as the function's comment; a database whose comment differs has all of this written again.</summary>
    private const string Revision = "kept views 1";

    private readonly string _schema;

    private ViewMemoSchema(string schema)
    {
        _schema = schema;
        Identifier = new PostgresqlObjectName(schema, Function, SchemaUtils.IdentifierUsage.General);
    }

    public DbObjectName Identifier { get; }

    public static void AddSchema(StoreOptions opts)
    {
        var table = new Table(new PostgresqlObjectName(opts.DatabaseSchemaName, CreditChanges, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("teacher_id").AsPrimaryKey();
        table.AddColumn<long>("changes").NotNull().DefaultValueByExpression("1");
        opts.Storage.ExtendedSchemaObjects.Add(table);
        // A feature of its own, applied after the document tables (the triggers are on the credit months' table);
        // Marten applies extended schema objects before them.
        opts.Storage.Add(new Feature(new ViewMemoSchema(opts.DatabaseSchemaName), opts.Advanced.Migrator));
    }

    private sealed class Feature(ViewMemoSchema schema, Migrator migrator) : FeatureSchemaBase("kept views", migrator)
    {
        public override IEnumerable<Type> DependentTypes() => [typeof(Growth.CreditMonth)];
        protected override IEnumerable<ISchemaObject> schemaObjects() => [schema];
    }

    private string Months => $"{_schema}.mt_doc_{nameof(Growth.CreditMonth).ToLowerInvariant()}";

    public void WriteCreateStatement(Migrator migrator, TextWriter writer)
    {
        // Each trigger names the rows its statement touched "changed" (a transition table), so a COPY of thousands of
        // months bumps each of their teachers once.
        writer.WriteLine(
            $"""
             create or replace function {_schema}.{Function}() returns trigger language plpgsql as $body$
             begin
               if tg_op = 'TRUNCATE' then
                 update {_schema}.{CreditChanges} set changes = changes + 1;
               else
                 insert into {_schema}.{CreditChanges} as c (teacher_id)
                   select distinct teacher_id from changed where teacher_id is not null
                 on conflict (teacher_id) do update set changes = c.changes + 1;
               end if;
               return null;
             end
             $body$;
             comment on function {_schema}.{Function}() is '{Revision}';
             """);
        writer.WriteLine($"alter table {_schema}.{ViewMemo.Table} alter column body set storage external;");
        WriteDropStatement(migrator, writer);
        foreach (var (name, on, table) in Triggers)
            writer.WriteLine($"create trigger {name} after {on} on {Months}{(table is null ? "" : $" referencing {table} table as changed")} " +
                             $"for each statement execute function {_schema}.{Function}();");
    }

    private static readonly (string Name, string On, string? Table)[] Triggers =
    [
        ("ws_credits_inserted", "insert", "new"),
        ("ws_credits_updated", "update", "new"),
        ("ws_credits_deleted", "delete", "old"),
        ("ws_credits_truncated", "truncate", null),
    ];

    public void WriteDropStatement(Migrator rules, TextWriter writer)
    {
        foreach (var (name, _, _) in Triggers) writer.WriteLine($"drop trigger if exists {name} on {Months};");
    }

    public void ConfigureQueryCommand(DbCommandBuilder builder) =>
        builder.Append(
            $"""
             select coalesce(obj_description(to_regproc('{_schema}.{Function}'), 'pg_proc'), '') || '/' ||
               coalesce((select cast(a.attstorage as text) from pg_attribute a where a.attrelid = to_regclass('{_schema}.{ViewMemo.Table}') and a.attname = 'body'), '') || '/' ||
               cast((select count(*) from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = '{_schema}' and c.relname = 'mt_doc_{nameof(Growth.CreditMonth).ToLowerInvariant()}'
                  and t.tgname like 'ws\_credits\_%' and not t.tgisinternal) as text);
             """);

    public async Task<ISchemaObjectDelta> CreateDeltaAsync(DbDataReader reader, CancellationToken ct)
    {
        var found = await reader.ReadAsync(ct) ? await reader.GetFieldValueAsync<string>(0, ct) : "";
        return new Delta(this, found == $"{Revision}/e/{Triggers.Length}" ? SchemaPatchDifference.None
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
