using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Tokens;

namespace Workshops.Core.Auth;

public static class AuthSetup
{
    public static WebApplicationBuilder AddWorkshopsAuth(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Auth").Get<AuthOptions>() ?? new AuthOptions();
        var key = options.Key(); // fails start-up when no usable key is configured
        // The development key is in the repository for anyone to read: outside Development it would let anyone mint tokens.
        if (!builder.Environment.IsDevelopment() && options.SigningKey == AuthOptions.DevelopmentKey)
        {
            throw new InvalidOperationException(
                $"Auth:SigningKey is the development key from appsettings.Development.json, which is public; the {builder.Environment.EnvironmentName} " +
                "environment needs a secret key of its own (environment variable Auth__SigningKey, at least 32 bytes).");
        }
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddSingleton<IAuthorizationHandler, StudioRequirementCheck>();
        builder.Services.AddSingleton<IAuthorizationHandler, RoleRequirementCheck>();
        builder.Services.AddSingleton<IAuthorizationHandler, TeacherRequirementCheck>();
        builder.Services.AddSingleton<IAuthorizationHandler, RegionRouteRequirementCheck>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResults>();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Issuer,
                    ValidAudience = options.Audience,
                    IssuerSigningKey = key,
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    ValidateIssuerSigningKey = true,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = Caller.NameClaim,
                    RoleClaimType = Caller.RoleClaim,
                };
                jwt.Events = new JwtBearerEvents
                {
                    // A token that breaks the token rules (subject, one role, national scope, lifetime) is no token at all: 401.
                    OnTokenValidated = ctx =>
                    {
                        var token = ctx.SecurityToken as Microsoft.IdentityModel.JsonWebTokens.JsonWebToken;
                        DateTimeOffset? At(DateTime t) => t == DateTime.MinValue ? null : new DateTimeOffset(t, TimeSpan.Zero);
                        var refusal = TokenRules.Refusal(ctx.Principal!, token is null ? null : At(token.IssuedAt),
                            token is null ? null : At(token.ValidFrom), token is null ? null : At(token.ValidTo), DateTimeOffset.UtcNow, options);
                        if (refusal is not null) ctx.Fail(refusal);
                        return Task.CompletedTask;
                    },
                    OnChallenge = async ctx =>
                    {
                        ctx.HandleResponse();
                        ctx.Response.Headers.WWWAuthenticate = "Bearer";
                        await ctx.HttpContext.WriteProblem(new ProblemDetails
                        {
                            Type = Problems.TypeOf("unauthenticated"),
                            Title = "Unauthorized",
                            Status = StatusCodes.Status401Unauthorized,
                            Detail = ctx.AuthenticateFailure is null
                                ? "A bearer token is required."
                                : "The bearer token is not valid (signature, issuer, audience, lifetime or claims).",
                        });
                    },
                };
            });
        builder.Services.AddAuthorization(Policies.Add);
        return builder;
    }

    /// <summary>Answers 403 with problem+json naming why, instead of an empty body.</summary>
    private sealed class ProblemAuthorizationResults : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy,
            PolicyAuthorizationResult result)
        {
            if (result.Forbidden)
            {
                var reasons = result.AuthorizationFailure?.FailureReasons.Select(r => r.Message).ToArray() ?? [];
                await context.WriteProblem(Problems.Forbidden(reasons.Length > 0
                    ? string.Join(" ", reasons)
                    : "The caller's role or scope does not cover this resource."));
                return;
            }
            await _default.HandleAsync(next, context, policy, result);
        }
    }
}
