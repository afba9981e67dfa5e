using JasperFx.Events.Projections;
using Marten;

namespace Workshops.Evaluations;

public static class EvaluationsSetup
{
    /// <summary>Evaluation streams (one per subject) and their tallies, kept inline; the spent tokens in a table of their own.</summary>
    public static StoreOptions AddEvaluations(this StoreOptions opts)
    {
        opts.Events.AddEventType<EvaluationSubmitted>();
        opts.Projections.Add<EvaluationTallyProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<EvaluationTally>().Duplicate(t => t.StudioId).Duplicate(t => t.Year);
        EvaluationTokens.AddSchema(opts);
        return opts;
    }

    public static WebApplicationBuilder AddEvaluationKey(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<EvaluationKey>();
        return builder;
    }
}
