using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wolverine;
using Workshops.Core.Auth;

namespace Workshops.Tests.Support;

/// <summary>A second API host on the same database, with its own settings (environment, limits, log sinks).</summary>
public static class OtherHosts
{
    public const string OtherKey = "a-signing-key-for-test-hosts-outside-development-0123456789";

    public static Task<IAlbaHost> Start(AppFixture fixture, string environment = "Development", IDictionary<string, string>? settings = null,
        Action<IServiceCollection>? services = null) =>
        AlbaHost.For<Program>(web =>
        {
            web.UseEnvironment(environment);
            web.UseSetting("Serilog:MinimumLevel:Default", "Information");
            // The development key is refused outside Development: other environments get a key of their own (mint
            // tokens for them with the host's TokenIssuer).
            web.UseSetting("Auth:SigningKey", environment == "Development" ? AuthOptions.DevelopmentKey : OtherKey);
            // Outside Development the API needs its public address (xAPI statement URLs are built from it).
            if (environment != "Development") web.UseSetting("Api:PublicBaseUrl", "https://workshops.example.edu.cn");
            foreach (var (key, value) in settings ?? new Dictionary<string, string>()) web.UseSetting(key, value);
            web.ConfigureServices(s =>
            {
                s.RemoveAll<TimeProvider>();
                s.AddSingleton<TimeProvider>(fixture.Clock);
                s.RunWolverineInSoloMode();
                s.DisableAllExternalWolverineTransports();
                services?.Invoke(s);
            });
        });
}
