using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workshops.Tests.Support;

/// <summary>A response as the client sees it: status, headers and the JSON body.</summary>
public sealed record Reply(int Status, JsonNode? Body, IReadOnlyDictionary<string, string> Headers, string Text, byte[] Bytes)
{
    public JsonNode Json => Body ?? throw new InvalidOperationException($"No JSON body (status {Status}): {Text}");
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var v) ? v : null;
    public string? Rule => Body?["rule"]?.GetValue<string>();
    public override string ToString() => $"{Status} {Text}";
}

/// <summary>Raw HTTP against the Alba host: bodies are JSON text or anonymous objects, as a client would send.</summary>
public static class Api
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static string ToJson(object body) => body as string ?? JsonSerializer.Serialize(body, Web);

    public static Task<Reply> Get(this IAlbaHost host, string url, string? token, params (string Name, string Value)[] headers) =>
        host.Send("GET", url, null, token, headers);

    public static Task<Reply> Post(this IAlbaHost host, string url, object? body, string? token, params (string Name, string Value)[] headers) =>
        host.Send("POST", url, body, token, headers);

    public static Task<Reply> Put(this IAlbaHost host, string url, object? body, string? token, params (string Name, string Value)[] headers) =>
        host.Send("PUT", url, body, token, headers);

    public static async Task<Reply> Send(this IAlbaHost host, string method, string url, object? body, string? token,
        params (string Name, string Value)[] headers)
    {
        var result = await host.Scenario(x =>
        {
            switch (method)
            {
                case "GET": x.Get.Url(url); break;
                case "POST": x.Post.Url(url); break;
                case "PUT": x.Put.Url(url); break;
                case "DELETE": x.Delete.Url(url); break;
                case "PATCH": x.Patch.Url(url); break;
                default: throw new ArgumentOutOfRangeException(nameof(method));
            }
            if (body is not null)
            {
                var bytes = body as byte[] ?? Encoding.UTF8.GetBytes(ToJson(body));
                x.ConfigureHttpContext(c =>
                {
                    c.Request.Body = new MemoryStream(bytes);
                    c.Request.ContentLength = bytes.Length;
                    c.Request.ContentType ??= "application/json";
                });
            }
            if (token is not null) x.WithBearerToken(token);
            // Inside RoundTrips.Sent: the trace whose database commands are counted.
            if (RoundTrips.Traceparent is { } trace) x.WithRequestHeader("traceparent", trace);
            foreach (var (name, value) in headers)
            {
                if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                    x.ConfigureHttpContext(c => c.Request.ContentType = value);
                else
                    x.WithRequestHeader(name, value);
            }
            x.IgnoreStatusCode();
        });
        var stream = new MemoryStream();
        var responseBody = result.Context.Response.Body;
        if (responseBody.CanSeek) responseBody.Position = 0;
        await responseBody.CopyToAsync(stream);
        var bytes = stream.ToArray();
        var text = Encoding.UTF8.GetString(bytes);
        JsonNode? json = null;
        if (text.Length > 0 && (result.Context.Response.ContentType ?? "").Contains("json"))
            json = JsonNode.Parse(text);
        var all = result.Context.Response.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        var reply = new Reply(result.Context.Response.StatusCode, json, all, text, bytes);
        // Every rule any test is answered must be in the rule catalogue (the README's error catalogue is written from it).
        if (reply.Status >= 400 && json is JsonObject && reply.Rule is { } rule)
            Assert.True(Workshops.Core.Contract.Contracts.Rules.ContainsKey(rule), $"{method} {url} answered rule '{rule}', which the rule catalogue lacks");
        return reply;
    }

    public static Reply ShouldBe(this Reply reply, int status)
    {
        Assert.True(reply.Status == status, $"Expected {status} but got {reply}");
        return reply;
    }

    /// <summary>A refusal: problem+json with the status and, for domain rules, the rule's name.</summary>
    public static Reply ShouldBeProblem(this Reply reply, int status, string? rule = null)
    {
        reply.ShouldBe(status);
        Assert.StartsWith("application/problem+json", reply.Header("content-type") ?? "");
        Assert.Equal(status, reply.Json["status"]!.GetValue<int>());
        if (rule is not null) Assert.Equal(rule, reply.Rule);
        return reply;
    }
}
