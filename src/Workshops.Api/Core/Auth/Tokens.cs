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

    /// <summary>The key in appsettings.Development.json: public in the repository, so refused outside Development.</summary>
    public const string DevelopmentKey = "development-only-signing-key-not-for-production-use-0123456789";

    /// <summary>The longest a token may live, from its iat (else nbf, else now) to its exp (Auth:MaxTokenLifetime).</summary>
    public TimeSpan MaxTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// Subjects (<c>sub</c>) of integration clients the operator grants the national region 000000
    /// (Auth:NationalIntegrations:0, :1 …); national reviewers need no listing.
    /// </summary>
    public IReadOnlyList<string> NationalIntegrations { get; set; } = [];

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

/// <summary>
/// What a token must be beyond a valid signature, issuer, audience and expiry, as a pure function; a token that breaks
/// any of these is no token at all (401):
/// <list type="bullet">
/// <item>a subject and one known role; claims that name one thing (sub, name, role, region, teacher) appear once —
/// an array would otherwise be read as its first value;</item>
/// <item>the national region 000000 only for reviewers and for integration clients the operator lists;</item>
/// <item>a lifetime (exp − iat, else exp − nbf, else exp − now) of at most <see cref="AuthOptions.MaxTokenLifetime"/>,
/// and never an expiry further than that from now.</item>
/// </list>
/// </summary>
public static class TokenRules
{
    private static readonly string[] SingleValued =
        [Caller.SubjectClaim, Caller.NameClaim, Caller.RoleClaim, Caller.RegionClaim, Caller.TeacherClaim];

    public static string? Refusal(ClaimsPrincipal principal, DateTimeOffset? issuedAt, DateTimeOffset? notBefore, DateTimeOffset? expires,
        DateTimeOffset now, AuthOptions options)
    {
        foreach (var claim in SingleValued)
            if (principal.FindAll(claim).Skip(1).Any()) return $"The claim '{claim}' has several values; it must have one.";
        if (Caller.TryFrom(principal) is not { } caller) return "The token lacks a subject or a known role.";
        if (caller.Region == Region.National &&
            !(caller.Role == Role.Reviewer || caller.Role == Role.Integration && options.NationalIntegrations.Contains(caller.Id)))
            return $"The national region {Region.National} is for national reviewers and the integrations the operator lists.";
        if (expires is not { } exp) return "The token has no expiry.";
        var from = issuedAt ?? notBefore ?? now;
        if (exp - from > options.MaxTokenLifetime || exp - now > options.MaxTokenLifetime)
            return $"The token lives longer than {options.MaxTokenLifetime.TotalHours:0.##} hours.";
        return null;
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
