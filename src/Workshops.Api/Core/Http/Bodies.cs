namespace Workshops.Core.Http;

/// <summary>
/// Write requests are read into memory up to a limit before anything else sees them: an oversize body is
/// refused with 413, and the buffered copy lets idempotency fingerprint the request.
/// </summary>
public static class Bodies
{
    public const int MaxBytes = 256 * 1024;

    public static bool IsWrite(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    public static IApplicationBuilder UseBodyLimit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!IsWrite(http.Request.Method))
        {
            await next(http);
            return;
        }
        if (http.Request.ContentLength > MaxBytes)
        {
            await TooLarge(http);
            return;
        }
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                await TooLarge(http);
                return;
            }
            buffer.Write(chunk, 0, read);
        }
        if (IsJsonNull(buffer))
        {
            await http.WriteProblem(Problems.Invalid("body", "must be a JSON object, not null"));
            return;
        }
        buffer.Position = 0;
        http.Request.Body = buffer;
        http.Request.ContentLength = buffer.Length;
        await next(http);
    });

    /// <summary>A body of JSON null would reach endpoints as no command at all.</summary>
    private static bool IsJsonNull(MemoryStream buffer)
    {
        var text = System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).Trim();
        return text == "null";
    }

    private static Task TooLarge(HttpContext http) =>
        http.WriteProblem(new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Type = Problems.TypeOf("body.too-large"),
            Title = "Request body too large",
            Status = StatusCodes.Status413PayloadTooLarge,
            Detail = $"Request bodies are limited to {MaxBytes / 1024} KiB.",
        });
}
