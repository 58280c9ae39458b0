using System.Text.RegularExpressions;

namespace Raytio.Server.Hosting;

/// <summary>
/// Answers 404 for any {version} segment other than v1. Runs before routing, so a request with a
/// wrong method, media type or body learns only that the version is unknown.
/// </summary>
internal static partial class ApiVersionMiddleware
{
    public const string SupportedVersion = "v1";

    [GeneratedRegex("^/(oauth|org|db|share|papertrail|nzbn|billing|verify|credit|clarity|extract_verify|twilio|rekognition|json2csv|xero)/(?<version>[^/]+)(/|$)", RegexOptions.CultureInvariant)]
    private static partial Regex VersionedPath();

    public static IApplicationBuilder UseApiVersionCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var match = VersionedPath().Match(context.Request.Path.Value ?? "");
        if (match.Success && match.Groups["version"].Value is var version && version != SupportedVersion)
        {
            throw ApiException.NotFound("unsupported_version", $"Unsupported API version '{version}'");
        }
        await next();
    });
}
