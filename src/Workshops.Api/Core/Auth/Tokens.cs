using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Workshops.Core.Auth;

/// <summary>JWT settings: production configures its own issuer, audience and key (at least 32 bytes).</summary>
public sealed class AuthOptions
{
    public string Issuer { get; set; } = "workshops";
    public string Audience { get; set; } = "workshops-api";
    public string SigningKey { get; set; } = "";

    public SymmetricSecurityKey Key()
    {
        var bytes = Encoding.UTF8.GetBytes(SigningKey);
        if (bytes.Length < 32)
        {
            throw new InvalidOperationException(
                "Auth:SigningKey must be configured with at least 32 bytes (environment variable Auth__SigningKey).");
        }
        return new SymmetricSecurityKey(bytes);
    }
}

public sealed record TokenRequest(
    Role Role,
    string Name,
    IReadOnlyList<Guid>? Studios = null,
    string? Region = null,
    string? Teacher = null,
    int? ExpiresInMinutes = null);

/// <summary>
/// Mints tokens with the configured key: used by the development token endpoint and by tests.
/// Token lifetimes follow the real clock, whatever business clock the application runs on.
/// </summary>
public sealed class TokenIssuer(AuthOptions options)
{
    public string Mint(TokenRequest request)
    {
        var claims = new List<Claim>
        {
            new(Caller.SubjectClaim, $"{request.Role.Code()}:{request.Name}"),
            new(Caller.NameClaim, request.Name),
            new(Caller.RoleClaim, request.Role.Code()),
        };
        claims.AddRange((request.Studios ?? []).Select(s => new Claim(Caller.StudioClaim, s.ToString())));
        if (!string.IsNullOrWhiteSpace(request.Region)) claims.Add(new Claim(Caller.RegionClaim, request.Region));
        if (!string.IsNullOrWhiteSpace(request.Teacher)) claims.Add(new Claim(Caller.TeacherClaim, request.Teacher));

        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(request.ExpiresInMinutes ?? 12 * 60),
            SigningCredentials = new SigningCredentials(options.Key(), SecurityAlgorithms.HmacSha256),
        });
    }
}
