using Microsoft.IdentityModel.Tokens;

namespace Raytio.Server.Features.Auth;

/// <summary>
/// Token keys whose private part is known to others. They are deleted at start-up, not retired,
/// so every token they signed fails at once. Matched by the RFC 7638 thumbprint of the public
/// part, whatever kid the row claims.
/// </summary>
public static class CompromisedTokenKeys
{
    /// <summary>
    /// The key of a development database that was once committed to this repository's history;
    /// a server started from the source folder would have signed with it.
    /// </summary>
    public const string PublishedDevelopmentKey = "Jr15fONeOVd5Q5xw_P2ZtaA6lbmzyg3h-1Be0hkMs6w";

    public static bool IsCompromised(RsaSecurityKey key, TokenOptions options)
    {
        var thumbprint = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return thumbprint == PublishedDevelopmentKey || options.CompromisedKeys.Contains(thumbprint, StringComparer.Ordinal);
    }
}
