using Microsoft.Extensions.Options;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.ApplicationRequests;

/// <summary>The times of requests: when one is made, and which have expired.</summary>
public sealed class ApplicationRequestClock(TimeProvider time, IOptions<ApplicationRequestOptions> options)
{
    /// <summary>In microseconds, so both engines answer the same date_created.</summary>
    public DateTime Now() => time.UtcNowInMicroseconds();

    public DateTime ExpiresAt(DateTime createdAt) => createdAt + options.Value.DeleteAfter;

    /// <summary>Requests created after this moment are live; the others have expired.</summary>
    public DateTime LiveAfter(DateTime now) => now - options.Value.DeleteAfter;
}
