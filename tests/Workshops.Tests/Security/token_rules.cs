using System.Security.Claims;
using Workshops.Core.Auth;

namespace Workshops.Tests.Security;

/// <summary>What a token must be beyond its signature, issuer, audience and expiry, as a pure function.</summary>
public sealed class token_rules
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly AuthOptions Options = new() { NationalIntegrations = ["integration:国家平台"] };

    private static ClaimsPrincipal Principal(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "test"));

    private static ClaimsPrincipal As(string role, string? region = "350203", string name = "x") =>
        Principal([("sub", $"{role}:{name}"), ("name", name), ("role", role), .. region is null ? Array.Empty<(string, string)>() : [("region", region)]]);

    private static string? Refusal(ClaimsPrincipal principal, TimeSpan? lifetime = null, bool issuedAt = true, bool notBefore = true) =>
        TokenRules.Refusal(principal, issuedAt ? Now : null, notBefore ? Now : null, Now + (lifetime ?? TimeSpan.FromHours(1)), Now, Options);

    [Fact]
    public void an_ordinary_token_is_accepted() => Assert.Null(Refusal(As("school")));

    [Theory]
    [InlineData("role")]
    [InlineData("region")]
    [InlineData("teacher")]
    [InlineData("sub")]
    public void a_single_valued_claim_given_twice_is_refused(string claim)
    {
        var principal = Principal(("sub", "school:x"), ("name", "x"), ("role", "school"), ("region", "350203"), ("teacher", "T1"),
            (claim, claim == "role" ? "reviewer" : claim == "region" ? "000000" : "other"));
        Assert.Contains(claim, Refusal(principal));
    }

    [Fact]
    public void several_studios_are_fine() =>
        Assert.Null(Refusal(Principal(("sub", "host:x"), ("role", "host"), ("studio", Guid.NewGuid().ToString()), ("studio", Guid.NewGuid().ToString()))));

    [Fact]
    public void a_lifetime_up_to_the_maximum_is_accepted_and_beyond_it_refused()
    {
        Assert.Equal(TimeSpan.FromHours(12), new AuthOptions().MaxTokenLifetime);
        Assert.Null(Refusal(As("school"), TimeSpan.FromHours(12)));
        Assert.NotNull(Refusal(As("school"), TimeSpan.FromHours(12) + TimeSpan.FromSeconds(1)));
        // Without iat the lifetime counts from nbf, without both from now.
        Assert.NotNull(Refusal(As("school"), TimeSpan.FromDays(30), issuedAt: false));
        Assert.NotNull(Refusal(As("school"), TimeSpan.FromDays(30), issuedAt: false, notBefore: false));
        Assert.Null(Refusal(As("school"), TimeSpan.FromHours(2), issuedAt: false, notBefore: false));
    }

    [Theory]
    [InlineData("school")]
    [InlineData("host")]
    [InlineData("member")]
    [InlineData("integration")]
    public void the_national_region_is_refused_to_other_roles(string role) =>
        Assert.Contains("000000", Refusal(As(role, "000000")));

    [Fact]
    public void national_reviewers_and_listed_integrations_are_accepted()
    {
        Assert.Null(Refusal(As("reviewer", "000000")));
        Assert.Null(Refusal(As("integration", "000000", "国家平台")));
        Assert.NotNull(Refusal(As("integration", "000000", "别的平台")));
    }

    [Fact]
    public void no_subject_or_an_unknown_role_is_refused()
    {
        Assert.NotNull(Refusal(Principal(("role", "school"), ("region", "350203"))));
        Assert.NotNull(Refusal(As("superuser")));
    }
}
