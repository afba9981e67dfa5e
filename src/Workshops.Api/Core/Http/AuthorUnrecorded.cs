namespace Workshops.Core.Http;

/// <summary>
/// Marks a write whose author must not be traceable from what is stored (anonymous evaluations): the write audit does
/// not stamp the caller or the correlation id on its events, and no Idempotency-Key row (which would hold the caller,
/// the path and a hash of the body, committed in the same transaction) is kept for it; a key sent is ignored.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AuthorUnrecordedAttribute : Attribute
{
    public static bool On(HttpContext http) => http.GetEndpoint()?.Metadata.GetMetadata<AuthorUnrecordedAttribute>() is not null;
}
