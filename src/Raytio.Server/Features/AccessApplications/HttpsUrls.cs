using System.Net;

namespace Raytio.Server.Features.AccessApplications;

/// <summary>The URLs an application names (callback URIs, webhook destinations): https, or http to a loopback address (a developer's machine).</summary>
public static class HttpsUrls
{
    /// <summary>An absolute https URL, or http to a loopback host; no user name or password, no fragment.</summary>
    public static bool IsHttpsOrLoopback(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.UserInfo.Length == 0 && uri.Fragment.Length == 0 && uri.Host.Length > 0
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)));

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
