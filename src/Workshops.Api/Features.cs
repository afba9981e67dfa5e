using Marten;
using Weasel.Core;
using Wolverine.Http;
using Workshops.Activities;
using Workshops.Applications;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Evaluations;
using Workshops.Growth;
using Workshops.Integrations;
using Workshops.Outputs;
using Workshops.Plans;
using Workshops.Programmes;
using Workshops.Reports;
using Workshops.Standards;
using Workshops.Studios;
using Workshops.Submissions;
using Workshops.Teachers;
using Workshops.Training;
using Workshops.Views;
using Workshops.Years;

namespace Workshops;

/// <summary>
/// The composition root: what the store holds (each capability's projections and documents, registered beside them),
/// the services capabilities lend the platform, and the policies every studio write gets.
/// </summary>
public static class Features
{
    /// <summary>The event store and every projection, as the API runs them (also used by the benchmark harness).</summary>
    public static void Store(StoreOptions opts)
    {
        Setup.Events(opts);
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, Json.Stored);
        opts.AddStudios();
        opts.AddPlans();
        opts.AddActivities();
        opts.AddOutputs();
        opts.AddStudioYears();
        opts.AddReports();
        opts.AddGrowth();
        opts.AddStandards();
        opts.AddProgrammes();
        opts.AddTeachers();
        opts.AddTraining();
        opts.AddEvaluations();
        opts.AddIntegrations();
        opts.AddSubmissions();
        opts.AddApplications();
        ViewMemo.AddSchema(opts);
        ViewMemoSchema.AddSchema(opts);
    }

    public static WebApplicationBuilder AddFeatures(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureSystemTextJsonForWolverineOrMinimalApi(o => Json.StrictRequests(o.SerializerOptions));
        builder.Services.AddSingleton<IStudioScopes, StudioRegions>();
        builder.Services.AddSingleton<ITeacherScopes, TeacherScopes>();
        builder.Services.AddSingleton<ITeacherHomes, TeacherHomes>();
        builder.Services.AddSingleton(OutputsSetup.SearchTermsColumn);
        builder.Services.AddSingleton<ViewMemo>();
        builder.Services.AddHostedService<ViewMemoPruning>();
        builder.AddWebhooks();
        builder.AddEvaluationKey();
        builder.AddSubmissionAccess();
        builder.AddApplicationAccess();
        return builder;
    }

    /// <summary>Every studio write: If-Match, ETag and the new version; the outbox row when a webhook wants the events.</summary>
    public static void Map(WolverineHttpOptions opts, IConfiguration configuration)
    {
        opts.AddPolicy<StreamWrites.Policy>();
        opts.AddParameterHandlingStrategy<Stamp.Parameter>();
        if (configuration.GetValue("Webhooks:Enabled", true)) opts.AddPolicy<WebhookForwarding.Policy>();
    }
}
