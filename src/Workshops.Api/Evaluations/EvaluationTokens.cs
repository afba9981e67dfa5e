using System.Security.Cryptography;
using System.Text;
using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;
using Workshops.Integrations;

namespace Workshops.Evaluations;

/// <summary>
/// The server's key for evaluation tokens: <c>Evaluations:Secret</c> when set, else derived from <c>Auth:SigningKey</c>
/// (rotating that key then lets everyone evaluate once more; set a secret of its own to keep tokens stable).
/// </summary>
public sealed class EvaluationKey
{
    public byte[] Key { get; }

    public EvaluationKey(IConfiguration configuration)
    {
        var secret = configuration["Evaluations:Secret"] is { Length: > 0 } own ? own
            : configuration["Auth:SigningKey"] ?? throw new InvalidOperationException("Evaluations need Evaluations:Secret or Auth:SigningKey.");
        Key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), "workshops evaluation tokens v1"u8);
    }
}

/// <summary>
/// One evaluation per person and subject, without a link from the evaluation to the person: the token is an HMAC of
/// (subject, teacher id) under the server's key, kept in a table of its own (subject and token, no time, no caller) and
/// never in the evaluation. A database reader without the key learns only how many evaluated; see docs/RULES.md for
/// what an operator holding both learns.
/// </summary>
public static class EvaluationTokens
{
    public const string Table = "ws_evaluation_tokens";
    private static readonly Guid Namespace = Guid.Parse("9f3b0c52-6d0e-4b8a-a1f4-3c2e5d7a9b10");

    /// <summary>The subject's stream id: the name-based UUID of "activity:{id}" or "training:{region}:{programme}".</summary>
    public static Guid StreamOf(string subject) => IntegrationEvents.NameBased(Namespace, subject);

    public static string Activity(Guid activityId) => $"activity:{activityId}";

    public static string Training(string region, string programme) => $"training:{region}:{programme}";

    public static string Of(EvaluationKey key, Guid stream, string teacherId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key.Key, Encoding.UTF8.GetBytes($"{stream:N}\n{teacherId}")));

    public static void AddSchema(StoreOptions opts)
    {
        var table = new Table(new PostgresqlObjectName(opts.DatabaseSchemaName, Table, Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("subject").AsPrimaryKey();
        table.AddColumn<string>("token").AsPrimaryKey();
        opts.Storage.ExtendedSchemaObjects.Add(table);
    }

    public static async Task<bool> Spent(IQuerySession session, Guid stream, string token, CancellationToken ct) =>
        (await session.QueryAsync<int>($"select count(*)::int from {session.DocumentStore.Options.DatabaseSchemaName}.{Table} where subject = ? and token = ?",
            ct, stream, token)).Single() > 0;

    /// <summary>Spends the token inside the transaction that appends the evaluation: both commit, or neither.</summary>
    public static void Spend(IDocumentSession session, Guid stream, string token) =>
        session.QueueSqlCommand($"insert into {session.DocumentStore.Options.DatabaseSchemaName}.{Table} (subject, token) values (?, ?)", stream, token);
}
