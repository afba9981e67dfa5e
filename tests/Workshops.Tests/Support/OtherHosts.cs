using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wolverine;

namespace Workshops.Tests.Support;

/// <summary>A second API host on the same database, with its own settings (environment, limits, log sinks).</summary>
public static class OtherHosts
{
    public static Task<IAlbaHost> Start(AppFixture fixture, string environment = "Development", IDictionary<string, string>? settings = null,
        Action<IServiceCollection>? services = null) =>
        AlbaHost.For<Program>(web =>
        {
            web.UseEnvironment(environment);
            web.UseSetting("Serilog:MinimumLevel:Default", "Information");
            web.UseSetting("Auth:SigningKey", "development-only-signing-key-not-for-production-use-0123456789");
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
