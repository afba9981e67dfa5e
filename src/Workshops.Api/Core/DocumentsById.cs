using Marten;
using Marten.Services.BatchQuerying;

namespace Workshops.Core;

/// <summary>
/// A document by id, as a query plan: returned from an endpoint's Load method, Wolverine loads it in the same round
/// trip as the stream the endpoint writes to. Null when there is none.
/// </summary>
public sealed class DocumentById<T>(Guid id) : IQueryPlan<T?>, IBatchQueryPlan<T?> where T : class
{
    public Task<T?> Fetch(IQuerySession session, CancellationToken token) => session.LoadAsync<T>(id, token);

    public Task<T?> Fetch(IBatchedQuery query) => query.Load<T>(id);
}

/// <summary>Documents by id, as a query plan (see <see cref="DocumentById{T}"/>); those missing are left out.</summary>
public sealed class DocumentsById<T>(IReadOnlyCollection<Guid> ids) : IQueryPlan<IReadOnlyList<T>>, IBatchQueryPlan<IReadOnlyList<T>> where T : class
{
    public Task<IReadOnlyList<T>> Fetch(IQuerySession session, CancellationToken token) =>
        ids.Count == 0 ? Task.FromResult<IReadOnlyList<T>>([]) : session.LoadManyAsync<T>(token, ids.ToArray());

    public Task<IReadOnlyList<T>> Fetch(IBatchedQuery query) =>
        ids.Count == 0 ? Task.FromResult<IReadOnlyList<T>>([]) : query.LoadMany<T>().ById(ids.ToArray());
}
