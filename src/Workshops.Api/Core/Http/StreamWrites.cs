using System.Text.Json;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using JasperFx.CodeGeneration.Model;
using JasperFx.Core.Reflection;
using JasperFx.Events;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Wolverine.Attributes;
using Wolverine.Http;

namespace Workshops.Core.Http;

/// <summary>The answer to a write on a studio stream: the studio and its new version (also sent as ETag).</summary>
public record Written(Guid StudioId, long Version);

/// <summary>
/// Marks an endpoint whose handler returns only the events to append to the stream it loaded for writing
/// (<c>[WriteAggregate]</c>): <see cref="StreamWrites"/> checks If-Match and answers with the stream's new version
/// (<see cref="Written"/>, 200), or, given the type of a created resource, with what the endpoint's static
/// <c>Created(event, written)</c> makes of the first event (201 and its location).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AppendsAttribute : EmptyResponseAttribute
{
    public AppendsAttribute()
    {
        StatusCode = StatusCodes.Status200OK;
        Type = typeof(Written);
    }

    public AppendsAttribute(Type created)
    {
        StatusCode = StatusCodes.Status201Created;
        Type = created;
        Created = created;
    }

    /// <summary>The resource the first event creates, answered 201 with its location.</summary>
    public Type? Created { get; }

    /// <summary>
    /// A 200 answer that says more than <see cref="Written"/> (e.g. the warnings a write leaves): the endpoint's static
    /// <c>Answer(written, …)</c> makes it after the commit.
    /// </summary>
    public Type? Answers
    {
        get => Created is null && Type != typeof(Written) ? Type : null;
        init => Type = value ?? typeof(Written);
    }
}

/// <summary>A stream's state that can refuse every write to it (a dissolved studio), asked after If-Match and before the endpoint's rules.</summary>
public interface IRefusesWrites
{
    Refusal? RefusesWrites();

    /// <summary>The rules <see cref="RefusesWrites"/> can name: the contract lists them among every write's own 422 rules.</summary>
    static abstract IReadOnlyList<string> RefusalRules { get; }

    /// <summary>The rules a state type's refusal of every write can name; none for a state that never refuses them all.</summary>
    public static IReadOnlyList<string> RulesOf(Type? state) =>
        state is not null && typeof(IRefusesWrites).IsAssignableFrom(state)
            ? (IReadOnlyList<string>)state.GetProperty(nameof(RefusalRules), System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)!.GetValue(null)!
            : [];
}

/// <summary>
/// Every write to a stream, once: If-Match against the version the stream was loaded at (412), then the endpoint's
/// rules and handler, then, after the commit, the ETag and the answer carrying the new version. An endpoint's handler
/// stays a pure function from the command, the state, who and when to the events.
/// </summary>
public static class StreamWrites
{
    public static string ETag(long version) => $"\"{version}\"";

    /// <summary>
    /// The ETag of a view of a stream that also shows what the stream does not hold (the studio view's roster facts
    /// come from the teachers' records and the rule set): the stream version, a dot, and a digest of the view's bytes,
    /// so If-None-Match sees every change while If-Match on a write reads only the version before the dot.
    /// </summary>
    public static string ViewETag(long version, byte[] body) =>
        $"\"{version}.{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(body), 0, 8).ToLowerInvariant()}\"";

    /// <summary>
    /// If-Match carries the stream version the client last read (as the ETag "n", W/"n" or a bare n), or a view's ETag
    /// "n.digest" (<see cref="ViewETag"/>), of which only the version counts. A mismatch answers 412; "*" or no header
    /// always passes.
    /// </summary>
    public static ProblemDetails? IfMatch(HttpContext http, long version)
    {
        var header = http.Request.Headers[HeaderNames.IfMatch].ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*") return null;
        foreach (var candidate in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var text = candidate.StartsWith("W/", StringComparison.Ordinal) ? candidate[2..] : candidate;
            text = text.Trim('"');
            if (text.IndexOf('.') is var dot and > 0) text = text[..dot];
            if (long.TryParse(text, out var given) && given == version) return null;
        }
        return Problems.PreconditionFailed(version, header);
    }

    /// <summary>The stream's version after the appended events (sent as ETag).</summary>
    public static Written Written<T>(HttpContext http, IEventStream<T> stream) where T : notnull
    {
        var written = new Written(stream.Id, stream.CurrentVersion ?? 0);
        http.Response.Headers.ETag = ETag(written.Version);
        return written;
    }

    /// <summary>Writes the answer after the commit: 200 with the new version, or 201 with the created resource.</summary>
    public static Task Answer(HttpContext http, object answer)
    {
        if (answer is IHttpAware aware) aware.Apply(http);
        else http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json; charset=utf-8";
        var json = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value;
        return JsonSerializer.SerializeAsync(http.Response.Body, answer, answer.GetType(), json.SerializerOptions, http.RequestAborted);
    }

    /// <summary>Applies the If-Match check and the answer to every endpoint marked <see cref="AppendsAttribute"/>.</summary>
    public sealed class Policy : IHttpPolicy
    {
        public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
        {
            foreach (var chain in chains)
            {
                if (!chain.Method.Method.TryGetAttribute<AppendsAttribute>(out var appends)) continue;
                var stream = chain.Middleware.SelectMany(f => f.Creates).FirstOrDefault(v => v.VariableType.Closes(typeof(IEventStream<>)))
                             ?? throw new InvalidOperationException($"{chain} appends events but loads no stream for writing ([WriteAggregate]).");

                // After the input checks (Validate: 400, 403) and before the rules the state decides ([WolverineBefore]: 422).
                var rulesAt = chain.Middleware.FindIndex(f => f is MethodCall call && call.HandlerType == chain.Method.HandlerType &&
                                                              call.Method.HasAttribute<WolverineBeforeAttribute>());
                chain.Middleware.Insert(rulesAt < 0 ? chain.Middleware.Count : rulesAt, new RefusalFrame(stream));

                Variable? created = null;
                if (appends.Created is { } type)
                {
                    var make = chain.Method.HandlerType.GetMethod("Created")
                               ?? throw new InvalidOperationException($"{chain} answers {type.Name} but has no static Created(event, written).");
                    var call = new MethodCall(chain.Method.HandlerType, make);
                    call.Arguments[0] = chain.Method.Creates.First();
                    chain.PostCommitPostprocessors.Add(new WrittenFrame(stream));
                    chain.PostCommitPostprocessors.Add(call);
                    created = call.ReturnVariable;
                }
                else
                {
                    chain.PostCommitPostprocessors.Add(new WrittenFrame(stream));
                    if (appends.Answers is { } answers)
                    {
                        var make = chain.Method.HandlerType.GetMethod("Answer")
                                   ?? throw new InvalidOperationException($"{chain} answers {answers.Name} but has no static Answer(written, ...).");
                        var call = new MethodCall(chain.Method.HandlerType, make);
                        chain.PostCommitPostprocessors.Add(call);
                        created = call.ReturnVariable;
                    }
                }
                chain.PostCommitPostprocessors.Add(new AnswerFrame(created));
            }
        }
    }

    /// <summary>
    /// What every write to a stream is refused before the endpoint's own rules: If-Match against the version the stream
    /// was loaded at (412), then a state that refuses every write (<see cref="IRefusesWrites"/>: a dissolved studio, 422).
    /// </summary>
    public static ProblemDetails? Refused(HttpContext http, long version, object? state) =>
        IfMatch(http, version) ?? (state is IRefusesWrites closed && closed.RefusesWrites() is { } refusal ? Problems.Rule(refusal) : null);

    private sealed class RefusalFrame(Variable stream) : AsyncFrame
    {
        private Variable? _http;

        public override IEnumerable<Variable> FindVariables(IMethodVariables chain)
        {
            _http = chain.FindVariable(typeof(HttpContext));
            yield return _http;
            yield return stream;
        }

        public override void GenerateCode(GeneratedMethod method, ISourceWriter writer)
        {
            var problem = $"{stream.Usage}_refused";
            writer.WriteComment("If-Match against the version the stream was loaded at, then a state that refuses every write");
            writer.WriteLine($"var {problem} = {typeof(StreamWrites).FullNameInCode()}.{nameof(Refused)}({_http!.Usage}, {stream.Usage}.StartingVersion ?? 0, {stream.Usage}.Aggregate);");
            writer.Write($"BLOCK:if ({problem} != null)");
            writer.WriteLine($"await WriteProblems({problem}, {_http.Usage}).ConfigureAwait(false);");
            writer.WriteLine("return;");
            writer.FinishBlock();
            Next?.GenerateCode(method, writer);
        }
    }

    private sealed class WrittenFrame : SyncFrame
    {
        private readonly Variable _stream;
        private Variable? _http;

        public WrittenFrame(Variable stream)
        {
            _stream = stream;
            Written = new Variable(typeof(Written), "written", this);
        }

        public Variable Written { get; }

        public override IEnumerable<Variable> FindVariables(IMethodVariables chain)
        {
            _http = chain.FindVariable(typeof(HttpContext));
            yield return _http;
            yield return _stream;
        }

        public override void GenerateCode(GeneratedMethod method, ISourceWriter writer)
        {
            writer.WriteComment("The stream's new version, sent as ETag");
            writer.WriteLine($"var {Written.Usage} = {typeof(StreamWrites).FullNameInCode()}.{nameof(StreamWrites.Written)}({_http!.Usage}, {_stream.Usage});");
            Next?.GenerateCode(method, writer);
        }
    }

    private sealed class AnswerFrame(Variable? created) : AsyncFrame
    {
        private Variable? _http;
        private Variable? _written;

        public override IEnumerable<Variable> FindVariables(IMethodVariables chain)
        {
            _http = chain.FindVariable(typeof(HttpContext));
            yield return _http;
            _written = chain.FindVariable(typeof(Written));
            yield return _written;
            if (created is not null) yield return created;
        }

        public override void GenerateCode(GeneratedMethod method, ISourceWriter writer)
        {
            writer.WriteComment("The answer, after the commit");
            writer.WriteLine($"await {typeof(StreamWrites).FullNameInCode()}.{nameof(Answer)}({_http!.Usage}, {(created ?? _written)!.Usage}).ConfigureAwait(false);");
            Next?.GenerateCode(method, writer);
        }
    }
}
