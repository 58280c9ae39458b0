using Raytio.Server.Features.Secrets;

namespace Raytio.Server.Providers.Twilio;

/// <summary>
/// Keyed hashes (HMAC-SHA256 under a server secret) of destinations and codes. A plain hash of a
/// phone number or a six-digit code falls to enumeration; the keyed one needs the secret too.
/// A code's hash is bound to its destination's, so equal codes to different people differ.
/// </summary>
public sealed class OneTimeCodeHashes(ServerSecrets secrets)
{
    private const string SecretName = "one-time-code-verifications";

    public async Task<Destination> DestinationAsync(string address, CancellationToken cancellationToken) =>
        new(address, await HashAsync($"to:{address}", cancellationToken));

    public Task<string> CodeAsync(Destination to, string code, CancellationToken cancellationToken) => HashAsync($"code:{to.Hash}:{code}", cancellationToken);

    /// <summary>The Local engine's service and account SIDs: stable for an installation, derived from its secret.</summary>
    public async Task<(string Service, string Account)> LocalSidsAsync(CancellationToken cancellationToken) =>
        ("VA" + (await HashAsync("service", cancellationToken))[..32], "AC" + (await HashAsync("account", cancellationToken))[..32]);

    private Task<string> HashAsync(string text, CancellationToken cancellationToken) => secrets.HashAsync(SecretName, text, cancellationToken);
}
