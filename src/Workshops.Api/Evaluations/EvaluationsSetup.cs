using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Workshops.Core.Auth;

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

    /// <summary>Evaluating a training: a trainee's own login (<see cref="TraineeLogin"/>).</summary>
    public const string TraineePolicy = Policies.EvaluationTrainee;

    /// <summary>The key that makes evaluation tokens, and the policy of a trainee's own login.</summary>
    public static WebApplicationBuilder AddEvaluationKey(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<EvaluationKey>();
        builder.Services.AddSingleton<IAuthorizationHandler, TraineeLoginCheck>();
        builder.Services.AddAuthorization(o => o.AddPolicy(TraineePolicy, p => p.RequireAuthenticatedUser().AddRequirements(new TraineeLogin())));
        return builder;
    }
}

/// <summary>
/// A training is evaluated by its trainees with their own login: a host or member token with the teacher claim. That
/// the record holds a credit of the programme is the rule <c>evaluation.not-trained</c> (422), since it needs the record.
/// </summary>
public sealed record TraineeLogin : IAuthorizationRequirement, IPermits
{
    public static bool Allows(Caller caller) => caller.Role is Role.Host or Role.Member && caller.TeacherId is not null;

    /// <summary>Who <see cref="Allows"/> lets in, asked of each role (for the contract and the README).</summary>
    public IReadOnlyList<Permit> Permits() =>
    [
        .. Enum.GetValues<Role>().Where(role => Allows(new Caller("x", "x", role, new HashSet<Guid>(), null, "T1")))
            .Select(role => new Permit(role, "own login, trainees only (a credit of the programme from the region on their record)")),
    ];
}

public sealed class TraineeLoginCheck : AuthorizationHandler<TraineeLogin>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TraineeLogin requirement)
    {
        if (Caller.TryFrom(context.User) is not { } caller) return Task.CompletedTask;
        if (TraineeLogin.Allows(caller)) context.Succeed(requirement);
        else context.Fail(new AuthorizationFailureReason(this,
            "Evaluating a training needs a trainee's own login: a host or member token with the teacher claim, whose record holds a credit of the programme."));
        return Task.CompletedTask;
    }
}
