using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Workshops.Core.Auth;

namespace Workshops.Tests.Support;

/// <summary>
/// Real processes for reliability tests: a private PostgreSQL cluster started with the project's own script, and API
/// processes started from the built binaries that can be killed with SIGKILL and started again.
/// </summary>
public sealed class ProcessLab : IAsyncDisposable
{
    public const string SigningKey = "development-only-signing-key-not-for-production-use-0123456789";
    private readonly List<ApiProcess> _apis = [];
    public string Dir { get; }
    public string PgDir => Path.Combine(Dir, "pg");
    public int PgPort { get; private set; }
    public string ConnectionString => $"Host=127.0.0.1;Port={PgPort};Database=workshops;Username=postgres;Password=unused;Timeout=5;Command Timeout=30";
    public TokenIssuer Tokens { get; } = new(new AuthOptions { SigningKey = SigningKey });

    private ProcessLab(string dir) => Dir = dir;

    public static async Task<ProcessLab> Start(bool durable = true)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"workshops-lab-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        var lab = new ProcessLab(dir);
        await lab.StartDatabase(durable);
        return lab;
    }

    private static string Repo => OpenApiContract.Root();

    public static async Task<string> Shell(string script)
    {
        var psi = new ProcessStartInfo("bash", ["-c", $"source '{Repo}/ops/lib/pg.sh'; {script}"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var p = Process.Start(psi)!;
        var output = await p.StandardOutput.ReadToEndAsync();
        var error = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException($"'{script}' failed ({p.ExitCode}): {error}");
        return output.Trim();
    }

    public async Task StartDatabase(bool durable = true)
    {
        var port = await Shell($"pg_cluster_start '{PgDir}' '{(PgPort == 0 ? "" : PgPort)}' {(durable ? "durable" : "fast")} && echo $PG_PORT");
        PgPort = int.Parse(port.Split('\n').Last());
    }

    public Task StopDatabase() => Shell($"pg_cluster_stop '{PgDir}'");

    public Task CrashDatabase() => Shell($"pg_cluster_crash '{PgDir}'");

    public async Task<ApiProcess> StartApi(IDictionary<string, string>? env = null)
    {
        var api = new ApiProcess(this, WebhookReceiver.FreePort(), env ?? new Dictionary<string, string>());
        _apis.Add(api);
        await api.Start();
        return api;
    }

    public string Token(Role role, string name, Guid[]? studios = null, string? region = null) =>
        Tokens.Mint(new TokenRequest(role, name, studios, region, ExpiresInMinutes: 600));

    public async Task<T> Scalar<T>(string sql)
    {
        await using var data = NpgsqlDataSource.Create(ConnectionString);
        await using var cmd = data.CreateCommand(sql);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var api in _apis) api.Kill();
        try { await StopDatabase(); } catch (InvalidOperationException) { }
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>One API process: start, kill -9, start again on the same port.</summary>
public sealed class ApiProcess(ProcessLab lab, int port, IDictionary<string, string> env)
{
    private Process? _process;
    public string Url => $"http://127.0.0.1:{port}";
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };
    public int Starts { get; private set; }

    private static string Binaries()
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/") ? "Release" : "Debug";
        return Path.Combine(OpenApiContract.Root(), "src", "Workshops.Api", "bin", configuration, "net10.0");
    }

    public async Task Start()
    {
        var bin = Binaries();
        var psi = new ProcessStartInfo("dotnet", [Path.Combine(bin, "Workshops.Api.dll")])
        {
            WorkingDirectory = bin, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        psi.Environment["ASPNETCORE_URLS"] = Url;
        psi.Environment["ConnectionStrings__Marten"] = lab.ConnectionString;
        psi.Environment["Auth__SigningKey"] = ProcessLab.SigningKey;
        psi.Environment["RateLimits__WritesPerSecond"] = "100000";
        psi.Environment["RateLimits__Burst"] = "100000";
        psi.Environment["RateLimits__ReadsPerSecond"] = "1000000";
        psi.Environment["RateLimits__ReadBurst"] = "1000000";
        psi.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        foreach (var (key, value) in env) psi.Environment[key] = value;
        var log = Path.Combine(lab.Dir, $"api-{port}.log");
        _process = Process.Start(psi)!;
        var writer = new StreamWriter(log, append: true) { AutoFlush = true };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Starts++;
        await WaitReady(TimeSpan.FromSeconds(60));
    }

    public async Task WaitReady(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process is { HasExited: true }) throw new InvalidOperationException($"The API exited during start-up; see {lab.Dir}");
            try
            {
                using var reply = await Http.GetAsync($"{Url}/health/ready");
                if (reply.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The API was not ready within {timeout}; see {lab.Dir}");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, no goodbye.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false }) _process.Kill(entireProcessTree: true);
        _process?.WaitForExit(10_000);
    }

    public bool Running => _process is { HasExited: false };

    public async Task<(int Status, JsonNode? Body, string? ETag)> Send(HttpMethod method, string path, object? body, string token,
        params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, Url + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        if (body is not null) request.Content = new StringContent(Api.ToJson(body), Encoding.UTF8, "application/json");
        using var reply = await Http.SendAsync(request);
        var text = await reply.Content.ReadAsStringAsync();
        JsonNode? json = null;
        try { json = text.Length > 0 ? JsonNode.Parse(text) : null; } catch (JsonException) { }
        return ((int)reply.StatusCode, json, reply.Headers.ETag?.Tag);
    }
}
