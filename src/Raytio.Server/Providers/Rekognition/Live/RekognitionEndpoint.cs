namespace Raytio.Server.Providers.Rekognition.Live;

/// <summary>
/// Where CompareFaces is sent, as Rekognition's endpoint rule set (botocore endpoint-rule-set-1.json)
/// resolves it: a configured endpoint as it is, otherwise `rekognition[-fips].{region}.{suffix}` with
/// the partition's DNS suffix (dual-stack suffixes when asked).
/// </summary>
public static class RekognitionEndpoint
{
    public static Uri Resolve(RekognitionLiveOptions options)
    {
        if (options.Endpoint is { } configured)
        {
            return configured;
        }
        var (suffix, dualStackSuffix) = Partition(options.Region);
        var host = options.UseFips ? "rekognition-fips" : "rekognition";
        return new Uri($"https://{host}.{options.Region}.{(options.UseDualStack ? dualStackSuffix : suffix)}/");
    }

    /// <summary>The DNS suffixes of the partition a region belongs to (aws, aws-cn, aws-us-gov).</summary>
    private static (string DnsSuffix, string DualStackDnsSuffix) Partition(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? ("amazonaws.com.cn", "api.amazonwebservices.com.cn")
        : ("amazonaws.com", "api.aws");
}
