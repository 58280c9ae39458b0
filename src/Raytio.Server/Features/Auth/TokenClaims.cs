namespace Raytio.Server.Features.Auth;

/// <summary>Claim names and values this server puts in its tokens.</summary>
public static class TokenClaims
{
    /// <summary>Tells identity tokens (accepted as bearer) from access tokens (password-change body only).</summary>
    public const string TokenUse = "token_use";

    public const string IdentityUse = "id";

    public const string AccessUse = "access";

    /// <summary>An access application's own token (client_credentials): a bearer that acts for the application alone.</summary>
    public const string ApplicationUse = "application";

    /// <summary>The user's security stamp at issue; a token without it was issued before stamps existed.</summary>
    public const string SecurityStamp = "stamp";

    public const string Algorithm = "RS256";
}
