using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Raytio.Server.Providers.Outside;

namespace Raytio.Server.Providers.Nzbn.Live;

/// <summary>
/// NZBN API v5 (MBIE): `GET entities` and `GET entities/{nzbn}` with the subscription key in
/// `Ocp-Apim-Subscription-Key`, `Accept: application/json` and a fresh (or the caller's)
/// `api-business-govt-nz-Request-Id`. 404 is an answer (no such entity); anything else that is not
/// a readable 2xx answer is a <see cref="ProviderFailedException"/>.
/// </summary>
public sealed class NzbnLiveRegister(IHttpClientFactory clients, IOptions<NzbnOptions> options) : INzbnRegister
{
    public const string HttpClientName = "nzbn";

    public string Name => "NZBN register (live)";

    public async Task<NzbnSearchResult> SearchAsync(NzbnSearchQuery query, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["search-term"] = query.SearchTerm,
            ["entity-status"] = query.EntityStatus,
            ["entity-type"] = query.EntityType,
            ["industry-code"] = query.IndustryCode,
            ["change-event"] = query.ChangeEvent,
            ["date-time-from"] = Stamp(query.DateTimeFrom),
            ["date-time-to"] = Stamp(query.DateTimeTo),
            ["page"] = query.Page.ToString(CultureInfo.InvariantCulture),
            ["page-size"] = query.PageSize.ToString(CultureInfo.InvariantCulture),
        };
        var path = QueryHelpers.AddQueryString("entities", parameters.Where(p => p.Value is not null));
        using var response = await GetAsync(path, query.RequestId, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw ProviderHttp.Unexpected(Name, response.StatusCode);
        }
        var found = NzbnV5Mapping.Search(await ReadJsonAsync(response, cancellationToken)) ?? throw Unreadable();
        return new NzbnSearchResult(found.Total, found.Items);
    }

    public async Task<NzbnEntity?> FindAsync(string nzbn, CancellationToken cancellationToken)
    {
        using var response = await GetAsync($"entities/{Uri.EscapeDataString(nzbn)}", null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        if (!response.IsSuccessStatusCode)
        {
            throw ProviderHttp.Unexpected(Name, response.StatusCode);
        }
        var body = await ReadJsonAsync(response, cancellationToken);
        NzbnV5Entity? v5;
        try
        {
            v5 = body.Deserialize<NzbnV5Entity>(NzbnJson.Options);
        }
        catch (JsonException malformed)
        {
            throw Unreadable(malformed);
        }
        return (v5 is null ? null : NzbnV5Mapping.Entity(v5)) ?? throw Unreadable();
    }

    private async Task<HttpResponseMessage> GetAsync(string path, Guid? requestId, CancellationToken cancellationToken)
    {
        var settings = options.Value.Live;
        var client = clients.CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(settings.BaseUrl, path));
        request.Headers.Add("Ocp-Apim-Subscription-Key", settings.SubscriptionKey);
        request.Headers.Add("api-business-govt-nz-Request-Id", (requestId ?? Guid.NewGuid()).ToString());
        request.Headers.Accept.ParseAdd("application/json");
        return await ProviderHttp.SendAsync(client, request, Name, cancellationToken);
    }

    private async Task<JsonNode?> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (JsonException malformed)
        {
            throw Unreadable(malformed);
        }
    }

    private ProviderFailedException Unreadable(Exception? inner = null) => new(Name, "answered with a body that is not the register's", inner);

    private static string? Stamp(DateTime? at) => at?.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
