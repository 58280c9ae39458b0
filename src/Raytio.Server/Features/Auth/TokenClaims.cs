namespace Raytio.Server.Features.Auth;

/// <summary>Claim names and values this server puts in its tokens.</summary>
public static class TokenClaims
{
    /// <summary>Tells identity tokens (accepted as bearer) from access tokens (password-change body only).</summary>
    public const string TokenUse = "token_use";

    public const string IdentityUse = "id";

    public const string AccessUse = "access";

    public const string Algorithm = "RS256";
}
