using System.Globalization;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Providers.Email;

namespace Raytio.Server.Features.ApplicationRequests;

/// <summary>The email asking the person to complete the application (sent on create and on `resend`).</summary>
public static class ApplicationRequestEmails
{
    public const string QueryParameter = "request_short_code";

    /// <summary>
    /// The page link with `request_short_code=&lt;code&gt;` added to its query (an existing query is
    /// kept, a fragment stays last); the rest of the link is left exactly as given.
    /// </summary>
    public static string LinkOf(string pageLink, string shortCode)
    {
        var fragmentAt = pageLink.IndexOf('#', StringComparison.Ordinal);
        var (beforeFragment, fragment) = fragmentAt < 0 ? (pageLink, "") : (pageLink[..fragmentAt], pageLink[fragmentAt..]);
        var separator = !beforeFragment.Contains('?', StringComparison.Ordinal) ? "?"
            : beforeFragment.EndsWith('?') || beforeFragment.EndsWith('&') ? ""
            : "&";
        return $"{beforeFragment}{separator}{QueryParameter}={shortCode}{fragment}";
    }

    public static EmailMessage Request(ApplicationRequest request, Organization organization, DateTime expiresAt)
    {
        var application = request.AaName is null ? "an access application" : $"the access application \"{request.AaName}\"";
        return new EmailMessage(
            request.Email,
            "Please complete an access application",
            $"""
            {organization.Name} asks you to complete {application} on Raytio.

            Follow this link to complete it:
            {LinkOf(request.PageLink, request.ShortCode)}

            The request expires on {expiresAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC.
            If you do not know {organization.Name}, you can ignore this email.
            """);
    }
}
