using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Providers.Email;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Organizations;

/// <summary>Application requests made through operation 13, and the emails they send.</summary>
public static class ApplicationRequestSeed
{
    public const string PageLink = "https://app.rayt.io/form/705faae0-ab27-41e2-971e-d85da6329c0f?pages=1";

    public static string RequestsPath(this Org org) => $"{org.Path}/application_requests";

    public static object Body(string? email = null, string pageLink = PageLink, string? aaName = "My app") => new
    {
        email = email ?? RaytioFactory.NewEmail(),
        page_link = pageLink,
        source = "https://app.rayt.io/org/requests",
        a_id = "c14fcbf2-9c47-45af-acc2-8a484656a321",
        aa_name = aaName,
    };

    public static async Task<JsonElement> CreateRequestAsync(this RaytioFactory app, Org org, string? bearer = null, object? body = null) =>
        await (await app.PostJsonAsync(org.RequestsPath(), body ?? Body(), bearer ?? org.Admin.Bearer)).AssertOkAsync();

    public static string ShortCode(this JsonElement answer) => answer.GetProperty("request_short_code").GetString()!;

    public static Task<HttpResponseMessage> PatchRequestAsync(this RaytioFactory app, Org org, string shortCode, object body, string? bearer) =>
        app.SendJsonTextAsync(HttpMethod.Patch, $"{org.RequestsPath()}/{shortCode}", JsonSerializer.Serialize(body), bearer);

    /// <summary>The bodies of the emails delivered to the address, oldest first.</summary>
    public static async Task<List<string>> MailsToAsync(this RaytioFactory app, string email)
    {
        await app.DeliverEmailsAsync();
        return await app.WithDbAsync(db => db.MailboxMessages.Where(m => m.To == email).OrderBy(m => m.CreatedAt).Select(m => m.Body).ToListAsync());
    }
}
