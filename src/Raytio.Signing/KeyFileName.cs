using System.Globalization;

namespace Raytio.Signing;

/// <summary>
/// Key files are named "{created:yyyyMMddTHHmmssfffZ}_{kid}.pem": the name carries the creation time
/// (which decides the active key) without a separate index that could disagree with the files.
/// </summary>
internal static class KeyFileName
{
    public const string Extension = ".pem";
    private const string TimeFormat = "yyyyMMdd'T'HHmmssfff'Z'";

    public static string Format(DateTimeOffset createdAt, string kid) =>
        createdAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture) + "_" + kid + Extension;

    /// <summary>Precision kept in file names; creation times are truncated to it.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

    public static bool TryParse(string fileName, out DateTimeOffset createdAt, out string kid)
    {
        createdAt = default;
        kid = string.Empty;
        var separator = fileName.IndexOf('_', StringComparison.Ordinal);
        if (separator < 0 || !fileName.EndsWith(Extension, StringComparison.Ordinal)
            || !DateTimeOffset.TryParseExact(fileName[..separator], TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out createdAt))
        {
            return false;
        }
        kid = fileName[(separator + 1)..^Extension.Length];
        return kid.Length > 0;
    }
}
