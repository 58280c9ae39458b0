using System.Buffers;

namespace Raytio.Server.Features.Links;

/// <summary>
/// The Location header of a redirect. Links are stored as they were given (and answered so), but
/// a header carries ASCII only: a URL with an international host, non-ASCII text, spaces or
/// quotes (the reference's own example URLs hold JSON) is sent in its escaped form with the
/// host in punycode. Stored URLs passed HttpUrls.Check, so they parse.
/// </summary>
internal static class RedirectLocation
{
    /// <summary>Printable ASCII that may stand in a URI as it is (RFC 3986 characters and '%').</summary>
    private static readonly SearchValues<char> Safe = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#[]@!$&'()*+,;=%");

    public static string Of(string url)
    {
        if (!url.AsSpan().ContainsAnyExcept(Safe))
        {
            return url;
        }
        var parsed = new Uri(url, UriKind.Absolute);
        return new UriBuilder(parsed) { Host = parsed.IdnHost }.Uri.AbsoluteUri;
    }
}
