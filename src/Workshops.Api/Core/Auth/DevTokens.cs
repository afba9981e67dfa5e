using Microsoft.AspNetCore.Mvc;

namespace Workshops.Core.Auth;

/// <summary>POST /api/dev/tokens: mints a token for any role. Mapped only in the Development environment.</summary>
public static class DevTokens
{
    public sealed record Minted(string Token);

    public static void MapDevTokens(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) return;
        app.MapPost("/api/dev/tokens", (TokenRequest request, TokenIssuer issuer, AuthOptions options) =>
            {
                var check = new Check().Text(request.Name, "name", 100)
                    .When(request.Region is not null && !(Region.IsScope(request.Region) && (request.Region == Region.National || Reference.Divisions.Exists(request.Region))),
                        "region", "must be a division code of GET /api/reference/regions (a province, city or district) or 000000")
                    .When(request.ExpiresInMinutes is < 1 || request.ExpiresInMinutes > options.MaxTokenLifetime.TotalMinutes, "expiresInMinutes",
                        $"must be between 1 and {options.MaxTokenLifetime.TotalMinutes:0}");
                if (!check.Ok) return Results.Problem(check.Result());
                return Results.Ok(new Minted(issuer.Mint(request)));
            })
            .AllowAnonymous()
            .WithName("MintDevToken")
            // Development only, so not part of the contract (which is written from a Development host).
            .ExcludeFromDescription();
    }
}
