using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Raytio.Server.Features.Sharing;
using Raytio.Signing;

namespace Raytio.Server.Features.SharingActions;

/// <summary>
/// Posts a `webhook` action: the event `{event, i_id, a_id, from, to, custom, occurred_at}`,
/// signed with the signing engine's active key over its RFC 8785 form (`Raytio-Signature`:
/// base64url RSA-PSS SHA-512; `Raytio-Key-Id`: the key's kid in the JWK set of
/// `/extract_verify/v1/public_key`). Redirects are not followed; any 2xx is delivered.
/// </summary>
public sealed class WebhookAction(IHttpClientFactory clients, ISigningKeyStore keys)
{
    public const string ClientName = "share-webhooks";
    public const string SignatureHeader = "Raytio-Signature";
    public const string KeyIdHeader = "Raytio-Key-Id";

    public async Task PostAsync(ShareAction action, CancellationToken cancellationToken)
    {
        var body = JsonNode.Parse(action.BodyJson)!.AsObject();
        body.Remove("reference");
        var canonical = JsonCanonicalizer.Canonicalize(body.ToJsonString());
        var key = await keys.GetActiveKeyAsync(cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, action.Destination) { Content = new ByteArrayContent(canonical) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(SignatureHeader, Base64Url.EncodeToString(key.Sign(canonical)));
        request.Headers.Add(KeyIdHeader, key.Kid);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new ActionDeliveryException($"webhook answered {(int)response.StatusCode}");
            }
        }
        catch (HttpRequestException failure)
        {
            throw new ActionDeliveryException($"webhook not reached: {failure.InnerException?.Message ?? failure.Message}", failure);
        }
        catch (TaskCanceledException failure) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ActionDeliveryException("webhook timed out", failure);
        }
    }

    /// <summary>
    /// The handler of the webhook client: no redirects, a 10 s timeout (set on the client), and
    /// connections only to addresses allowed at the moment of connecting, so a name that
    /// resolves differently later (DNS rebinding) cannot reach a private address.
    /// </summary>
    public static SocketsHttpHandler Handler(IOptions<SharingOptions> options) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
            var allowed = addresses.Where(a => options.Value.AllowPrivateWebhookDestinations || !WebhookAddresses.IsPrivate(a)).ToList();
            if (allowed.Count == 0)
            {
                throw new HttpRequestException($"{context.DnsEndPoint.Host} resolves only to loopback, private or link-local addresses, which webhooks may not reach");
            }
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed.ToArray(), context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}

/// <summary>Which addresses a webhook may not reach unless Raytio:Sharing:AllowPrivateWebhookDestinations.</summary>
public static class WebhookAddresses
{
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] is 0 or 10 or 127
                || (b[0] == 172 && b[1] is >= 16 and <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 100 && b[1] is >= 64 and <= 127);
        }
        var bytes = address.GetAddressBytes();
        return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || (bytes[0] & 0xFE) == 0xFC;
    }
}
