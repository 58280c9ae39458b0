namespace Raytio.Server.Providers.Outside;

/// <summary>
/// An outside provider did not give a usable answer (timeout, refused connection, 5xx, 429 after
/// the retries, an answer we cannot read). Carries our own wording only: the vendor's body is
/// never passed on. The operations answer it as 502 naming <see cref="Provider"/>.
/// </summary>
public sealed class ProviderFailedException(string provider, string reason, Exception? inner = null)
    : Exception($"{provider}: {reason}", inner)
{
    /// <summary>The provider's display name, e.g. "NZBN register (live)".</summary>
    public string Provider { get; } = provider;

    /// <summary>What went wrong, in our words (e.g. "timed out", "answered 503").</summary>
    public string Reason { get; } = reason;
}
